import AWSCore
import AWSDynamoDB
import AWSEventBridge
import AWSIAM
import AWSKinesis
import AWSLambda
import AWSS3
import AWSSNS
import AWSSQS
import AWSScheduler
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// The mapping triggers on a scripted transport: a source resolved to its ARN, a mapping at
/// AWS's defaults compared as unchanged, only differing fields updated, a refused duplicate
/// adopted, and the role statement merged into the document already there.
@Suite("Event-source-mapping triggers")
struct MappingTriggersTests {
    static let queueARN = "arn:aws:sqs:us-east-1:123456789012:orders"

    static func handler(_ transport: ScriptedTransport) -> MappingTriggers {
        let clock = ManualClock()
        let context = testContext(transport, clock: clock)
        let lambda = LambdaClient(context: context, endpoint: testEndpoint("lambda"))
        let services = TriggerServices(
            lambda: lambda, iam: IAMClient(context: context, endpoint: testEndpoint("iam")),
            sqs: SQSClient(context: context, endpoint: testEndpoint("sqs")), sns: SNSClient(context: context, endpoint: testEndpoint("sns")),
            s3: S3Client(context: context, endpoint: testEndpoint("s3")),
            eventBridge: EventBridgeClient(context: context, endpoint: testEndpoint("events")),
            scheduler: SchedulerClient(context: context, endpoint: testEndpoint("scheduler")),
            kinesis: KinesisClient(context: context, endpoint: testEndpoint("kinesis")),
            dynamoDB: DynamoDBClient(context: context, endpoint: testEndpoint("dynamodb")), region: "us-east-1",
            mappingWaiter: MappingWaiter(lambda: lambda, time: clock.timeSource), time: clock.timeSource,
            progress: { _ in }, warn: { _ in })
        return MappingTriggers(services: services)
    }

    static func sqsMapping(_ extra: [String: Any] = [:]) -> [String: Any] {
        var object: [String: Any] = [
            "UUID": "u1", "EventSourceArn": queueARN, "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:fn",
            "State": "Enabled", "BatchSize": 10, "MaximumBatchingWindowInSeconds": 0, "FunctionResponseTypes": [String](),
        ]
        object.merge(extra) { $1 }
        return object
    }

    static func decode(_ object: [String: Any]) throws -> EventSourceMapping {
        try JSONDecoder().decode(EventSourceMapping.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// A function with a role lambdactl did not make (no IAM write is ever tried on it).
    static func userFunction(_ transport: ScriptedTransport) {
        transport.on("GET /2015-03-31/functions/{name}/configuration", jsonResponse(200, [
            "FunctionName": "fn", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:fn",
            "Role": "arn:aws:iam::123456789012:role/their-role",
        ]))
    }

    static func queueLookups(_ transport: ScriptedTransport, name: String = "orders") {
        transport.on("GetQueueUrl", jsonResponse(200, ["QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/\(name)"]))
        transport.on("GetQueueAttributes", jsonResponse(200, ["Attributes": ["QueueArn": "arn:aws:sqs:us-east-1:123456789012:\(name)"]]))
    }

    @Test("an SQS queue's name resolves by GetQueueUrl and GetQueueAttributes QueueArn; a .fifo name is a FIFO queue")
    func resolvesQueue() async throws {
        let transport = ScriptedTransport()
        Self.queueLookups(transport, name: "jobs.fifo")
        let resolved = try await Self.handler(transport).resolver.resolve(MappingTriggerSpec(kind: .sqs, source: "jobs.fifo"))
        #expect(resolved == ResolvedMappingSource(arn: "arn:aws:sqs:us-east-1:123456789012:jobs.fifo", source: .sqs(fifo: true)))
        #expect(transport.routes == ["GetQueueUrl", "GetQueueAttributes"])
    }

    @Test("a queue ARN in another region is refused before any call")
    func otherRegion() async throws {
        let transport = ScriptedTransport()
        let error = await #expect(throws: LifecycleError.self) {
            try await Self.handler(transport).resolver.resolve(
                MappingTriggerSpec(kind: .sqs, source: "arn:aws:sqs:eu-west-1:123456789012:orders"))
        }
        #expect(error?.message.contains("is in eu-west-1 but the function is in us-east-1") == true)
        #expect(transport.sent.isEmpty)
    }

    @Test("a DynamoDB table resolves to its latest stream; a table without a stream is refused with the command to run")
    func resolvesTable() async throws {
        let stream = "arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2026-12-02T00:00:00.000"
        let transport = ScriptedTransport()
        transport.on("DescribeTable", jsonResponse(200, ["Table": [
            "TableName": "Users", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_IMAGE"],
            "LatestStreamArn": stream,
        ]]), jsonResponse(200, ["Table": ["TableName": "Plain"]]))
        let resolver = Self.handler(transport).resolver
        #expect(try await resolver.resolve(MappingTriggerSpec(kind: .dynamodb, source: "Users")).arn == stream)
        let error = await #expect(throws: LifecycleError.self) {
            try await resolver.resolve(MappingTriggerSpec(kind: .dynamodb, source: "Plain"))
        }
        #expect(error?.hint == .enableTableStream(table: "Plain"))
        #expect(error?.category == .usage)
    }

