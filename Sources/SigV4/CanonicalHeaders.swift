/// The canonical headers block and signed-headers list of a canonical request.
public struct CanonicalHeaders: Sendable, Equatable {
    /// `name:value\n` for every signed header, sorted by name (ends with a newline).
    public let text: String
    /// The `;`-joined sorted names.
    public let signedNames: String
    /// The sorted lower-case names.
    public let names: [String]

    /// Headers SigV4 signers never sign: hop-by-hop, proxy, tracing, `user-agent`, `expect`
    /// and the `authorization` header itself (`content-length` *is* signed when present).
    public static func isUnsigned(_ lowercasedName: String) -> Bool {
        switch lowercasedName {
        case "user-agent", "expect", "connection", "keep-alive", "transfer-encoding", "te", "upgrade",
            "x-amzn-trace-id", "authorization", "proxy-authorization", "proxy-authenticate", "proxy-connection":
            return true
        default:
            return lowercasedName.hasPrefix("proxy-")
        }
    }

    /// Canonicalises `headers`: names lower-cased, values trimmed with inner whitespace runs
    /// (including obs-fold line breaks) folded into one space, repeated names joined with `,`
    /// in request order, sorted by name. Never-signed headers are left out.
    public init(_ headers: [(name: String, value: String)]) {
        var entries: [(name: String, value: String, position: Int)] = []
        entries.reserveCapacity(headers.count)
        for (position, header) in headers.enumerated() {
            let name = Self.asciiLowercased(header.name)
            if Self.isUnsigned(name) { continue }
            entries.append((name, Self.normalizeValue(header.value), position))
        }
        entries.sort { lhs, rhs in
            let order = ByteOrder.compare(lhs.name, rhs.name)
            return order == 0 ? lhs.position < rhs.position : order < 0
        }
        var block = [UInt8]()
        block.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        var signed = [UInt8]()
        signed.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + 1 })
        var names: [String] = []
        names.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if index > 0 && entries[index - 1].name == entry.name {
                block[block.count - 1] = UInt8(ascii: ",")  // repeated names join with ","
            } else {
                if !names.isEmpty { signed.append(UInt8(ascii: ";")) }
                signed.append(contentsOf: entry.name.utf8)
                names.append(entry.name)
                block.append(contentsOf: entry.name.utf8)
                block.append(UInt8(ascii: ":"))
            }
            block.append(contentsOf: entry.value.utf8)
            block.append(UInt8(ascii: "\n"))
        }
        let signedNames = String(decoding: signed, as: UTF8.self)
        self.text = String(decoding: block, as: UTF8.self)
        self.names = names
        self.signedNames = signedNames
    }

    /// `name` with ASCII upper-case letters lowered (header names are ASCII tokens).
    static func asciiLowercased(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return name }
        var name = name
        return name.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    out[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// Trims `value` and folds each inner run of spaces, tabs and line breaks into one space.
    public static func normalizeValue(_ value: String) -> String {
        var needsWork = false
        var previousSpace = true
        for byte in value.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace && (previousSpace || byte != 0x20) { needsWork = true; break }
            previousSpace = isSpace
        }
        if !needsWork && !previousSpace { return value }
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
