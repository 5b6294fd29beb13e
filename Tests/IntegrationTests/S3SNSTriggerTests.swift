import Foundation
import Testing

/// Creates a role and a function (argv[1]), a bucket (argv[2]) with a queue notification, and
/// a topic (argv[3]). Prints the topic ARN.
private let setUp = """
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z: z.writestr("h.py", "def handler(e, c):\\n    return e\\n")
    iam = client("iam")
    try:
        role = iam.create_role(RoleName="lambdactl-s3sns-test", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName="lambdactl-s3sns-test")["Role"]["Arn"]
    client("lambda").create_function(FunctionName=sys.argv[1], Runtime="python3.12", Handler="h.handler",
        Role=role, Code={"ZipFile": buffer.getvalue()})
    s3 = client("s3")
    s3.create_bucket(Bucket=sys.argv[2])
    queue = client("sqs").create_queue(QueueName=sys.argv[2])["QueueUrl"]
    qarn = client("sqs").get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    s3.put_bucket_notification_configuration(Bucket=sys.argv[2], NotificationConfiguration={"QueueConfigurations": [
        {"Id": "theirs", "QueueArn": qarn, "Events": ["s3:ObjectRemoved:*"]}]})
    boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-west-2", aws_access_key_id="test",
        aws_secret_access_key="test").create_bucket(Bucket=sys.argv[2] + "-far",
        CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    print(client("sns").create_topic(Name=sys.argv[3])["TopicArn"])
    """

/// Prints {"notification": {...}, "sids": [...], "subscriptions": [[arn, endpoint, filter]]}.
private let describe = """
    out = {"notification": client("s3").get_bucket_notification_configuration(Bucket=sys.argv[2])}
    out["notification"].pop("ResponseMetadata", None)
    try:
        out["statements"] = json.loads(client("lambda").get_policy(FunctionName=sys.argv[1])["Policy"])["Statement"]
    except Exception:
        out["statements"] = []
    sns = client("sns")
    subs = sns.list_subscriptions_by_topic(TopicArn=sys.argv[3])["Subscriptions"]
    out["subscriptions"] = [[s["SubscriptionArn"], s["Endpoint"],
        sns.get_subscription_attributes(SubscriptionArn=s["SubscriptionArn"])["Attributes"].get("FilterPolicy")] for s in subs]
    print(json.dumps(out))
    """

extension LogsRoutesIntegration {
    @Suite("S3 and SNS triggers against the harness", .serialized)
    struct S3SNSTriggerTests {
        struct World {
            var function = LogsRoutesHarness.unique("fn")
            var bucket = LogsRoutesHarness.unique("bkt")
            var topic = LogsRoutesHarness.unique("tpc")
            var topicARN = ""

            init() throws {
                topicARN = try LogsRoutesHarness.python(setUp, arguments: [function, bucket, topic])
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }

            func state() throws -> [String: Any] {
                let text = try LogsRoutesHarness.python(describe, arguments: [function, bucket, topicARN])
                return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
            }

            func run(_ arguments: [String]) throws -> CommandResult {
                try CommandRunner.run(arguments, environment: LogsRoutesHarness.commandEnvironment)
            }
        }

        /// The writes the proxy saw since `start` (everything but GET and list/get query actions).
        static func writes(since start: Int) throws -> [String] {
            try LogsRoutesHarness.proxyLog(since: start).compactMap { entry in
                let operation = entry["operation"] as? String ?? ""
                let method = entry["method"] as? String ?? ""
                let reads = ["List", "Get", "Describe"]
                return method == "GET" || reads.contains(where: operation.hasPrefix) ? nil : operation
            }
        }

        static func lambdaEntries(_ state: [String: Any]) -> [[String: Any]] {
            ((state["notification"] as? [String: Any])?["LambdaFunctionConfigurations"] as? [[String: Any]]) ?? []
        }

