import AWSCloudWatch
import Foundation

/// What a rollout watches while a step holds: CloudWatch alarms by name and, when asked, the new
/// versions' `Errors` through their alias (the `ExecutedVersion` dimension).
package struct RolloutWatch: Sendable, Equatable {
    /// Alarm names (any alarm, whoever made it).
    package var alarms: [String]
    /// Also roll back when a new version reports errors through the alias.
    package var errors: Bool

    /// Creates a watch.
    package init(alarms: [String] = [], errors: Bool = false) {
        self.alarms = alarms
        self.errors = errors
    }
}

/// Why a rollout stopped: an alarm in ALARM, or errors of a new version.
package struct RolloutAlert: Sendable, Equatable, Encodable {
    /// `alarm` or `errors`.
    package var kind: String
    /// The alarm's name, or the function whose new version failed.
    package var name: String
    /// The alarm's reason, or how many errors.
    package var reason: String

    /// `alarm hello-errors-sum is ALARM (Threshold Crossed: …)`.
    package var text: String {
        kind == "alarm" ? "alarm \(name) is ALARM (\(reason))" : "\(name): \(reason)"
    }
}

/// Reads what a ``RolloutWatch`` names: one DescribeAlarms for every alarm, one GetMetricData
/// for every target's errors.
struct RolloutWatcher: Sendable {
    var cloudWatch: CloudWatchClient
    var watch: RolloutWatch

    /// The watched alarms as they are, by name.
    func alarms() async throws -> [String: MetricAlarm] {
        guard !watch.alarms.isEmpty else { return [:] }
        var found: [String: MetricAlarm] = [:]
        // DescribeAlarms takes at most 100 names.
        for start in stride(from: 0, to: watch.alarms.count, by: 100) {
            let names = Array(watch.alarms[start..<min(start + 100, watch.alarms.count)])
            for alarm in try await cloudWatch.describeAlarms(names: names) { found[alarm.definition.name] = alarm }
        }
        return found
    }

    /// The first alarm in ALARM, in the order they were named.
    func firing() async throws -> RolloutAlert? {
        let states = try await alarms()
        for name in watch.alarms {
            if let alarm = states[name], alarm.state == "ALARM" {
                return RolloutAlert(kind: "alarm", name: name, reason: alarm.stateReason ?? "no reason given")
            }
        }
        return nil
    }

    /// Errors of a target's new version through its alias since `since`.
    func errors(_ targets: [RolloutTarget], since: Date, now: Date) async throws -> RolloutAlert? {
        guard watch.errors, !targets.isEmpty else { return nil }
        let queries = targets.enumerated().map { index, target in
            MetricDataQuery(id: "e\(index)", source: .metric(Self.errorsMetric(target), period: 60, stat: "Sum"))
        }
        // Points are stamped with their minute's start: the minute the rollout began counts.
        let start = Date(timeIntervalSince1970: (since.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let results = try await cloudWatch.metricData(queries, start: start, end: now.addingTimeInterval(60))
        for (index, target) in targets.enumerated() {
            let total = results.first { $0.id == "e\(index)" }?.values.reduce(0, +) ?? 0
            if total > 0 {
                let count = total == total.rounded() ? String(Int(total)) : String(total)
                return RolloutAlert(
                    kind: "errors", name: target.function,
                    reason: "version \(target.to) had \(count) error(s) through alias \(target.alias)")
            }
        }
        return nil
    }

    /// `AWS/Lambda Errors` of `target.to` through `target.alias`.
    static func errorsMetric(_ target: RolloutTarget) -> MetricIdentity {
        MetricIdentity(namespace: "AWS/Lambda", name: "Errors", dimensions: [
            MetricDimension("FunctionName", target.function),
            MetricDimension("Resource", "\(target.function):\(target.alias)"),
            MetricDimension("ExecutedVersion", target.to),
        ])
    }
}
