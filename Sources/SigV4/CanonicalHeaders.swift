/// The canonical headers block and signed-headers list of a canonical request.
package struct CanonicalHeaders: Sendable, Equatable {
    /// `name:value\n` for every signed header, sorted by name (ends with a newline).
    package let text: String
    /// The `;`-joined sorted names.
    package let signedNames: String
    /// The sorted lower-case names.
    package let names: [String]

    /// Headers SigV4 signers never sign: hop-by-hop, proxy, tracing, `user-agent`, `expect`
    /// and the `authorization` header itself (`content-length` *is* signed when present).
    package static func isUnsigned(_ lowercasedName: String) -> Bool {
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
    package init(_ headers: [(name: String, value: String)]) {
        var block = [UInt8]()
        block.reserveCapacity(headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        var signed = [UInt8]()
        let ranges = CanonicalBytes.writeHeaders(headers, block: &block, signed: &signed)
        self.text = String(decoding: block, as: UTF8.self)
        self.signedNames = String(decoding: signed, as: UTF8.self)
        self.names = ranges.map { String(decoding: signed[$0], as: UTF8.self) }
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
    package static func normalizeValue(_ value: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count)
        CanonicalBytes.appendNormalizedValue(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
