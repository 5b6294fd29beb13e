import Foundation

/// The two SigV4 renderings of the signing time, computed by arithmetic (no formatter).
package struct AMZDate: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`, e.g. `20150830T123600Z` (`X-Amz-Date`).
    package let timestamp: String
    /// `yyyyMMdd`, e.g. `20150830` (credential scope).
    package var day: Substring { timestamp.prefix(8) }

    /// Renders `date` in UTC, truncated to whole seconds.
    package init(_ date: Date) {
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
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        timestamp = String(unsafeUninitializedCapacity: 16) { out in
            func put(_ value: Int64, _ width: Int, at start: Int) {
                var remaining = value
                for position in stride(from: start + width - 1, through: start, by: -1) {
                    out[position] = UInt8(truncatingIfNeeded: remaining % 10) &+ 48
                    remaining /= 10
                }
            }
            put(year, 4, at: 0)
            put(month, 2, at: 4)
            put(day, 2, at: 6)
            out[8] = UInt8(ascii: "T")
            put(hour, 2, at: 9)
            put(minute, 2, at: 11)
            put(second, 2, at: 13)
            out[15] = UInt8(ascii: "Z")
            return 16
        }
    }
}
