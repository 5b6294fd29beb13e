import AWSCloudWatch
import AWSCore
import AWSSNS
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Deploy config: function.alarms parsing and convergence")
struct AlarmConfigTests {
    static let head = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: hello.zip

        """

    func parse(_ alarms: String) throws -> DeployConfig {
        try DeployConfigParser(path: "/p/lambdactl.yml", environment: [:], overrides: ConfigOverrides(option: "--set", [])).parse(Self.head + alarms)
    }

    func refusal(_ alarms: String) -> String? {
        do {
            _ = try parse(alarms)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test("the key absent leaves alarms alone (nil); [] and null ask for none")
    func semantics() throws {
        #expect(try parse("").alarms == nil)
        #expect(try parse("  alarms: []\n").alarms == [])
        #expect(try parse("  alarms: null\n").alarms == [])
    }

    @Test("the shorthands are Errors and Throttles ≥ 1 in one minute, missing data not breaching")
    func shorthand() throws {
        let alarms = try #require(try parse("  alarms: [errors, throttles]\n").alarms)
        #expect(alarms.map(\.metric) == ["Errors", "Throttles"])
        #expect(alarms[0] == AlarmEntry(metric: "Errors", threshold: 1, treatMissing: "notBreaching", location: "/p/lambdactl.yml:6"))
        #expect(alarms.map { $0.alarmName(function: "hello") } == ["hello-errors-sum", "hello-throttles-sum"])
    }

    @Test("every key of a mapping is read: comparison as CloudWatch's operator, period in seconds")
    func mapping() throws {
        let alarms = try #require(try parse("""
              alarms:
                - metric: Duration
                  statistic: p99.9
                  threshold: 1500.5
                  comparison: ">"
                  period: 5m
                  evaluation_periods: 3
                  datapoints_to_alarm: 2
                  treat_missing: breaching
                  qualifier: live
                  notify: [alerts, "arn:aws:sns:us-east-1:123456789012:pager"]
                  name: slow