    @Test("a mapping as AWS answers it with its defaults equals the options left out: no change")
    func defaultsCompare() throws {
        let sqs = MappingDesiredState(MappingOptions(), source: .sqs(fifo: false))
        #expect(sqs.difference(from: try Self.decode(Self.sqsMapping())).changes.isEmpty)
        let stream = MappingDesiredState(MappingOptions(), source: .kinesis)
        let kinesis = try Self.decode([
            "UUID": "u2", "State": "Enabled", "BatchSize": 100, "MaximumBatchingWindowInSeconds": 0, "ParallelizationFactor": 1,
            "BisectBatchOnFunctionError": false, "MaximumRetryAttempts": -1, "MaximumRecordAgeInSeconds": -1,
            "StartingPosition": "LATEST", "DestinationConfig": ["OnFailure": [String: String]()], "FilterCriteria": [String: String](),
        ])
        #expect(stream.difference(from: kinesis).changes.isEmpty)
        #expect(!stream.startingPositionDiffers(from: kinesis))
    }

    @Test("only the options that differ are sent, each reported as old → new; a left-out option returns to its default")
    func differenceOnly() throws {
        let desired = MappingDesiredState(MappingOptions(batchSize: 20, batchWindowSeconds: 5), source: .sqs(fifo: false))
        let current = try Self.decode(Self.sqsMapping(["MaximumBatchingWindowInSeconds": 5, "FunctionResponseTypes": ["ReportBatchItemFailures"]]))
        let (update, changes) = desired.difference(from: current)
        #expect(changes == ["batch size: 10 → 20", "report batch failures: on → off"])
        #expect(update == EventSourceMappingSettings(batchSize: 20, functionResponseTypes: []))
    }

    @Test("a mapping that already matches gets no write; one create answered 409 adopts the UUID AWS names")
    func adoptsOnConflict() async throws {
        let transport = ScriptedTransport()
        Self.userFunction(transport)
        Self.queueLookups(transport)
        transport.on("GET /2015-03-31/event-source-mappings", jsonResponse(200, ["EventSourceMappings": [[String: Any]]()]))
        let message = "An event source mapping with SQS arn (\" \(Self.queueARN) \") and function (\" fn \") already exists. "
            + "Please update or delete the existing mapping with UUID 6d9c2b3e-0000-4000-8000-000000000001"
        transport.on("POST /2015-03-31/event-source-mappings", jsonResponse(409, ["__type": "ResourceConflictException", "message": message]))
        transport.on("GET /2015-03-31/event-source-mappings/{uuid}", jsonResponse(200, Self.sqsMapping(["UUID": "6d9c2b3e-0000-4000-8000-000000000001"])))
        let spec = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders"))
        let result = try await Self.handler(transport).attach(spec, to: TriggerTarget(function: "fn"), dryRun: false)
        #expect(result.id == "6d9c2b3e-0000-4000-8000-000000000001" && result.action == .created)
        #expect(transport.count("POST /2015-03-31/event-source-mappings") == 1)
        #expect(transport.count("PUT /2015-03-31/event-source-mappings/{uuid}") == 0)
        let create = try #require(transport.requests(to: "POST /2015-03-31/event-source-mappings").first)
        let body = jsonBody(create)
        #expect(body["Tags"] as? [String: String] == ["lambdactl:function": "fn"])
        #expect(body["StartingPosition"] == nil && body["FilterCriteria"] == nil)
    }

