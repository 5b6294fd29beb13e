import AWSCloudWatchLogs
import Foundation

/// How `logs` prints an event.
package enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-23T12:00:00.123Z message`.
    case short
    /// `2026-11-23T12:00:00.123Z STREAM message`.
    case detailed
    /// One JSON object per line: eventId, logStreamName, timestamp, ingestionTime, message.
    case json

    /// The line (without newline) for `event`. The message's trailing newline is dropped.
    package func render(_ event: FilteredLogEvent) -> String {
        let message = Self.trimmed(event.message ?? "")
        switch self {
        case .short:
            return "\(Self.timestamp(event.timestamp ?? 0)) \(message)"
        case .detailed:
            return "\(Self.timestamp(event.timestamp ?? 0)) \(event.logStreamName ?? "-") \(message)"
        case .json:
            let line = JSONLine(
                eventId: event.eventId, logStreamName: event.logStreamName, timestamp: event.timestamp,
                ingestionTime: event.ingestionTime, message: message)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    /// The message without its final line break.
    static func trimmed(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text = text.dropLast() }
        return String(text)
    }

    /// ISO 8601 with milliseconds, UTC, computed without a formatter (fast for 10,000 lines).
    static func timestamp(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let millis = milliseconds - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(millis, 3))Z"
    }

    /// Days since 1970-01-01 → (year, month, day); Howard Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private struct JSONLine: Encodable {
        var eventId: String?
        var logStreamName: String?
        var timestamp: Int64?
        var ingestionTime: Int64?
        var message: String
    }
}
