import AWSCloudWatch

/// A function's alarms as `alarms:` entries (pure). Only alarms lambdactl made (tagged) whose
/// names follow the deploy file's naming are written, so a deploy finds them under the same
/// names; the others are noted and left alone.
struct InitAlarmText {
    /// The function's name.
    var function: String
    /// The app's name in the app form.
    var app: String?

    /// The first part of the names a deploy gives (`AlarmConvergence.base`).
    var base: String {
        guard let app, !function.hasPrefix("\(app)-") else { return function }
        return "\(app)-\(function)"
    }

    func lines(_ alarms: [(alarm: MetricAlarm, owned: Bool)], notes: inout [String]) -> [String] {
        var entries: [String] = []
        for (alarm, owned) in alarms {
            let definition = alarm.definition
            guard owned, definition.name.hasPrefix(base + "-") else {
                let why = owned ? "its name does not start with \(base)-, as a deploy of this file names alarms" : "lambdactl did not make it"
                notes.append("alarm \(definition.name) on \(function) was left out (\(why)); it stays as it is")
                continue
            }
            entries.append(contentsOf: entry(definition))
        }
        guard !entries.isEmpty else { return [] }
        return ["alarms:"] + entries.map { "  " + $0 }
    }

    /// One entry: the shorthand when it says exactly this alarm, else the mapping.
    func entry(_ d: AlarmDefinition) -> [String] {
        let qualifier = d.dimensions.first { $0.name == "Resource" }?.value.split(separator: ":").last.map(String.init)
        for word in ["errors", "throttles"] {
            if let short = AlarmEntry.shorthand(word, location: ""), qualifier == nil, d.alarmActions.isEmpty,
                short.definition(function: function, base: base, topicARNs: []) == d
            {
                return ["- \(word)"]
            }
        }
        var keys = ["metric: \(YAMLText.scalar(d.metricName))"]
        if d.statistic != "Sum" { keys.append("statistic: \(YAMLText.scalar(d.statistic))") }
        keys.append("threshold: \(YAMLText.number(d.threshold))")
        if d.comparisonOperator != "GreaterThanOrEqualToThreshold" {
            keys.append("comparison: \(YAMLText.quoted(AlarmComparison.symbol(d.comparisonOperator)))")
        }
        if d.period != 60 { keys.append("period: \(d.period / 60)m") }
        if d.evaluationPeriods != 1 { keys.append("evaluation_periods: \(d.evaluationPeriods)") }
        if let datapoints = d.datapointsToAlarm, datapoints != d.evaluationPeriods { keys.append("datapoints_to_alarm: \(datapoints)") }
        if let missing = d.treatMissingData, missing != "missing" { keys.append("treat_missing: \(YAMLText.scalar(missing))") }
        if let qualifier { keys.append("qualifier: \(YAMLText.scalar(qualifier))") }
        if !d.alarmActions.isEmpty { keys.append("notify: \(YAMLText.list(d.alarmActions))") }
        var last = String(d.name.dropFirst(base.count + 1))
        if let qualifier, last.hasPrefix(qualifier + "-") { last = String(last.dropFirst(qualifier.count + 1)) }
        if last != "\(d.metricName)-\(d.statistic)".lowercased() { keys.append("name: \(YAMLText.scalar(last))") }
        return ["- " + keys[0]] + keys.dropFirst().map { "  " + $0 }
    }
}