    @Test("an existing mapping with the same options: no write at all")
    func rerunWritesNothing() async throws {
        let transport = ScriptedTransport()
        Self.userFunction(transport)
        Self.queueLookups(transport)
        transport.on("GET /2015-03-31/event-source-mappings", jsonResponse(200, ["EventSourceMappings": [Self.sqsMapping()]]))
        let spec = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders"))
        let result = try await Self.handler(transport).attach(spec, to: TriggerTarget(function: "fn"), dryRun: false)
        #expect(result.action == .unchanged && result.id == "u1")
        #expect(!transport.sent.contains { (request: HTTPRequest) in request.method != "GET" && request.path.contains("event-source") })
    }

    @Test("the role statement merges into the document: other statements kept, the same statement replaced in place, a dropped on-failure statement removed")
    func roleStatementMerge() throws {
        let identity = TriggerIdentity.mapping(.kinesis, function: "fn", qualifier: nil, sourceARN: "arn:aws:kinesis:us-east-1:1:stream/s")
        let sid = EventSourcePolicy.statementID(for: identity)
        let existing = try #require(PolicyDocument(json: """
            {"Version":"2012-10-17","Statement":[{"Sid":"Other","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
            {"Sid":"\(sid)","Effect":"Allow","Action":["kinesis:GetRecords"],"Resource":"old"},
            {"Sid":"\(sid)OnFailure","Effect":"Allow","Action":"sqs:SendMessage","Resource":"q"}]}
            """))
        let statements = EventSourcePolicy.statements(for: identity, source: .kinesis, sourceARN: "arn:aws:kinesis:us-east-1:1:stream/s", onFailure: nil)
        let merged = MappingRoleStatements.merged(statements, for: identity, into: existing)
        #expect(merged.statements.map(\.sid) == ["Other", sid])
        #expect(merged.statements.last?.resources == ["arn:aws:kinesis:us-east-1:1:stream/s"])
        #expect(MappingRoleStatements.merged(statements, for: identity, into: merged) == merged)
    }

    @Test("SQS batch size 20 without a window is refused before any call")
    func refusesLocally() {
        let transport = ScriptedTransport()
        #expect(throws: MappingProblem.batchWindowRequired(batchSize: 20)) {
            try Self.handler(transport).validate(
                .mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: MappingOptions(batchSize: 20))),
                target: TriggerTarget(function: "fn"))
        }
        #expect(transport.sent.isEmpty)
    }

    @Test("a create refused while the role's new statement propagates is retried, then succeeds")
    func retriesPropagation() async throws {
        let transport = ScriptedTransport()
        Self.userFunction(transport)
        Self.queueLookups(transport)
        transport.on("GET /2015-03-31/event-source-mappings", jsonResponse(200, ["EventSourceMappings": [[String: Any]]()]))
        transport.on("POST /2015-03-31/event-source-mappings", jsonResponse(400, [
            "__type": "InvalidParameterValueException",
            "message": "The provided execution role does not have permissions to call ReceiveMessage on SQS",
        ]), jsonResponse(202, Self.sqsMapping(["State": "Enabled"])))
        let spec = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders"))
        let result = try await Self.handler(transport).attach(spec, to: TriggerTarget(function: "fn"), dryRun: false)
        #expect(result.action == .created && result.id == "u1")
        #expect(transport.count("POST /2015-03-31/event-source-mappings") == 2)
    }

    @Test("remove deletes the listed mapping and waits until it is gone")
    func removesListed() async throws {
        let transport = ScriptedTransport()
        Self.userFunction(transport)
        transport.on("GET /2015-03-31/event-source-mappings/{uuid}", jsonResponse(200, Self.sqsMapping()),
                     jsonResponse(200, Self.sqsMapping()), jsonResponse(200, Self.sqsMapping(["State": "Deleting"])),
                     jsonResponse(404, ["__type": "ResourceNotFoundException", "message": "The resource you requested does not exist."]))
        transport.on("DELETE /2015-03-31/event-source-mappings/{uuid}", jsonResponse(202, Self.sqsMapping(["State": "Deleting"])))
        let listing = TriggerListing(kind: "sqs", qualifier: nil, source: Self.queueARN, id: "u1", owned: true)
        let result = try await Self.handler(transport).remove(listing, function: "fn", dryRun: false)
        #expect(result.action == .removed && result.id == "u1")
        #expect(transport.count("DELETE /2015-03-31/event-source-mappings/{uuid}") == 1)
        #expect(transport.count("GET /2015-03-31/event-source-mappings/{uuid}") == 4)
    }
}
