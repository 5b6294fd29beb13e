import Foundation
import Yams

/// A CloudWatch alarm of the template on one function's `AWS/Lambda` metric, as an `alarms:` entry.
struct ConvertedAlarm {
    /// The alarm's logical id.
    var id: String
    /// The function's logical id.
    var function: String
    /// The `alarms:` entry.
    var entry: SAMOutputMap
    /// The `name:` part (the alarm lambdactl makes is `<function>-[<qualifier>-]<name>`).
    var name: String
    /// The alias of its `Resource` dimension.
    var qualifier: String?
}

extension SAMConverter {
    /// The template's `AWS::CloudWatch::Alarm`s that watch one function's `AWS/Lambda` metric,
    /// by logical id; nil for an alarm lambdactl cannot express (it is listed as a resource).
    func lambdaAlarm(_ resource: SAMTemplate.Resource) -> ConvertedAlarm? {
        let p = resource.properties
        guard p["Namespace"]?.string == "AWS/Lambda", SAMTemplate.shortTag(p["Namespace"]!) == nil,
            let metric = p["MetricName"].flatMap(SAMTemplate.plainText), let dimensions = p["Dimensions"]?.sequence
        else { return nil }
        var function: String?
        var qualifier: String?
        for dimension in dimensions {
            guard let name = dimension.mapping?["Name"]?.string, let value = dimension.mapping?["Value"] else { return nil }
            switch name {
            case "FunctionName":
                guard let (target, attribute) = resolver.reference(value), attribute == nil,
                    target.type == "AWS::Serverless::Function"
                else { return nil }
                function = target.id
            case "Resource":
                // `!Sub "${Fn}:live"`: the alias's dimension.
                guard let (fn, argument) = SAMTemplate.intrinsic(value), fn == "Sub", let text = argument.string,
                    let match = text.wholeMatch(of: /\$\{([A-Za-z0-9]+)\}:([A-Za-z0-9_-]+)/)
                else { return nil }
                qualifier = String(match.2)
            default:
                return nil
            }
        }
        guard let function else { return nil }
        let allowed: Set = [
            "Namespace", "MetricName", "Dimensions", "Statistic", "ExtendedStatistic", "Threshold", "ComparisonOperator",
            "Period", "EvaluationPeriods", "DatapointsToAlarm", "TreatMissingData", "AlarmActions", "AlarmName",
            "AlarmDescription",
        ]
        guard p.allSatisfy({ allowed.contains($0.key.string ?? "") }) else { return nil }
        var entry = SAMOutputMap()
        entry.set("metric", .text(metric))
        if let statistic = (p["ExtendedStatistic"] ?? p["Statistic"]).flatMap(SAMTemplate.plainText) { entry.set("statistic", .text(statistic)) }
        guard let threshold = p["Threshold"].flatMap(SAMTemplate.plainText) else { return nil }
        entry.set("threshold", .plain(threshold))
        if let comparison = p["ComparisonOperator"]?.string {
            let symbols = [
                "GreaterThanOrEqualToThreshold": ">=", "GreaterThanThreshold": ">", "LessThanThreshold": "<",
                "LessThanOrEqualToThreshold": "<=",
            ]
            guard let symbol = symbols[comparison] else { return nil }
            entry.set("comparison", .text(symbol))
        }
        if let period = p["Period"].flatMap(SAMTemplate.plainText).flatMap(Int.init) {
            guard period >= 60, period % 60 == 0 else { return nil }
            entry.set("period", .text("\(period / 60)m"))
        }
        if let count = p["EvaluationPeriods"].flatMap(SAMTemplate.plainText) { entry.set("evaluation_periods", .plain(count)) }
        if let count = p["DatapointsToAlarm"].flatMap(SAMTemplate.plainText) { entry.set("datapoints_to_alarm", .plain(count)) }
        if let missing = p["TreatMissingData"]?.string { entry.set("treat_missing", .text(missing)) }
        if let qualifier { entry.set("qualifier", .text(qualifier)) }
        if let actions = p["AlarmActions"]?.sequence {
            let topics = actions.compactMap { resolver.resolve($0, .name).text }
            guard topics.count == actions.count else { return nil }
            entry.set("notify", .list(topics.map(SAMOutput.text)))
        }
        let given = p["AlarmName"].flatMap(SAMTemplate.plainText) ?? resource.id.lowercased()
        let name = String(given.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        entry.set("name", .text(name))
        return ConvertedAlarm(id: resource.id, function: function, entry: entry, name: name, qualifier: qualifier)
    }

    /// The name the deploy gives `alarm` (`<function>-[<qualifier>-]<name>`, the app's name first in the app form).
    func deployedName(_ alarm: ConvertedAlarm, functionName: String, isApp: Bool) -> String {
        ((isApp ? [appName] : []) + [functionName] + (alarm.qualifier.map { [$0] } ?? []) + [alarm.name]).joined(separator: "-")
    }
}
