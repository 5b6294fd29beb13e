import Foundation

/// Byte-wise (UTF-8 code unit) ordering of strings, as SigV4 sorts names and values.
enum ByteOrder {
    /// Negative, zero or positive as `lhs` sorts before, equal to or after `rhs` by bytes.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0 {
                    let result = memcmp(left.baseAddress!, right.baseAddress!, common)
                    if result != 0 { return Int(result) }
                }
                return left.count - right.count
            }
        }
    }
}