            """).alarms)
        let entry = try #require(alarms.first)
        #expect(entry == AlarmEntry(
            metric: "Duration", statistic: "p99.9", threshold: 1500.5, comparison: "GreaterThanThreshold", period: 300,
            evaluationPeriods: 3, datapointsToAlarm: 2, treatMissing: "breaching", qualifier: "live",
            notify: ["alerts", "arn:aws:sns:us-east-1:123456789012:pager"], name: "slow", location: "/p/lambdactl.yml:7"))
        #expect(entry.alarmName(function: "hello") == "hello-live-slow")
        let definition = entry.definition(function: "hello", topicARNs: ["arn:t"])
        #expect(definition.dimensions == [MetricDimension("FunctionName", "hello"), MetricDimension("Resource", "hello:live")])
        #expect(definition.alarmActions == ["arn:t"])
    }

    @Test("wrong entries are refused at their line, saying what to write", arguments: [
        ("  alarms: [latency]\n", "lambdactl.yml:6: unknown alarm shorthand \"latency\""),
        ("  alarms:\n    - metric: Errors\n", "lambdactl.yml:7: an alarm needs threshold"),
        ("  alarms:\n    - threshold: 1\n", "lambdactl.yml:7: an alarm needs metric"),
        ("  alarms:\n    - {metric: Errors, threshold: 1, statistic: Median}\n", "statistic takes Sum, Average"),
        ("  alarms:\n    - {metric: Errors, threshold: 1, comparison: \"=\"}\n", "comparison takes >, >=, < or <="),
        ("  alarms:\n    - {metric: Errors, threshold: 1, period: 90s}\n", "period takes whole minutes"),
        ("  alarms:\n    - {metric: Errors, threshold: 1, evaluation_periods: 1, datapoints_to_alarm: 2}\n", "cannot be more than evaluation_periods"),
        ("  alarms:\n    - {metric: Errors, threshold: 1, treshold: 2}\n", "unknown key \"treshold\""),
        ("  alarms:\n    - errors\n    - {metric: Errors, threshold: 5}\n", "lambdactl.yml:8: this alarm has the same metric, statistic and qualifier as the one at /p/lambdactl.yml:7"),
        ("  alarms: errors\n", "function.alarms should be a list"),
    ])
    func refusals(_ text: String, _ expected: String) {
        let message = refusal(text)
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
    }

    static func alarmXML(_ name: String, threshold: Double, actions: [String] = []) -> String {
        """
        <member><AlarmName>\(name)</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:1:alarm:\(name)</AlarmArn><StateValue>OK</StateValue>\
        <AlarmDescription>Made by lambdactl for hello from its deploy file</AlarmDescription>\
        <MetricName>Errors</MetricName><Namespace>AWS/Lambda</Namespace><Statistic>Sum</Statistic><Dimensions><member>\
        <Name>FunctionName</Name><Value>hello</Value></member></Dimensions><Period>60</Period><EvaluationPeriods>1</EvaluationPeriods>\
        <Threshold>\(threshold)</Threshold><ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator>\
        <TreatMissingData>notBreaching</TreatMissingData><AlarmActions>\(actions.map { "<member>\($0)</member>" }.joined())</AlarmActions></member>
        """
    }

    @Test("the plan compares field by field: unchanged writes nothing, a change is an update in place, owned strays are kept unless pruning")
    func plan() async throws {
        let transport = ScriptedTransport()
        let context = testContext(transport)
        let alarms = """
            <DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms>\(Self.alarmXML("hello-errors-sum", threshold: 1))\
            \(Self.alarmXML("hello-throttles-sum", threshold: 1))\(Self.alarmXML("hello-theirs", threshold: 1))\
            </MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>
            """
        transport.on("DescribeAlarms", xml(200, alarms), xml(200, alarms))
        let owned = "<ListTagsForResourceResponse><ListTagsForResourceResult><Tags><member><Key>lambdactl:function</Key><Value>hello</Value></member></Tags></ListTagsForResourceResult></ListTagsForResourceResponse>"
        let theirs = "<ListTagsForResourceResponse><ListTagsForResourceResult><Tags/></ListTagsForResourceResult></ListTagsForResourceResponse>"
        transport.on("ListTagsForResource", xml(200, owned), xml(200, theirs), xml(200, owned), xml(200, theirs))
        transport.on("GetTopicAttributes", xml(200, "<GetTopicAttributesResponse><GetTopicAttributesResult><Attributes/></GetTopicAttributesResult></GetTopicAttributesResponse>"))
        transport.on("PutMetricAlarm", xml(200, "<PutMetricAlarmResponse/>"))
        transport.on("DeleteAlarms", xml(200, "<DeleteAlarmsResponse/>"))
        let cloudWatch = CloudWatchClient(context: context, endpoint: testEndpoint("monitoring"))
        let sns = SNSClient(context: context, endpoint: testEndpoint("sns"))
        let entries = [
            try #require(AlarmEntry.shorthand("errors", location: "f:7")),
            AlarmEntry(metric: "Duration", statistic: "p99", threshold: 900, notify: ["alerts"], location: "f:8"),
        ]
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:hello"
        let keep = try await AlarmConvergence(cloudWatch: cloudWatch, sns: sns, function: "hello", prune: false).plan(entries, functionARN: arn)
        #expect(keep.map(\.step.change) == [.unchanged, .create, .keep])
        #expect(keep.map(\.step.name) == ["hello-errors-sum", "hello-duration-p99", "hello-throttles-sum"])
        #expect(keep[1].definition?.alarmActions == ["arn:aws:sns:us-east-1:123456789012:alerts"])
        let convergence = AlarmConvergence(cloudWatch: cloudWatch, sns: sns, function: "hello", prune: true)
        var changed = entries
        changed[0].threshold = 3
        let prune = try await convergence.plan(changed, functionARN: arn)
        #expect(prune.map(\.step.change) == [.update, .create, .remove])
        #expect(prune[0].step.changes == ["threshold: 1 → 3"])
        let done = try await convergence.apply(prune)
        #expect(done.map(\.change) == [.update, .create, .remove])
        let puts = transport.requests(to: "PutMetricAlarm").map(formParameters)
        #expect(puts.count == 2 && puts[0]["Threshold"] == "3" && puts[0]["Tags.member.1.Key"] == nil)
        #expect(puts[1]["Tags.member.1.Key"] == "lambdactl:function" && puts[1]["Tags.member.1.Value"] == "hello")
        #expect(transport.requests(to: "DeleteAlarms").map(formParameters) == [["Action": "DeleteAlarms", "Version": "2010-08-01", "AlarmNames.member.1": "hello-throttles-sum"]])
    }
}
