import Foundation

/// A system record of Lambda's JSON log format (`LoggingConfig.LogFormat = JSON`): one JSON
/// object per event, `{"time": …, "type": "platform.start" | "platform.report" | …, "record":
/// {"requestId": …, …}}`, where the text format writes `START RequestId: …` and `REPORT
/// RequestId: …` lines. Parsed only when a message looks like one (pure). Schema: the Lambda
/// Developer Guide, "Configuring JSON and plain text log formats" and the Telemetry API schema
/// reference (`platform.start`, `platform.report`, `ReportMetrics`).
package struct PlatformRecord: Sendable, Equatable {
    /// `platform.start`, `platform.runtimeDone`, `platform.report`, …
    package var type: String
    /// `record.requestId`.
    package var requestID: String
    /// `record.version` (`platform.start`).
    package var version: String?
    /// `record.metrics` (`platform.report`): `durationMs`, `billedDurationMs`, `memorySizeMB`,
    /// `maxMemoryUsedMB`, `initDurationMs`.
    package var metrics: [String: Double]
    /// `record.status` (`success`, `error`, `timeout`, …).
    package var status: String?

    /// The record in `message`, or nil when it is not a platform record with a request id.
    package init?(_ message: String) {
        let trimmed = message.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("{"), message.contains("\"platform.") else { return nil }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(message.utf8))) as? [String: Any],
            let type = object["type"] as? String, type.hasPrefix("platform."),
            let record = object["record"] as? [String: Any], let requestID = record["requestId"] as? String
        else { return nil }
        self.type = type
        self.requestID = requestID
        version = record["version"] as? String
        status = record["status"] as? String
        var metrics: [String: Double] = [:]
        for (key, value) in record["metrics"] as? [String: Any] ?? [:] {
            if let number = value as? NSNumber { metrics[key] = number.doubleValue }
        }
        self.metrics = metrics
    }

    /// The line the text format writes for this record: `START RequestId: ID Version: V`,
    /// `REPORT RequestId: ID\tDuration: 2.73 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\t
    /// Max Memory Used: 38 MB\tInit Duration: 151.52 ms`, `END RequestId: ID`; nil for other types.
    package var textLine: String? {
        switch type {
        case "platform.start":
            return "START RequestId: \(requestID)" + (version.map { " Version: \($0)" } ?? "")
        case "platform.runtimeDone", "platform.end":
            return "END RequestId: \(requestID)"
        case "platform.report":
            var parts = ["REPORT RequestId: \(requestID)"]
            let fields: [(String, String, String)] = [
                ("durationMs", "Duration", "ms"), ("billedDurationMs", "Billed Duration", "ms"),
                ("memorySizeMB", "Memory Size", "MB"), ("maxMemoryUsedMB", "Max Memory Used", "MB"),
                ("initDurationMs", "Init Duration", "ms"),
            ]
            for (key, label, unit) in fields {
                if let value = metrics[key] { parts.append("\(label): \(Self.number(value)) \(unit)") }
            }
            if let status, status != "success" { parts.append("Status: \(status)") }
            return parts.joined(separator: "\t")
        default:
            return nil
        }
    }

    /// The text-format line a message stands for: a platform record's `textLine`, else the message.
    package static func equivalentLine(_ message: String) -> String {
        PlatformRecord(message)?.textLine ?? message
    }

    /// A log tail with each platform record replaced by its text line (application lines kept).
    package static func readable(_ tail: String) -> String {
        guard tail.contains("\"platform.") else { return tail }
        return tail.split(separator: "\n", omittingEmptySubsequences: false)
            .map { equivalentLine(String($0)) }.joined(separator: "\n")
    }

    /// `3`, `2.73`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
