import AWSCore
import Foundation

/// Parses `--since`/`--until` (`10m`, `2h`, `1d`, `30s`, `1w`, or ISO 8601) and durations
/// (`--idle-timeout 30s`). Pure: `now` is an argument.
public enum TimeSpec {
    /// A relative duration such as `90s`, `10m`, `2h`, `1d`, `1w`; a bare number means seconds.
    public static func duration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let unit: Double
        var number = Substring(trimmed)
        switch last {
        case "s": unit = 1; number = number.dropLast()
        case "m": unit = 60; number = number.dropLast()
        case "h": unit = 3600; number = number.dropLast()
        case "d": unit = 86_400; number = number.dropLast()
        case "w": unit = 604_800; number = number.dropLast()
        default: unit = 1
        }
        if number.hasSuffix("m") && last == "s" {  // "500ms"
            guard let value = Double(number.dropLast()), value >= 0 else { return nil }
            return .milliseconds(Int64(value))
        }
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        return .milliseconds(Int64(value * unit * 1000))
    }

    /// A point in time: a relative duration before `now`, or an ISO 8601 date/time.
    public static func instant(_ text: String, now: Date) -> Date? {
        if let duration = duration(text) {
            return now.addingTimeInterval(-Self.seconds(duration))
        }
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Milliseconds since the epoch.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// A `logs` option value that cannot be understood.
public struct LogsOptionError: CategorizedError, CustomStringConvertible {
    /// The sentence for the user.
    public let description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
    public var category: ErrorCategory { .usage }
}
