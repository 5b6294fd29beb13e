import AWSCore
import Foundation

// Shapes from botocore `data/cloudwatch/2010-08-01/service-2.json` (`MetricAlarm`,
// `PutMetricAlarmInput`); only single-metric alarms, the members lambdactl writes and shows.

/// What PutMetricAlarm writes for a single-metric alarm: everything lambdactl compares.
package struct AlarmDefinition: Sendable, Equatable, Codable {
    /// The alarm's name (unique per account and region).
    package var name: String
    /// `AlarmDescription`.
    package var description: String?
    /// The metric watched.
    package var namespace: String
    /// The metric's name.
    package var metricName: String
    /// The metric's dimensions.
    package var dimensions: [MetricDimension]
    /// `Sum`, `Average`, `Minimum`, `Maximum` or `SampleCount` (`Statistic`), or a percentile
    /// such as `p99` (`ExtendedStatistic`).
    package var statistic: String
    /// The period in seconds.
    package var period: Int
    /// `EvaluationPeriods`.
    package var evaluationPeriods: Int
    /// `DatapointsToAlarm` (nil: the evaluation periods).
    package var datapointsToAlarm: Int?
    /// The threshold.
    package var threshold: Double
    /// `GreaterThanOrEqualToThreshold`, `GreaterThanThreshold`, `LessThanThreshold`, `LessThanOrEqualToThreshold`.
    package var comparisonOperator: String
    /// `breaching`, `notBreaching`, `ignore` or `missing` (nil: AWS's `missing`).
    package var treatMissingData: String?
    /// ARNs notified on ALARM.
    package var alarmActions: [String]
    /// ARNs notified on OK.
    package var okActions: [String]

    /// Creates a definition.
    package init(
        name: String, description: String? = nil, namespace: String, metricName: String, dimensions: [MetricDimension],
        statistic: String, period: Int, evaluationPeriods: Int, datapointsToAlarm: Int? = nil, threshold: Double,
        comparisonOperator: String, treatMissingData: String? = nil, alarmActions: [String] = [], okActions: [String] = []
    ) {
        self.name = name
        self.description = description
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.threshold = threshold
        self.comparisonOperator = comparisonOperator
        self.treatMissingData = treatMissingData
        self.alarmActions = alarmActions
        self.okActions = okActions
    }

    /// The standard statistics; anything else goes as `ExtendedStatistic`.
    package static let standardStatistics: Set<String> = ["Sum", "Average", "Minimum", "Maximum", "SampleCount"]

    /// PutMetricAlarm's parameters (tags separately).
    func parameters() -> [(String, String)] {
        var parameters = [("AlarmName", name)]
        if let description { parameters.append(("AlarmDescription", description)) }
        parameters += MetricIdentity(namespace: namespace, name: metricName, dimensions: dimensions).parameters(prefix: "")
        let statisticKey = Self.standardStatistics.contains(statistic) ? "Statistic" : "ExtendedStatistic"
        parameters += [
            (statisticKey, statistic), ("Period", String(period)), ("EvaluationPeriods", String(evaluationPeriods)),
            ("Threshold", Self.number(threshold)), ("ComparisonOperator", comparisonOperator),
        ]
        if let datapointsToAlarm { parameters.append(("DatapointsToAlarm", String(datapointsToAlarm))) }
        if let treatMissingData { parameters.append(("TreatMissingData", treatMissingData)) }
        parameters += Self.members("AlarmActions", alarmActions) + Self.members("OKActions", okActions)
        return parameters
    }

    /// `1` for whole numbers, else the shortest decimal.
    package static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `Name.member.N=value`.
    static func members(_ name: String, _ values: [String]) -> [(String, String)] {
        values.enumerated().map { ("\(name).member.\($0.offset + 1)", $0.element) }
    }
}

/// An alarm as DescribeAlarms returns it: its definition and its state.
package struct MetricAlarm: Sendable, Equatable {
    /// What it watches and when it fires.
    package var definition: AlarmDefinition
    /// Its ARN.
    package var arn: String?
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    package var state: String
    /// Why it is in that state (`StateReason`).
    package var stateReason: String?
    /// When the state last changed (`StateUpdatedTimestamp`).
    package var stateUpdated: Date?

    /// Creates an alarm value.
    package init(definition: AlarmDefinition, arn: String? = nil, state: String, stateReason: String? = nil, stateUpdated: Date? = nil) {
        self.definition = definition
        self.arn = arn
        self.state = state
        self.stateReason = stateReason
        self.stateUpdated = stateUpdated
    }

    /// Reads one `<member>` of `MetricAlarms`; nil for a metric-math alarm (no `MetricName`).
    init?(_ node: XMLDocumentNode) {
        guard let name = node.value("AlarmName"), let metricName = node.children(named: "MetricName").first?.text,
              !metricName.isEmpty
        else { return nil }
        let dimensions = (node.children(named: "Dimensions").first?.children(named: "member") ?? []).compactMap { member in
            member.value("Name").map { MetricDimension($0, member.value("Value") ?? "") }
        }
        let statistic = node.children(named: "ExtendedStatistic").first?.text ?? node.children(named: "Statistic").first?.text ?? ""
        func list(_ key: String) -> [String] {
            (node.children(named: key).first?.children(named: "member") ?? []).map(\.text).filter { !$0.isEmpty }
        }
        func text(_ key: String) -> String? {
            node.children(named: key).first.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        }
        let definition = AlarmDefinition(
            name: name, description: text("AlarmDescription"), namespace: text("Namespace") ?? "", metricName: metricName,
            dimensions: dimensions, statistic: statistic, period: text("Period").flatMap { Int($0) } ?? 0,
            evaluationPeriods: text("EvaluationPeriods").flatMap { Int($0) } ?? 0,
            datapointsToAlarm: text("DatapointsToAlarm").flatMap { Int($0) },
            threshold: text("Threshold").flatMap { Double($0) } ?? 0, comparisonOperator: text("ComparisonOperator") ?? "",
            treatMissingData: text("TreatMissingData"), alarmActions: list("AlarmActions"), okActions: list("OKActions"))
        self.init(
            definition: definition, arn: text("AlarmArn"), state: text("StateValue") ?? "INSUFFICIENT_DATA",
            stateReason: text("StateReason"), stateUpdated: text("StateUpdatedTimestamp").flatMap(CloudWatchDate.parse))
    }
}
