import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSEventBridge

/// EventBridgeClient on the wire: json 1.1 (`X-Amz-Target: AWSEvents.<Op>`), bodies, failed
/// entries, `ResourceNotFoundException` and `NextToken` paging.
@Suite("The EventBridge client's targets, bodies, errors and paging")
struct EventBridgeClientTests {
    let transport = ScriptedTransport()
    var events: EventBridgeClient { EventBridgeClient(context: testContext(transport), endpoint: testEndpoint("events")) }
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:f"

    @Test("PutRule posts name, pattern, bus and tags as json 1.1 and reads RuleArn")
    func putRule() async throws {
        transport.on("PutRule", json(200, #"{"RuleArn":"arn:aws:events:us-east-1:123456789012:rule/r"}"#))
        let arn = try await events.putRule(
            PutRuleInput(name: "r", eventPattern: #"{"source":["aws.ec2"]}"#, state: "ENABLED", eventBusName: "custom",
                tags: Tag.list(["lambdactl:function": "f"])))
        #expect(arn == "arn:aws:events:us-east-1:123456789012:rule/r")
        let request = try #require(transport.sent.first)
        #expect(request.headers["X-Amz-Target"] == "AWSEvents.PutRule")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(request.headers["Authorization"]?.contains("/us-east-1/events/aws4_request") == true)
        #expect(jsonBody(request) as NSDictionary == [
            "Name": "r", "EventPattern": #"{"source":["aws.ec2"]}"#, "State": "ENABLED", "EventBusName": "custom",
            "Tags": [["Key": "lambdactl:function", "Value": "f"]],
        ])
    }

    @Test("DescribeRule reads the rule, and a missing rule is nil")
    func describeRule() async throws {
        transport.on(
            "DescribeRule",
            json(200, #"{"Name":"r","Arn":"arn:r","EventPattern":"{}","State":"ENABLED","EventBusName":"default"}"#),
            json(400, #"{"__type":"ResourceNotFoundException","message":"Rule r does not exist on EventBus default."}"#))
        let rule = try #require(try await events.describeRule(name: "r"))
        #expect(rule.arn == "arn:r" && rule.state == "ENABLED" && rule.eventBusName == "default")
        #expect(try await events.describeRule(name: "r") == nil)
    }

    @Test("PutTargets sends the targets; failed entries in a 200 answer are an error naming them")
    func putTargets() async throws {
        transport.on(
            "PutTargets", json(200, #"{"FailedEntryCount":0,"FailedEntries":[]}"#),
            json(200, #"{"FailedEntryCount":1,"FailedEntries":[{"TargetId":"t","ErrorCode":"ValidationException","ErrorMessage":"bad arn"}]}"#))
        try await events.putTargets(rule: "r", targets: [Target(id: "t", arn: Self.function, input: #"{"a":1}"#)])
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["Rule": "r", "Targets": [["Id": "t", "Arn": Self.function, "Input": #"{"a":1}"#]]])
        let error = await #expect(throws: TargetEntriesFailed.self) {
            try await events.putTargets(rule: "r", targets: [Target(id: "t", arn: "bad")])
        }
        #expect(error?.entries.first?.errorCode == "ValidationException")
        #expect(error?.description == "PutTargets failed for t: ValidationException bad arn")
    }

    @Test("RemoveTargets and DeleteRule send ids, rule and bus")
    func removeAndDelete() async throws {
        transport.on("RemoveTargets", json(200, #"{"FailedEntryCount":0}"#))
        transport.on("DeleteRule", json(200, ""))
        try await events.removeTargets(rule: "r", eventBus: "b", ids: ["t"])
        try await events.deleteRule(name: "r", eventBus: "b")
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["Rule": "r", "EventBusName": "b", "Ids": ["t"]])
        #expect(jsonBody(transport.sent[1]) as NSDictionary == ["Name": "r", "EventBusName": "b"])
    }

    @Test("ListRuleNamesByTarget and ListTargetsByRule follow NextToken through every page")
    func paging() async throws {
        transport.on(
            "ListRuleNamesByTarget", json(200, #"{"RuleNames":["a","b"],"NextToken":"n1"}"#), json(200, #"{"RuleNames":["c"]}"#))
        transport.on(
            "ListTargetsByRule", json(200, #"{"Targets":[{"Id":"1","Arn":"x"}],"NextToken":"n1"}"#),
            json(200, #"{"Targets":[{"Id":"2","Arn":"y"}],"NextToken":null}"#))
        #expect(try await events.ruleNames(targeting: Self.function) == ["a", "b", "c"])
        #expect(try await events.targets(ofRule: "r").map(\.id) == ["1", "2"])
        #expect(transport.sent.map { jsonBody($0)["NextToken"] as? String } == [nil, "n1", nil, "n1"])
        #expect(jsonBody(transport.sent[0])["TargetArn"] as? String == Self.function)
    }

    @Test("tags go as Key/Value lists and come back as a map; an error carries code, message and request id")
    func tags() async throws {
        transport.on("TagResource", json(200, "{}"))
        transport.on(
            "ListTagsForResource", json(200, #"{"Tags":[{"Key":"a","Value":"1"}]}"#),
            json(400, #"{"__type":"ResourceNotFoundException","message":"no such rule"}"#, headers: [("x-amzn-RequestId", "ev-1")]))
        try await events.tagResource(arn: "arn:r", tags: ["b": "2", "a": "1"])
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["ResourceARN": "arn:r", "Tags": [["Key": "a", "Value": "1"], ["Key": "b", "Value": "2"]]])
        #expect(try await events.tags(ofResource: "arn:r") == ["a": "1"])
        let error = await #expect(throws: AWSServiceError.self) { try await events.tags(ofResource: "arn:r") }
        #expect(error?.code == "ResourceNotFoundException" && error?.message == "no such rule" && error?.requestID == "ev-1")
    }
}
