/// Hexadecimal helpers for digests and signatures.
package enum Hex {
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
    package static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
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
}
