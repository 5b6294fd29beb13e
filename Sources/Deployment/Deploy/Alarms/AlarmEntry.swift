import AWSCloudWatch
import Foundation

/// One entry of `function.alarms:`: an alarm on one of the function's AWS/Lambda metrics.
package struct AlarmEntry: Sendable, Equatable {
    /// `Errors`, `Throttles`, `Duration`, … (any AWS/Lambda metric).
    package var metric: String
    /// `Sum`, `Average`, `Maximum`, `Minimum`, `SampleCount` or `p50` … `p99.9`.
    package var statistic: String
    /// The threshold.
    package var threshold: Double
    /// CloudWatch's operator (`GreaterThanOrEqualToThreshold` for `>=`).
    package var comparison: String
    /// The period in seconds (a multiple of 60).
    package var period: Int
    /// `evaluation_periods`.
    package var evaluationPeriods: Int
    /// `datapoints_to_alarm` (nil: the evaluation periods).
    package var datapointsToAlarm: Int?
    /// `treat_missing`: `breaching`, `notBreaching`, `ignore` or `missing` (nil: CloudWatch's `missing`).
    package var treatMissing: String?
    /// The alias or version whose `Resource` dimension the alarm watches (nil: the whole function).
    package var qualifier: String?
    /// SNS topic names or ARNs notified on ALARM.
    package var notify: [String]
    /// The name's last part; nil: `metric-statistic`.
    package var name: String?
    /// `FILE:LINE` of the entry.
    package var location: String

    /// Creates an entry.
    package init(
        metric: String, statistic: String = "Sum", threshold: Double, comparison: String = "GreaterThanOrEqualToThreshold",
        period: Int = 60, evaluationPeriods: Int = 1, datapointsToAlarm: Int? = nil, treatMissing: String? = nil,
        qualifier: String? = nil, notify: [String] = [], name: String? = nil, location: String = ""
    ) {
        self.metric = metric
        self.statistic = statistic
        self.threshold = threshold
        self.comparison = comparison
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.treatMissing = treatMissing
        self.qualifier = qualifier
        self.notify = notify
        self.name = name
        self.location = location
    }

    /// The shorthands `errors` and `throttles`: the metric ≥ 1 in one minute, no data not breaching.
    package static func shorthand(_ word: String, location: String) -> AlarmEntry? {
        let metrics = ["errors": "Errors", "throttles": "Throttles"]
        guard let metric = metrics[word.lowercased()] else { return nil }
        return AlarmEntry(metric: metric, threshold: 1, treatMissing: "notBreaching", location: location)
    }

    /// The alarm's name: `<base>-[<qualifier>-]<name or metric-statistic>`, lower-cased where
    /// lambdactl derives it (`hello-errors-sum`, `hello-live-duration-p99`); `base` is the
    /// function's name (in the app form, with the app's name before it).
    package func alarmName(function base: String) -> String {
        let last = name ?? "\(metric)-\(statistic)".lowercased()
        return ([base] + (qualifier.map { [$0] } ?? []) + [last]).joined(separator: "-")
    }

    /// What PutMetricAlarm writes for `function`, named from `base` (default: the function's
    /// name), with the topics as ARNs (`topicARNs`, in order).
    package func definition(function: String, base: String? = nil, topicARNs: [String]) -> AlarmDefinition {
        var dimensions = [MetricDimension("FunctionName", function)]
        if let qualifier { dimensions.append(MetricDimension("Resource", "\(function):\(qualifier)")) }
        return AlarmDefinition(
            name: alarmName(function: base ?? function), description: "Made by lambdactl for \(function) from its deploy file",
            namespace: "AWS/Lambda", metricName: metric, dimensions: dimensions, statistic: statistic, period: period,
            evaluationPeriods: evaluationPeriods, datapointsToAlarm: datapointsToAlarm, threshold: threshold,
            comparisonOperator: comparison, treatMissingData: treatMissing, alarmActions: topicARNs)
    }
}
