import AWSCore
import Foundation

/// Parses `--since`/`--until` (a `DurationSpec` back from now, such as `10m`, `1h30m`, `1d`, or an
/// ISO 8601 time) and durations (`--idle-timeout 30s`). Pure: `now` is an argument.
package enum TimeSpec {
    /// A relative duration (`DurationSpec`: `90`, `30s`, `10m`, `1d`, `1h30m`).
    package static func duration(_ text: String) -> Duration? {
        DurationSpec.parse(text)
    }

    /// A point in time: a relative duration before `now`, or an ISO 8601 date/time.
    package static func instant(_ text: String, now: Date) -> Date? {
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
    package static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Milliseconds since the epoch.
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// A `logs` option value that cannot be understood.
package enum LogsOptionError: CategorizedError, CustomStringConvertible, Equatable {
    /// The until-pattern is not a regular expression.
    case invalidUntilPattern(String)

    package var category: ErrorCategory { .usage }

    /// The sentence in plain words (the CLI names the option).
    package var description: String {
        switch self {
        case .invalidUntilPattern(let pattern): "the until pattern is not a valid regular expression: \(pattern)"
        }
    }
}
