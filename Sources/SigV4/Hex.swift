/// Hexadecimal and Base64 helpers for digests and signatures.
public enum Hex {
    /// The upper-case hex digit for a nibble (0...15).
    @inlinable @inline(__always)
    static func upper(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 48 : nibble &+ 55
    }

    /// The lower-case hex digit for a nibble (0...15).
    @inlinable @inline(__always)
    static func lower(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 48 : nibble &+ 87
    }

    /// The value of one hex digit (either case), or nil.
    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - 55
        default: return nil
        }
    }

    /// Lower-case hex of `bytes` (what SigV4 uses for hashes and signatures).
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        let array = Array(bytes)
        return String(unsafeUninitializedCapacity: array.count * 2) { out in
            var index = 0
            for byte in array {
                out[index] = lower(byte >> 4)
                out[index + 1] = lower(byte & 0x0F)
                index += 2
            }
            return index
        }
    }

    /// Standard Base64 (with padding) of `bytes`, e.g. for `Content-MD5`-style headers.
    public static func base64(_ bytes: some Sequence<UInt8>) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let b0 = UInt32(input[index])
            let b1 = index + 1 < input.count ? UInt32(input[index + 1]) : 0
            let b2 = index + 2 < input.count ? UInt32(input[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(triple >> 18 & 63)])
            out.append(table[Int(triple >> 12 & 63)])
            out.append(index + 1 < input.count ? table[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < input.count ? table[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
