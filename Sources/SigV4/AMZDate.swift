import Foundation

/// The two SigV4 renderings of the signing time, computed by arithmetic (no formatter).
public struct AMZDate: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`, e.g. `20150830T123600Z` (`X-Amz-Date`).
    public let timestamp: String
    /// `yyyyMMdd`, e.g. `20150830` (credential scope).
    public var day: Substring { timestamp.prefix(8) }

    /// Renders `date` in UTC, truncated to whole seconds.
    public init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil-from-days (H. Hinnant): days since 1970-01-01 to year/month/day.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let fields: [(Int64, Int)] = [
            (year, 4), (month, 2), (day, 2), (secondOfDay / 3600, 2), (secondOfDay / 60 % 60, 2), (secondOfDay % 60, 2),
        ]
        timestamp = String(unsafeUninitializedCapacity: 16) { out in
            var index = 0
            for (number, (value, width)) in fields.enumerated() {
                if number == 3 {
                    out[index] = UInt8(ascii: "T")
                    index += 1
                }
                var remaining = value
                for position in stride(from: width - 1, through: 0, by: -1) {
                    out[index + position] = UInt8(truncatingIfNeeded: remaining % 10) + 48
                    remaining /= 10
                }
                index += width
            }
            out[index] = UInt8(ascii: "Z")
            return index + 1
        }
    }
}