        @Test("S3: attached with the permission, re-attached with no write, detached; the queue entry stays throughout")
        func s3Lifecycle() throws {
            let world = try World()
            let attach = ["attach-trigger", world.function, "--s3", world.bucket, "--prefix", "in/", "--output", "json"]
            let first = try world.run(attach)
            #expect(first.exitCode == 0, "\(first.stderr)")
            #expect(first.stdout.contains("\"created\""), "\(first.stdout)")
            var state = try world.state()
            #expect(Self.lambdaEntries(state).count == 1)
            #expect(((state["notification"] as? [String: Any])?["QueueConfigurations"] as? [[String: Any]])?.count == 1)
            let statements = state["statements"] as? [[String: Any]] ?? []
            let condition = statements.first?["Condition"] as? [String: [String: String]]
            #expect(statements.count == 1)
            #expect(condition?["ArnLike"]?["AWS:SourceArn"] == "arn:aws:s3:::\(world.bucket)")
            #expect(condition?["StringEquals"]?["AWS:SourceAccount"] == "123456789012")

            let start = try LogsRoutesHarness.proxyLog().count
            let second = try world.run(attach)
            #expect(second.exitCode == 0 && second.stdout.contains("\"unchanged\""), "\(second.stdout)")
            #expect(try Self.writes(since: start).isEmpty)

            let detach = try world.run(["detach-trigger", world.function, "--s3", world.bucket, "--prefix", "in/"])
            #expect(detach.exitCode == 0, "\(detach.stderr)")
            state = try world.state()
            #expect(Self.lambdaEntries(state).isEmpty)
            #expect(((state["notification"] as? [String: Any])?["QueueConfigurations"] as? [[String: Any]])?.count == 1)
            #expect((state["statements"] as? [[String: Any]] ?? []).isEmpty)
        }

        @Test("S3: an overlapping trigger and a bucket in another region are refused before any write; a dry run writes nothing")
        func s3Overlap() throws {
            let world = try World()
            let start = try LogsRoutesHarness.proxyLog().count
            let dry = try world.run(["attach-trigger", world.function, "--s3", world.bucket, "--dry-run"])
            #expect(dry.exitCode == 0, "\(dry.stderr)")
            let refused = try world.run(["attach-trigger", world.function, "--s3", world.bucket, "--events", "s3:ObjectRemoved:Delete"])
            #expect(refused.exitCode != 0)
            #expect(refused.stderr.contains("theirs"), "\(refused.stderr)")
            let far = try world.run(["attach-trigger", world.function, "--s3", world.bucket + "-far"])
            #expect(far.exitCode != 0 && far.stderr.contains("us-west-2"), "\(far.stderr)")
            let writes = try Self.writes(since: start)
            #expect(!writes.contains("PutBucketNotificationConfiguration") && !writes.contains { $0.contains("policy") }, "\(writes)")
        }

        @Test("SNS: attached, re-attached with no write, filter policy changed in place, detached with nothing left")
        func snsLifecycle() throws {
            let world = try World()
            let attach = ["attach-trigger", world.function, "--sns", world.topic]
            let first = try world.run(attach)
            #expect(first.exitCode == 0, "\(first.stderr)")
            var state = try world.state()
            var subscriptions = state["subscriptions"] as? [[Any]] ?? []
            #expect(subscriptions.count == 1)
            let statements = state["statements"] as? [[String: Any]] ?? []
            let condition = statements.first?["Condition"] as? [String: [String: String]]
            #expect(condition?["ArnLike"]?["AWS:SourceArn"] == world.topicARN)
            #expect(condition?["StringEquals"]?["AWS:SourceAccount"] == "123456789012")

            var start = try LogsRoutesHarness.proxyLog().count
            let second = try world.run(attach)
            #expect(second.exitCode == 0)
            #expect(try Self.writes(since: start).isEmpty)

            start = try LogsRoutesHarness.proxyLog().count
            let changed = try world.run(attach + ["--filter-policy", #"{"type": ["order"]}"#])
            #expect(changed.exitCode == 0, "\(changed.stderr)")
            #expect(try Self.writes(since: start) == ["SetSubscriptionAttributes"])
            state = try world.state()
            subscriptions = state["subscriptions"] as? [[Any]] ?? []
            #expect(subscriptions.count == 1 && (subscriptions.first?[2] as? String)?.contains("order") == true)

            let detach = try world.run(["detach-trigger", world.function, "--sns", world.topic])
            #expect(detach.exitCode == 0, "\(detach.stderr)")
            state = try world.state()
            #expect((state["subscriptions"] as? [[Any]] ?? []).isEmpty)
            #expect((state["statements"] as? [[String: Any]] ?? []).isEmpty)
        }
    }
}
