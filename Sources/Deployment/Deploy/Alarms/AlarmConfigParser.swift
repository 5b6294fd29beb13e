import Foundation
import Yams

/// Reads `function.alarms:` from the composed YAML (pure). Each entry is a shorthand (`errors`,
/// `throttles`) or a mapping; every refusal names `FILE:LINE`. The key absent is nil (alarms are
/// not touched); `[]` or `null` is an empty list (the function should have no lambdactl-made alarms).
struct AlarmConfigParser {
    /// The config file, for locations.
    var path: String

    /// The keys an entry takes.
    static let keys = [
        "metric", "statistic", "threshold", "comparison", "period", "evaluation_periods", "datapoints_to_alarm",
        "treat_missing", "qualifier", "notify", "name",
    ]
    static let statistics = ["Sum", "Average", "Maximum", "Minimum", "SampleCount"]
    static let treatments = ["breaching", "notBreaching", "ignore", "missing"]

    /// The entries of the `alarms` value under `function` in `root`; nil when the key is absent.
    func entries(in root: Node) throws -> [AlarmEntry]? {
        guard let function = root.mapping?["function"], let mapping = function.mapping,
              let pair = mapping.first(where: { $0.key.string == "alarms" })
        else { return nil }
        let value = pair.value
        if let scalar = value.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return [] }
        guard let list = value.sequence else {
            throw error(value, "function.alarms should be a list, e.g. [errors, throttles], or [] for none")
        }
        let entries = try list.map(entry)
        var seen: [String: String] = [:]
        for entry in entries {
            let key = entry.alarmName(function: "")
            if let first = seen[key] {
                throw DeployConfigError(
                    "\(entry.location): this alarm has the same metric, statistic and qualifier as the one at \(first); "
                        + "give one of them a name (name: …)")
            }
            seen[key] = entry.location
        }
        return entries
    }

    /// One entry: a shorthand or a mapping.
    func entry(_ node: Node) throws -> AlarmEntry {
        if let word = node.string, node.mapping == nil {
            guard let entry = AlarmEntry.shorthand(word, location: location(node)) else {
                throw error(node, "unknown alarm shorthand \"\(word)\"; write errors, throttles, or a mapping such as {metric: Errors, threshold: 1}")
            }
            return entry
        }
        guard let map = node.mapping else {
            throw error(node, "an alarm should be errors, throttles, or a mapping such as {metric: Errors, threshold: 1}")
        }
        var values: [String: Node] = [:]
        for (key, value) in map {
            let name = key.string ?? "?"
            guard Self.keys.contains(name) else {
                throw error(key, "unknown key \"\(name)\" in an alarm; expected one of: \(Self.keys.joined(separator: ", "))")
            }
            values[name] = value
        }
        guard let metric = values["metric"]?.string, !metric.isEmpty else {
            throw error(node, "an alarm needs metric: (an AWS/Lambda metric such as Errors, Throttles or Duration)")
        }
        guard let thresholdNode = values["threshold"], let threshold = thresholdNode.string.flatMap(Double.init), threshold.isFinite else {
            throw error(values["threshold"] ?? node, "an alarm needs threshold: a number, e.g. threshold: 1")
        }
        var entry = AlarmEntry(metric: metric, threshold: threshold, location: location(node))
        if let node = values["statistic"] {
            let text = node.string ?? ""
            guard Self.statistics.contains(text) || Self.isPercentile(text) else {
                throw error(node, "statistic takes \(Self.statistics.joined(separator: ", ")) or a percentile p0 … p100 such as p99 or p99.9, not \"\(text)\"")
            }
            entry.statistic = text
        }
        if let node = values["comparison"] {
            guard let name = AlarmComparison.name(node.string ?? "") else {
                throw error(node, "comparison takes >, >=, < or <= (quote it: comparison: \">=\")")
            }
            entry.comparison = name
        }
        if let node = values["period"] {
            guard let duration = node.string.flatMap(DurationSpec.parse), case let seconds = Int(TimeSpec.seconds(duration)),
                  seconds >= 60, seconds % 60 == 0, Double(seconds) == TimeSpec.seconds(duration)
            else { throw error(node, "period takes whole minutes of at least 1m, e.g. period: 5m") }
            entry.period = seconds
        }
        entry.evaluationPeriods = try count(values["evaluation_periods"], "evaluation_periods") ?? 1
        entry.datapointsToAlarm = try count(values["datapoints_to_alarm"], "datapoints_to_alarm")
        if let points = entry.datapointsToAlarm, points > entry.evaluationPeriods, let node = values["datapoints_to_alarm"] {
            throw error(node, "datapoints_to_alarm (\(points)) cannot be more than evaluation_periods (\(entry.evaluationPeriods))")
        }
        if let node = values["treat_missing"] {
            guard let text = node.string, Self.treatments.contains(text) else {
                throw error(node, "treat_missing takes \(Self.treatments.joined(separator: ", "))")
            }
            entry.treatMissing = text
        }
        entry.qualifier = try word(values["qualifier"], "qualifier")
        entry.name = try word(values["name"], "name")
        if let node = values["notify"] {
            guard let list = node.sequence ?? (node.string.map { _ in [node] }) else {
                throw error(node, "notify takes SNS topic names or ARNs, e.g. notify: [alerts]")
            }
            entry.notify = try list.map { item in
                guard let text = item.string, !text.isEmpty else { throw error(item, "notify takes SNS topic names or ARNs") }
                return text
            }
        }
        return entry
    }

    /// `p50`, `p99`, `p99.9`, `p100`.
    static func isPercentile(_ text: String) -> Bool {
        guard text.hasPrefix("p"), let value = Double(text.dropFirst()), text.dropFirst().allSatisfy({ $0.isNumber || $0 == "." })
        else { return false }
        return (0...100).contains(value)
    }

    /// A whole number ≥ 1.
    func count(_ node: Node?, _ key: String) throws -> Int? {
        guard let node else { return nil }
        guard let value = node.string.flatMap({ Int($0) }), value >= 1 else {
            throw error(node, "\(key) takes a whole number of at least 1")
        }
        return value
    }

    /// A name part: letters, digits, `-`, `_`, `.`, `$`.
    func word(_ node: Node?, _ key: String) throws -> String? {
        guard let node else { return nil }
        guard let text = node.string, !text.isEmpty,
              text.allSatisfy({ $0.isLetter || $0.isNumber || "-_.$".contains($0) })
        else { throw error(node, "\(key) takes letters, digits, -, _ or . (it becomes part of the alarm's name)") }
        return text
    }

    func location(_ node: Node) -> String {
        node.mark.map { "\(path):\($0.line)" } ?? path
    }

    func error(_ node: Node, _ message: String) -> DeployConfigError {
        DeployConfigError("\(location(node)): \(message)")
    }
}
