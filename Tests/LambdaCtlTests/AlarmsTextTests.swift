import AWSCloudWatch
import Deployment
import Foundation
import Testing
@testable import lambdactl

/// `alarms`: the function's alarms picked from all, and shown with state, reason and last change.
@Suite("The alarms listing")
struct AlarmsTextTests {
    static func alarm(_ name: String, function: String, extra: [MetricDimension] = [], namespace: String = "AWS/Lambda") -> MetricAlarm {
        MetricAlarm(
            definition: AlarmDefinition(
                name: name, namespace: namespace, metricName: "Errors", dimensions: [MetricDimension("FunctionName", function)] + extra,
                statistic: "Sum", period: 60, evaluationPeriods: 2, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold"),
            arn: "arn:aws:cloudwatch:us-east-1:1:alarm:\(name)", state: "ALARM", stateReason: "Threshold Crossed",
            stateUpdated: Date(timeIntervalSince1970: 1_796_299_200))
    }

    @Test("the function's alarms are those on its FunctionName in AWS/Lambda, with any other dimension, sorted")
    func pick() {
        let all = [
            Self.alarm("z-live", function: "f", extra: [MetricDimension("Resource", "f:live")]), Self.alarm("other", function: "g"),
            Self.alarm("a-errors", function: "f"), Self.alarm("custom", function: "f", namespace: "Shop"),
        ]
        #expect(FunctionAlarms.alarms(all, of: "f").map(\.definition.name) == ["a-errors", "z-live"])
    }

    @Test("text: name, state, condition and last change in columns, the reason indented below")
    func text() {
        let report = AlarmsReport(function: "f", alarms: [Self.alarm("f-errors", function: "f", extra: [MetricDimension("Resource", "f:live")])])
        #expect(AlarmsText.describe(report) == """
            ALARM     STATE  CONDITION                          LAST CHANGE
            f-errors  ALARM  Errors Sum >= 1 (1m ×2) on f:live  2026-12-03 12:00 UTC
              Threshold Crossed
            """)
        #expect(AlarmsText.describe(AlarmsReport(function: "f", alarms: [])) == "no alarms on f's metrics")
    }

    @Test("JSON keys are camelCase, the comparison a symbol")
    func json() throws {
        let data = try JSONEncoder().encode(AlarmsReport(function: "f", alarms: [Self.alarm("f-errors", function: "f")]))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((object["alarms"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == [
            "name", "arn", "state", "reason", "updated", "metric", "statistic", "dimensions", "comparison", "threshold", "period",
            "evaluationPeriods", "datapointsToAlarm", "treatMissingData", "alarmActions", "okActions",
        ])
        #expect(first["comparison"] as? String == ">=" && first["updated"] as? String == "2026-12-03T12:00:00Z")
    }
}
