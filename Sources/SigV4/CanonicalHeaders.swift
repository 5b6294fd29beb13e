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
        var grouped: [String: String] = [:]
        var order: [String] = []
        for header in headers {
            let name = header.name.lowercased()
            if Self.isUnsigned(name) { continue }
            let value = Self.normalizeValue(header.value)
            if let existing = grouped[name] {
                grouped[name] = existing + "," + value
            } else {
                grouped[name] = value
                order.append(name)
            }
        }
        order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var text = ""
        for name in order {
            text += name
            text += ":"
            text += grouped[name]!
            text += "\n"
        }
        self.text = text
        self.names = order
        self.signedNames = order.joined(separator: ";")
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
