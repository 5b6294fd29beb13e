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
        uri.withUTF8 { bytes in
            for byte in bytes {
                if URIEncoding.isUnreserved(byte) || byte == UInt8(ascii: "/") {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(Hex.upper(byte >> 4))
                    out.append(Hex.upper(byte & 0x0F))
                }
            }
        }
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

    /// Appends `text` URI-encoded with the RFC 3986 unreserved set (`/` encoded too).
    static func appendEncoded(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if URIEncoding.isUnreserved(byte) {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(Hex.upper(byte >> 4))
                    out.append(Hex.upper(byte & 0x0F))
                }
            }
        }
    }

    /// Appends `value` trimmed, each inner run of spaces, tabs and line breaks folded into one space.
    static func appendNormalizedValue(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
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

    /// Lower-case hex of `bytes` appended to `out`.
    static func appendHex(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            out.append(Hex.lower(byte >> 4))
            out.append(Hex.lower(byte & 0x0F))
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
        var lowered = [UInt8]()
        lowered.reserveCapacity(total * 24)
        var entries = [Entry]()
        entries.reserveCapacity(total)
        for position in 0..<total {
            var name = position < headers.count ? headers[position].name : extra[position - headers.count].name
            let start = lowered.count
            name.withUTF8 { bytes in
                for byte in bytes { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            }
            let skip = lowered.withUnsafeBufferPointer { all in
                let name = UnsafeBufferPointer(rebasing: all[start..<all.count])
                return isUnsigned(name) || (position < headers.count && replaced(name))
            }
            if skip {
                lowered.removeLast(lowered.count - start)
            } else {
                entries.append(Entry(start: start, count: lowered.count - start, position: position))
            }
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(entries.count)
        lowered.withUnsafeBufferPointer { names in
            /// Byte order of the two names, then request order.
            func before(_ lhs: Entry, _ rhs: Entry) -> Bool {
                let order = compare(names, lhs, rhs)
                return order == 0 ? lhs.position < rhs.position : order < 0
            }
            func compare(_ names: UnsafeBufferPointer<UInt8>, _ lhs: Entry, _ rhs: Entry) -> Int {
                let common = min(lhs.count, rhs.count)
                for offset in 0..<common where names[lhs.start + offset] != names[rhs.start + offset] {
                    return Int(names[lhs.start + offset]) - Int(names[rhs.start + offset])
                }
                return lhs.count - rhs.count
            }
            entries.sort(by: before)
            for (index, entry) in entries.enumerated() {
                let name = UnsafeBufferPointer(rebasing: names[entry.start..<entry.start + entry.count])
                if index > 0 && compare(names, entries[index - 1], entry) == 0 {
                    block[block.count - 1] = UInt8(ascii: ",")  // repeated names join with ","
                } else {
                    if !ranges.isEmpty { signed.append(UInt8(ascii: ";")) }
                    ranges.append(signed.count..<signed.count + name.count)
                    signed.append(contentsOf: name)
                    block.append(contentsOf: name)
                    block.append(UInt8(ascii: ":"))
                }
                let value =
                    entry.position < headers.count
                    ? headers[entry.position].value : extra[entry.position - headers.count].value
                appendNormalizedValue(value, to: &block)
                block.append(UInt8(ascii: "\n"))
            }
        }
        return ranges
    }

    /// `CanonicalHeaders.isUnsigned` over the bytes of a lower-cased name.
    static func isUnsigned(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.starts(with: proxyPrefix) { return true }
        for unsigned in unsignedNames where unsigned.count == name.count && unsigned.elementsEqual(name) {
            return true
        }
        return false
    }

    /// The never-signed names that do not start with `proxy-`.
    private static let unsignedNames: [[UInt8]] = [
        "user-agent", "expect", "connection", "keep-alive", "transfer-encoding", "te", "upgrade",
        "x-amzn-trace-id", "authorization",
    ].map { Array($0.utf8) }

    private static let proxyPrefix = Array("proxy-".utf8)
}
