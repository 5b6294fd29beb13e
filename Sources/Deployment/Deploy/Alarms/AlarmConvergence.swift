import AWSCloudWatch
import AWSCore
import AWSSNS
import Foundation

/// One alarm line of a deploy plan (or report).
package struct AlarmStep: Sendable, Equatable, Encodable {
    /// What happens to the alarm (as for triggers: create, update, unchanged, remove, keep).
    package var change: TriggerStep.Change
    /// The alarm's name.
    package var name: String
    /// Fields changed, `name: old → new`.
    package var changes: [String]
    /// `FILE:LINE` of the entry; nil for one not in the file.
    package var location: String?

    /// True when the step writes (or would write).
    package var writes: Bool { change == .create || change == .update || change == .remove }
}

/// Converges a function's alarms to `function.alarms:`: reads the alarms named `<base>-…`
/// (DescribeAlarms by prefix) and the topics notified (GetTopicAttributes), compares each
/// desired alarm field by field, then writes only what differs (PutMetricAlarm updates in
/// place) and removes lambdactl-made alarms (tagged `lambdactl:function`) the file no longer
/// lists when the list is empty or pruning. Alarms lambdactl did not make are never touched.
package struct AlarmConvergence: Sendable {
    /// The tag that marks an alarm lambdactl made, with the function's name as its value.
    package static let ownerTag = "lambdactl:function"

    /// CloudWatch.
    package var cloudWatch: CloudWatchClient
    /// SNS, to check the topics notified.
    package var sns: SNSClient
    /// The function's name.
    package var function: String
    /// Also remove lambdactl-made alarms the (non-empty) list does not name.
    package var prune: Bool
    /// The app and stage that own the function, in the app form.
    package var ownership: AppOwnership?
    /// Tags added to the alarms made (the owner tag, plus the app's in the app form).
    package var tags: [String: String]

    /// Creates the convergence.
    package init(cloudWatch: CloudWatchClient, sns: SNSClient, function: String, prune: Bool, ownership: AppOwnership? = nil) {
        self.cloudWatch = cloudWatch
        self.sns = sns
        self.function = function
        self.prune = prune
        self.ownership = ownership
        self.tags = (ownership?.tags ?? [:]).merging([Self.ownerTag: function]) { _, owner in owner }
    }

    /// The first part of every alarm name: the function's name, in the app form with the app's
    /// name before it unless the function's name starts with it (the stage is in the function's name).
    package var base: String {
        guard let app = ownership?.app, !function.hasPrefix("\(app)-") else { return function }
        return "\(app)-\(function)"
    }

    /// Whether an alarm's tags mark it as made by lambdactl for this function (and app and stage).
    func owns(_ tags: [String: String]) -> Bool {
        tags[Self.ownerTag] == function && (ownership?.owns(tags) ?? true)
    }

    /// A planned alarm: the step and what apply writes or removes.
    package struct Planned: Sendable, Equatable {
        /// The line for the plan.
        package var step: AlarmStep
        /// What to write (creates and updates).
        package var definition: AlarmDefinition?
    }

    /// The plan, from read-only calls. Topic names become ARNs in the function's account and
    /// region (`functionARN`; nil when the function does not exist yet: then every alarm is a
    /// create planned with the names, resolved again once it exists). A topic that does not
    /// exist is refused at its entry's line.
    package func plan(_ entries: [AlarmEntry], functionARN: String?) async throws -> [Planned] {
        let current = functionARN == nil ? [] : try await cloudWatch.describeAlarms(prefix: base + "-")
        let byName = Dictionary(current.map { ($0.definition.name, $0) }, uniquingKeysWith: { first, _ in first })
        var planned: [Planned] = []
        for entry in entries {
            let topics = try await topicARNs(entry, functionARN: functionARN)
            let desired = entry.definition(function: function, base: base, topicARNs: topics)
            guard let existing = byName[desired.name] else {
                planned.append(Planned(step: AlarmStep(change: .create, name: desired.name, changes: [], location: entry.location), definition: desired))
                continue
            }
            let changes = Self.changes(from: existing.definition, to: desired)
            let step = AlarmStep(change: changes.isEmpty ? .unchanged : .update, name: desired.name, changes: changes, location: entry.location)
            planned.append(Planned(step: step, definition: changes.isEmpty ? nil : desired))
        }
        let named = Set(planned.map(\.step.name))
        let removes = prune || entries.isEmpty
        for alarm in current where !named.contains(alarm.definition.name) {
            guard let arn = alarm.arn, owns(try await cloudWatch.tags(resourceARN: arn)) else { continue }
            planned.append(Planned(step: AlarmStep(change: removes ? .remove : .keep, name: alarm.definition.name, changes: [], location: nil)))
        }
        return planned
    }

    /// Writes the creates and updates (PutMetricAlarm, tagged on create), then deletes the
    /// removals in one call. Returns the steps as done; an unchanged alarm makes no call.
    package func apply(_ plan: [Planned], onStep: (AlarmStep) -> Void = { _ in }) async throws -> [AlarmStep] {
        var done: [AlarmStep] = []
        for item in plan {
            if let definition = item.definition {
                try await cloudWatch.putMetricAlarm(definition, tags: item.step.change == .create ? tags : [:])
            }
            if item.step.change != .remove {
                done.append(item.step)
                onStep(item.step)
            }
        }
        let removals = plan.filter { $0.step.change == .remove }.map(\.step)
        if !removals.isEmpty {
            try await cloudWatch.deleteAlarms(removals.map(\.name))
            removals.forEach(onStep)
            done += removals
        }
        return done
    }

    /// The entry's topics as ARNs, each checked to exist (GetTopicAttributes) once the
    /// function's account is known.
    func topicARNs(_ entry: AlarmEntry, functionARN: String?) async throws -> [String] {
        let parts = functionARN?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? []
        var arns: [String] = []
        for text in entry.notify {
            guard let reference = TopicReference(text) else {
                throw DeployConfigError("\(entry.location): notify: \"\(text)\" is neither an SNS topic name nor a topic ARN")
            }
            guard parts.count >= 5 else {
                arns.append(text)
                continue
            }
            let arn = reference.arn(region: parts[3], account: parts[4], partition: parts[1])
            do {
                _ = try await sns.topicAttributes(topicARN: arn)
            } catch let error as AWSServiceError where error.code == "NotFound" || error.status == 404 {
                throw DeployConfigError("\(entry.location): notify: the SNS topic \(arn) does not exist; create it first or leave it out")
            }
            arns.append(arn)
        }
        return arns
    }

    /// `field: old → new` for each field that differs (empty: nothing to write).
    static func changes(from current: AlarmDefinition, to desired: AlarmDefinition) -> [String] {
        func text(_ value: Double) -> String { AlarmDefinition.number(value) }
        var changes: [String] = []
        func compare(_ name: String, _ old: String?, _ new: String?) {
            if old != new { changes.append("\(name): \(old ?? "none") → \(new ?? "none")") }
        }
        compare("description", current.description, desired.description)
        compare("metric", current.metricName, desired.metricName)
        compare("dimensions", current.dimensions.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: ","),
                desired.dimensions.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: ","))
        compare("statistic", current.statistic, desired.statistic)
        compare("threshold", text(current.threshold), text(desired.threshold))
        compare("comparison", AlarmComparison.symbol(current.comparisonOperator), AlarmComparison.symbol(desired.comparisonOperator))
        compare("period", MetricsWindow.text(current.period), MetricsWindow.text(desired.period))
        compare("evaluation_periods", String(current.evaluationPeriods), String(desired.evaluationPeriods))
        compare("datapoints_to_alarm", (current.datapointsToAlarm ?? current.evaluationPeriods).description,
                (desired.datapointsToAlarm ?? desired.evaluationPeriods).description)
        compare("treat_missing", current.treatMissingData ?? "missing", desired.treatMissingData ?? "missing")
        compare("notify", current.alarmActions.joined(separator: ","), desired.alarmActions.joined(separator: ","))
        return changes
    }
}
