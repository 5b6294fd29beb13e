/// RFC 3986 percent-encoding as AWS Signature Version 4 defines it ("UriEncode" in
/// "Create a canonical request", AWS IAM User Guide): every byte but `A-Z a-z 0-9 - _ . ~`
/// becomes `%XX` with upper-case hex. Same rules as `AWSCore.PercentEncoding`.
package enum URIEncoding {
    /// Encodes `text`; `/` is kept as is when `keepSlash` is true (for paths).
    package static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var text = text
        return text.withUTF8 { bytes in
            if !needsEncoding(bytes, keepSlash: keepSlash) { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count * 3) { out in
                append(bytes, keepSlash: keepSlash, to: out, at: 0)
            }
        }
    }

    /// Encodes `bytes` into `out` starting at `index`; returns the index after the last byte
    /// written. `out` must have room for three bytes per input byte.
    @inlinable
    static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, keepSlash: Bool, to out: UnsafeMutableBufferPointer<UInt8>,
        at index: Int
    ) -> Int {
        var index = index
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out[index] = byte
                index += 1
            } else {
                out[index] = UInt8(ascii: "%")
                out[index + 1] = Hex.upper(byte >> 4)
                out[index + 2] = Hex.upper(byte & 0x0F)
                index += 3
            }
        }
        return index
    }

    /// True when some byte of `bytes` has to be percent-encoded.
    @inlinable
    static func needsEncoding(_ bytes: UnsafeBufferPointer<UInt8>, keepSlash: Bool) -> Bool {
        for byte in bytes where !(isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/"))) {
            return true
        }
        return false
    }

    /// True for the bytes RFC 3986 calls unreserved.
    @inlinable @inline(__always)
    package static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Decodes `%XX` escapes (a `+` stays a plus); malformed escapes are kept as they are.
    package static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = Hex.value(bytes[index + 1]), let low = Hex.value(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
