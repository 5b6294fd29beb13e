import Foundation
import Testing

/// `lambdactl request` against each service the triggers use, on moto behind the verifying
/// proxy: a resource made with the AWS CLI (or request) is read back through lambdactl, signed
/// as AWS would accept, and `--debug` names the operation and the service's signing scope.
@Suite("request against SQS, SNS, EventBridge, Scheduler, Kinesis and DynamoDB", .serialized,
       .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct TriggerServicesRequestTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let result = try CommandRunner.run(arguments, environment: harness.childEnvironment)
        #expect(result.exitCode == 0, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func aws(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try AWSCLI.run(arguments + ["--output", "json"], harness: harness)
        #expect(result.exitCode == 0, "aws \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func expectAllVerified(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for entry in try await harness.log() where !entry.verified {
            Issue.record("rejected: \(entry.operation) \(entry.verdict ?? "") \(entry.reason ?? "")", sourceLocation: sourceLocation)
        }
    }

    @Test("SQS: GetQueueUrl and GetQueueAttributes(QueueArn) read back a queue; --debug names the call and scope")
    func sqs() async throws {
        _ = try aws(["sqs", "create-queue", "--queue-name", "orders"])
        let url = try lambdactl(["request", "sqs", "POST", "/", "--target", "GetQueueUrl", "--data", #"{"QueueName":"orders"}"#, "--debug"])
        let queueURL = try #require(Self.object(url.stdout)["QueueUrl"] as? String)
        #expect(queueURL.hasSuffix("/123456789012/orders"))
        #expect(url.stderr.contains("> GetQueueUrl: POST") && url.stderr.contains("/sqs/aws4_request"))
        #expect(url.stderr.contains("X-Amz-Target: AmazonSQS.GetQueueUrl"))
        let attributes = try lambdactl([
            "request", "sqs", "POST", "/", "--target", "GetQueueAttributes",
            "--data", #"{"QueueUrl":"\#(queueURL)","AttributeNames":["QueueArn"]}"#,
        ])
        #expect((Self.object(attributes.stdout)["Attributes"] as? [String: String])?["QueueArn"] == "arn:aws:sqs:\(harness.region):123456789012:orders")
        try await expectAllVerified()
    }

    @Test("SNS: GetTopicAttributes and ListSubscriptionsByTopic read back a topic and its subscription")
    func sns() async throws {
        let topic = try #require(try aws(["sns", "create-topic", "--name", "alerts"])["TopicArn"] as? String)
        _ = try aws(["sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                     "arn:aws:sqs:\(harness.region):123456789012:orders"])
        let attributes = try lambdactl(["request", "sns", "POST", "/", "--target", "GetTopicAttributes", "--query", "TopicArn=\(topic)"])
        #expect(attributes.stdout.contains("<key>TopicArn</key>") && attributes.stdout.contains(topic))
        let subscriptions = try lambdactl(["request", "sns", "POST", "/", "--target", "ListSubscriptionsByTopic", "--query", "TopicArn=\(topic)"])
        #expect(subscriptions.stdout.contains("<Protocol>sqs</Protocol>"))
        try await expectAllVerified()
    }

    @Test("EventBridge: PutRule through request, then DescribeRule and ListRuleNamesByTarget read it back")
    func events() async throws {
        let pattern = #"{\"source\":[\"aws.ec2\"]}"#
        let put = try lambdactl(["request", "events", "POST", "/", "--target", "PutRule", "--data", #"{"Name":"ec2-changes","EventPattern":"\#(pattern)"}"#])
        #expect((Self.object(put.stdout)["RuleArn"] as? String)?.hasSuffix(":rule/ec2-changes") == true)
        let rule = Self.object(try lambdactl(["request", "eventbridge", "POST", "/", "--target", "DescribeRule", "--data", #"{"Name":"ec2-changes"}"#]).stdout)
        #expect(rule["Name"] as? String == "ec2-changes" && (rule["EventPattern"] as? String)?.contains("aws.ec2") == true)
        _ = try aws(["events", "put-targets", "--rule", "ec2-changes", "--targets", "Id=t1,Arn=arn:aws:lambda:\(harness.region):123456789012:function:f"])
        let names = try lambdactl([
            "request", "events", "POST", "/", "--target", "ListRuleNamesByTarget",
            "--data", #"{"TargetArn":"arn:aws:lambda:\#(harness.region):123456789012:function:f"}"#,
        ])
        #expect(Self.object(names.stdout)["RuleNames"] as? [String] == ["ec2-changes"])
        try await expectAllVerified()
    }

    @Test("Scheduler: a schedule group and a schedule made through request read back with GET")
    func scheduler() async throws {
        _ = try lambdactl(["request", "scheduler", "POST", "/schedule-groups/lambdactl", "--data", #"{"ClientToken":"group-1"}"#])
        let body = """
            {"GroupName":"lambdactl","ScheduleExpression":"rate(5 minutes)","FlexibleTimeWindow":{"Mode":"OFF"},"ClientToken":"s-1",\
            "Target":{"Arn":"arn:aws:lambda:\(harness.region):123456789012:function:f","RoleArn":"arn:aws:iam::123456789012:role/scheduler"}}
            """
        _ = try lambdactl(["request", "scheduler", "POST", "/schedules/nightly", "--data", body])
        let schedule = Self.object(try lambdactl(["request", "scheduler", "GET", "/schedules/nightly", "--query", "groupName=lambdactl"]).stdout)
        #expect(schedule["ScheduleExpression"] as? String == "rate(5 minutes)" && schedule["GroupName"] as? String == "lambdactl")
        let group = Self.object(try lambdactl(["request", "scheduler", "GET", "/schedule-groups/lambdactl"]).stdout)
        #expect(group["Name"] as? String == "lambdactl")
        try await expectAllVerified()
    }

    @Test("Kinesis: DescribeStreamSummary reads back a stream's ARN and status")
    func kinesis() async throws {
        _ = try aws(["kinesis", "create-stream", "--stream-name", "clicks", "--shard-count", "1"])
        let answer = try lambdactl(["request", "kinesis", "POST", "/", "--target", "DescribeStreamSummary", "--data", #"{"StreamName":"clicks"}"#])
        let summary = try #require(Self.object(answer.stdout)["StreamDescriptionSummary"] as? [String: Any])
        #expect(summary["StreamARN"] as? String == "arn:aws:kinesis:\(harness.region):123456789012:stream/clicks")
        try await expectAllVerified()
    }

    @Test("DynamoDB: DescribeTable reads back the table's LatestStreamArn and StreamSpecification")
    func dynamodb() async throws {
        _ = try aws([
            "dynamodb", "create-table", "--table-name", "Users", "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
            "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
        ])
        let answer = try lambdactl(["request", "dynamodb", "POST", "/", "--target", "DescribeTable", "--data", #"{"TableName":"Users"}"#])
        let table = try #require(Self.object(answer.stdout)["Table"] as? [String: Any])
        #expect((table["LatestStreamArn"] as? String)?.contains(":table/Users/stream/") == true)
        #expect((table["StreamSpecification"] as? [String: Any])?["StreamEnabled"] as? Bool == true)
        try await expectAllVerified()
    }
}
