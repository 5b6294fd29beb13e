import ArgumentParser
import AWSCloudWatch
import Deployment
import Foundation

/// `lambdactl alarms`: the CloudWatch alarms on a function's metrics, with their state.
struct Alarms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alarms",
        abstract: "List the CloudWatch alarms on a function's metrics, with state, reason and last change.",
        discussion: """
            Every single-metric alarm in AWS/Lambda whose FunctionName dimension is the function \
            (also those on an alias's Resource or an ExecutedVersion), whoever made it. Read-only.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let listed = try await app.functionAlarms().list(function: name)
        let report = AlarmsReport(function: listed.function, alarms: listed.alarms)
        try app.output.emit(report) { AlarmsText.describe(report) }
    }
}

/// `alarms --output json`: `{"function", "alarms": [{name, arn, state, reason, updated, …}]}`.
struct AlarmsReport: Encodable {
    /// The function's name.
    var function: String
    /// Its alarms, sorted by name.
    var alarms: [MetricAlarm]

    enum CodingKeys: String, CodingKey { case function, alarms }
    enum AlarmKeys: String, CodingKey {
        case name, arn, state, reason, updated, metric, statistic, dimensions, comparison, threshold, period
        case evaluationPeriods, datapointsToAlarm, treatMissingData, alarmActions, okActions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(function, forKey: .function)
        var list = container.nestedUnkeyedContainer(forKey: .alarms)
        for alarm in alarms {
            let definition = alarm.definition
            var item = list.nestedContainer(keyedBy: AlarmKeys.self)
            try item.encode(definition.name, forKey: .name)
            try item.encode(alarm.arn, forKey: .arn)
            try item.encode(alarm.state, forKey: .state)
            try item.encode(alarm.stateReason, forKey: .reason)
            try item.encode(alarm.stateUpdated.map(CloudWatchDate.text), forKey: .updated)
            try item.encode(definition.metricName, forKey: .metric)
            try item.encode(definition.statistic, forKey: .statistic)
            try item.encode(Dictionary(definition.dimensions.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }), forKey: .dimensions)
            try item.encode(AlarmComparison.symbol(definition.comparisonOperator), forKey: .comparison)
            try item.encode(definition.threshold, forKey: .threshold)
            try item.encode(definition.period, forKey: .period)
            try item.encode(definition.evaluationPeriods, forKey: .evaluationPeriods)
            try item.encode(definition.datapointsToAlarm, forKey: .datapointsToAlarm)
            try item.encode(definition.treatMissingData, forKey: .treatMissingData)
            try item.encode(definition.alarmActions, forKey: .alarmActions)
            try item.encode(definition.okActions, forKey: .okActions)
        }
    }
}

/// The text of `alarms`: one line per alarm, its reason indented below. Pure.
enum AlarmsText {
    static func describe(_ report: AlarmsReport) -> String {
        guard !report.alarms.isEmpty else { return "no alarms on \(report.function)'s metrics" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        let rows = report.alarms.map { alarm -> [String] in
            let definition = alarm.definition
            let scope = definition.dimensions.filter { $0.name != "FunctionName" }.map(\.value).joined(separator: " ")
            let condition = "\(definition.metricName) \(definition.statistic) \(AlarmComparison.symbol(definition.comparisonOperator)) "
                + MetricsText.decimal(definition.threshold, digits: 3)
                + " (\(MetricsWindow.text(definition.period)) ×\(definition.evaluationPeriods))" + (scope.isEmpty ? "" : " on \(scope)")
            return [definition.name, alarm.state, condition, alarm.stateUpdated.map(formatter.string) ?? "–"]
        }
        let widths = (0..<3).map { column in max(["ALARM", "STATE", "CONDITION"][column].count, rows.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in index < 3 ? MetricsText.pad(cell, widths[index]) : cell }.joined(separator: "  ")
        }
        var lines = [line(["ALARM", "STATE", "CONDITION", "LAST CHANGE"])]
        for (alarm, row) in zip(report.alarms, rows) {
            lines.append(line(row))
            if let reason = alarm.stateReason, !reason.isEmpty { lines.append("  " + reason) }
        }
        return lines.joined(separator: "\n")
    }
}
