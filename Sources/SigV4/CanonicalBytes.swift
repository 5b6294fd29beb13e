import Foundation

/// Byte-level writers of the canonical request's parts. The signer assembles the canonical
/// request, the string to sign and the `Authorization` value in byte buffers with these (no
/// intermediate `String`s, one sort over integers); the `String` stage APIs
/// (`CanonicalHeaders`, `CanonicalRequest.canonicalURI`) are built on the same writers, so the
/// stage-by-stage vector tests cover the bytes the signer signs.
enum CanonicalBytes {
    /// Appends the UTF-8 of `text` (one `memcpy` for native strings).
    @inline(__always)
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends the canonical URI of the wire path `path` (see `CanonicalRequest.canonicalURI`).
    static func appendURI(_ path: String, config: SigningConfig, to out: inout [UInt8]) {
        var uri = config.normalizePath && !CanonicalRequest.isNormal(path) ? CanonicalRequest.normalize(path) : path
        if uri.isEmpty { uri = "/" }
        guard config.doubleURIEncode else { return append(uri, to: &out) }
        appendEncoded(uri, keepSlash: true, to: &out)
    }

    /// Appends the canonical query of `pairs` (see `CanonicalRequest.canonicalQuery`).
    static func appendQuery(_ pairs: [(name: String, value: String)], to out: inout [UInt8]) {
        switch pairs.count {
        case 0: return
        case 1:  // nothing to sort: encode straight into the buffer
            appendEncoded(pairs[0].name, to: &out)
            out.append(UInt8(ascii: "="))
            appendEncoded(pairs[0].value, to: &out)
        default:
            append(CanonicalRequest.canonicalQuery(pairs), to: &out)
        }
    }

    /// Appends `text` URI-encoded with the RFC 3986 unreserved set (`/` kept when `keepSlash`).
    static func appendEncoded(_ text: String, keepSlash: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3) { buffer in
                let count = URIEncoding.append(bytes, keepSlash: keepSlash, to: buffer, at: 0)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// Appends `value` trimmed, each inner run of spaces, tabs and line breaks folded into one space.
    static func appendNormalizedValue(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            if isNormalized(bytes) { return out.append(contentsOf: bytes) }
            var wroteAny = false
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = wroteAny
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    wroteAny = true
                    out.append(byte)
                }
            }
        }
    }

    /// True when `bytes` neither starts nor ends with whitespace and has no whitespace but single spaces.
    private static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace && (previousSpace || byte != 0x20) { return false }
            previousSpace = isSpace
        }
        return !previousSpace || bytes.isEmpty
    }

    /// Lower-case hex of `bytes` appended to `out`.
    static func appendHex(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2) { hex in
            for index in 0..<bytes.count {
                hex[2 * index] = Hex.lower(bytes[index] >> 4)
                hex[2 * index + 1] = Hex.lower(bytes[index] & 0x0F)
            }
            out.append(contentsOf: UnsafeBufferPointer(hex))
        }
    }

    /// Writes the canonical headers block of `headers` followed by `extra` (in that request
    /// order) to `block` and the `;`-joined signed names to `signed`; returns the range of each
    /// distinct name within `signed`. Names are lower-cased; never-signed headers
    /// (`CanonicalHeaders.isUnsigned`) and headers of `headers` whose lower-cased name
    /// `replaced` accepts are left out; repeated names join with `,` in request order.
    static func writeHeaders(
        _ headers: [(name: String, value: String)], extra: [(name: String, value: String)] = [],
        replaced: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        block: inout [UInt8], signed: inout [UInt8]
    ) -> [Range<Int>] {
        struct Entry {
            var start: Int  // of the lower-cased name in `lowered`
            var count: Int
            var position: Int  // index into headers + extra
        }
        let total = headers.count + extra.count
        /// The name or value of header `position` of `headers` followed by `extra`.
        func header(_ position: Int) -> (name: String, value: String) {
            position < headers.count ? headers[position] : extra[position - headers.count]
        }
        var nameBytes = 0
        for position in 0..<total { nameBytes += header(position).name.utf8.count }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(total)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(nameBytes, 1)) { lowered in
            withUnsafeTemporaryAllocation(of: Entry.self, capacity: max(total, 1)) { entryBuffer in
                var used = 0
                var count = 0
                for position in 0..<total {
                    var original = header(position).name
                    let start = used
                    original.withUTF8 { bytes in
                        for byte in bytes {
                            lowered[used] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                            used += 1
                        }
                    }
                    let name = UnsafeBufferPointer(rebasing: lowered[start..<used])
                    if isUnsigned(name) || (position < headers.count && replaced(name)) {
                        used = start
                    } else {
                        let entry = Entry(start: start, count: used - start, position: position)
                        entryBuffer.initializeElement(at: count, to: entry)
                        count += 1
                    }
                }
                let names = UnsafeBufferPointer(lowered)
                /// Byte order of two entries' names.
                func compare(_ lhs: Entry, _ rhs: Entry) -> Int {
                    let common = min(lhs.count, rhs.count)
                    for offset in 0..<common where names[lhs.start + offset] != names[rhs.start + offset] {
                        return Int(names[lhs.start + offset]) - Int(names[rhs.start + offset])
                    }
                    return lhs.count - rhs.count
                }
                var entries = UnsafeMutableBufferPointer(rebasing: entryBuffer[0..<count])
                entries.sort { lhs, rhs in
                    let order = compare(lhs, rhs)
                    return order == 0 ? lhs.position < rhs.position : order < 0
                }
                for index in 0..<count {
                    let entry = entries[index]
                    let name = UnsafeBufferPointer(rebasing: names[entry.start..<entry.start + entry.count])
                    if index > 0 && compare(entries[index - 1], entry) == 0 {
                        block[block.count - 1] = UInt8(ascii: ",")  // repeated names join with ","
                    } else {
                        if !ranges.isEmpty { signed.append(UInt8(ascii: ";")) }
                        ranges.append(signed.count..<signed.count + name.count)
                        signed.append(contentsOf: name)
                        block.append(contentsOf: name)
                        block.append(UInt8(ascii: ":"))
                    }
                    appendNormalizedValue(header(entry.position).value, to: &block)
                    block.append(UInt8(ascii: "\n"))
                }
                entryBuffer.baseAddress!.deinitialize(count: count)
            }
        }
        return ranges
    }

    /// `CanonicalHeaders.isUnsigned` over the bytes of a lower-cased name.
    static func isUnsigned(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        /// True when `name` is `literal`.
        func equals(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == name.count && memcmp(name.baseAddress!, literal.utf8Start, name.count) == 0
        }
        if name.count >= 6 && memcmp(name.baseAddress!, ("proxy-" as StaticString).utf8Start, 6) == 0 { return true }
        switch name.count {
        case 2: return equals("te")
        case 6: return equals("expect")
        case 7: return equals("upgrade")
        case 10: return equals("user-agent") || equals("connection") || equals("keep-alive")
        case 13: return equals("authorization")
        case 15: return equals("x-amzn-trace-id")
        case 17: return equals("transfer-encoding")
        default: return false
        }
    }
}
