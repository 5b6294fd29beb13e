import AWSEventBridge
import AWSScheduler
import Foundation
import Testing

@testable import Deployment

@Suite("schedule and rule plans: create, update in place or nothing; names within AWS's limits")
struct ScheduleRulePlanTests {
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:f"
    let role = "arn:aws:iam::123456789012:role/lambdactl-f-scheduler"

    func existing(timezone: String?, input: String?) throws -> Schedule {
        let json = """
            {"Name":"n","GroupName":"lambdactl","ScheduleExpression":"cron(0 2 * * ? *)",\(timezone.map { "\"ScheduleExpressionTimezone\":\"\($0)\"," } ?? "")
            "FlexibleTimeWindow":{"Mode":"OFF"},"State":"ENABLED",
            "Target":{"Arn":"\(arn)","RoleArn":"\(role)",\(input.map { "\"Input\":\(String(reflecting: $0))," } ?? "")
            "RetryPolicy":{"MaximumEventAgeInSeconds":86400,"MaximumRetryAttempts":185}}}
            """
        return try JSONDecoder().decode(Schedule.self, from: Data(json.utf8))
    }

    @Test("a schedule exactly as asked (Scheduler's default retry policy, input keys reordered) needs no write")
    func unchanged() throws {
        let spec = ScheduleTriggerSpec(expression: "cron(0 2 * * ? *)", timezone: "Europe/Berlin", input: #"{"b":1,"a":2}"#)
        let desired = SchedulePlan.desired(spec, expression: spec.expression, targetARN: arn, roleARN: role)
        #expect(SchedulePlan.changes(from: try existing(timezone: "Europe/Berlin", input: #"{"a":2,"b":1}"#), to: desired).isEmpty)
    }

    @Test("a changed timezone is one change; no timezone and UTC are the same")
    func timezoneChanged() throws {
        let spec = ScheduleTriggerSpec(expression: "cron(0 2 * * ? *)", timezone: "Europe/Paris")
        let desired = SchedulePlan.desired(spec, expression: spec.expression, targetARN: arn, roleARN: role)
        #expect(SchedulePlan.changes(from: try existing(timezone: "Europe/Berlin", input: nil), to: desired)
            == ["timezone: Europe/Berlin → Europe/Paris"])
        let utc = SchedulePlan.desired(ScheduleTriggerSpec(expression: "cron(0 2 * * ? *)", timezone: "UTC"),
                                       expression: "cron(0 2 * * ? *)", targetARN: arn, roleARN: role)
        #expect(SchedulePlan.changes(from: try existing(timezone: nil, input: nil), to: utc).isEmpty)
    }

    @Test("the update sends the whole desired schedule: group, window OFF, ENABLED, target and role")
    func wholeState() {
        let desired = SchedulePlan.desired(
            ScheduleTriggerSpec(expression: "rate(5 minutes)", input: "{}"), expression: "rate(5 minutes)", targetARN: arn + ":live",
            roleARN: role)
        #expect(desired.groupName == "lambdactl" && desired.flexibleTimeWindow.mode == "OFF" && desired.state == "ENABLED")
        #expect(desired.target == ScheduleTarget(arn: arn + ":live", roleARN: role, input: "{}"))
    }

    @Test("the scheduler role is one per function and long names are cut to 64 keeping a hash")
    func roleNames() {
        #expect(SchedulerRole.name(function: "f") == "lambdactl-f-scheduler")
        let a = SchedulerRole.name(function: String(repeating: "a", count: 60) + "1")
        let b = SchedulerRole.name(function: String(repeating: "a", count: 60) + "2")
        #expect(a.count == 64 && b.count == 64 && a != b)
        #expect(a.hasPrefix("lambdactl-aaaa") && a.hasSuffix("-scheduler"))
        #expect(SchedulerRole.invokePolicy(functionARN: arn).contains(#""Resource":["\#(arn)","\#(arn):*"]"#))
        #expect(SchedulerRole.trustPolicy(account: "123456789012").contains(#""aws:SourceAccount":"123456789012""#))
    }

    @Test("a rule needs PutRule only for a new pattern (compared as canonical JSON) or a disabled rule")
    func rulePattern() throws {
        let rule = try JSONDecoder().decode(
            Rule.self, from: Data(#"{"Name":"r","EventPattern":"{\"source\": [\"aws.ec2\"]}","State":"ENABLED"}"#.utf8))
        #expect(RulePlan.needsPutRule(rule, pattern: #"{"source":["aws.ec2"]}"#).isEmpty)
        #expect(RulePlan.needsPutRule(rule, pattern: #"{"source":["aws.s3"]}"#).count == 1)
    }

    @Test("rule ARNs, buses and target ids are deterministic")
    func ruleNames() {
        #expect(RulePlan.ruleARN(partition: "aws", region: "us-east-1", account: "1", bus: "default", name: "r") == "arn:aws:events:us-east-1:1:rule/r")
        #expect(RulePlan.bus(ofRuleARN: "arn:aws:events:us-east-1:1:rule/orders/r") == "orders")
        #expect(RulePlan.bus(ofRuleARN: "arn:aws:events:us-east-1:1:rule/r") == "default")
        #expect(RulePlan.targetID(TriggerTarget(function: "f")) == RulePlan.targetID(TriggerTarget(function: "f")))
        #expect(RulePlan.targetID(TriggerTarget(function: "f")) != RulePlan.targetID(TriggerTarget(function: "f", qualifier: "live")))
        #expect(RulePlan.targetID(TriggerTarget(function: String(repeating: "x", count: 80))).count == 64)
    }
}
