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
import Synchronization
import Testing
@testable import Deployment

/// A fake S3 bucket and Lambda resource policy behind one scripted transport: the notification
/// configuration is stored as written; `onPut` may change what a later GET sees (a concurrent
/// writer) or refuse the PUT.
final class FakeBucket: Sendable {
    struct State {
        var configuration = "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></NotificationConfiguration>"
        var region = "eu-west-1"
        /// Statement id → the statement's JSON.
        var statements: [String: String] = [:]
        var puts = 0
        /// The AddPermission bodies, as sent.
        var permissionBodies: [String] = []
    }
    let state = Mutex(State())
    let onPut: @Sendable (Int, String) -> (HTTPResponse?, String?)

    init(onPut: @escaping @Sendable (Int, String) -> (HTTPResponse?, String?) = { _, _ in (nil, nil) }) {
        self.onPut = onPut
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let body: String = if case .data(let data) = request.body { String(decoding: data, as: UTF8.self) } else { "" }
        let query = Set(request.query.map(\.name))
        switch (request.method, request.path) {
        case ("GET", "/2015-03-31/functions/f/configuration"):
            return json(200, configuration(name: "f"))
        case ("GET", "/2015-03-31/functions/f/aliases"):
            return jsonResponse(200, ["Aliases": [Any]()])
        case ("GET", "/2015-03-31/functions/f/policy"):
            let statements = state.withLock { $0.statements }
            guard !statements.isEmpty else { return restJSONError(404, "ResourceNotFoundException", "no policy") }
            return jsonResponse(200, ["Policy": "{\"Statement\":[" + statements.keys.sorted().map { statements[$0]! }.joined(separator: ",") + "]}"])
        case ("POST", "/2015-03-31/functions/f/policy"):
            let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
            let sid = object["StatementId"] as? String ?? "", principal = object["Principal"] as? String ?? ""
            let source = object["SourceArn"] as? String ?? ""
            let statement = #"{"Sid":"\#(sid)","Effect":"Allow","Principal":{"Service":"\#(principal)"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"\#(source)"}}}"#
            state.withLock {
                $0.permissionBodies.append(body)
                $0.statements[sid] = statement
            }
            return jsonResponse(201, ["Statement": "{}"])
        case ("DELETE", let path) where path.hasPrefix("/2015-03-31/functions/f/policy/"):
            let sid = String(path.dropFirst("/2015-03-31/functions/f/policy/".count))
            state.withLock { _ = $0.statements.removeValue(forKey: sid) }
            return HTTPResponse(status: 204)
        case ("GET", "/uploads") where query.contains("location"):
            let region = state.withLock { $0.region }
            return xml(200, "<LocationConstraint>\(region)</LocationConstraint>")
        case ("GET", "/uploads") where query.contains("notification"):
            return xml(200, state.withLock { $0.configuration })
        case ("PUT", "/uploads") where query.contains("notification"):
            let count = state.withLock { $0.puts += 1; return $0.puts }
            let (refusal, concurrent) = onPut(count, body)
            if let refusal { return refusal }
            state.withLock { $0.configuration = concurrent ?? body }
            return HTTPResponse(status: 200)
        default:
            return xml(400, "<Error><Code>UnexpectedRequest</Code><Message>\(request.method) \(request.path)</Message></Error>")
        }
    }
}

/// The services every trigger handler takes, over one scripted transport.
func triggerServices(_ transport: ScriptedTransport, clock: ManualClock, progress: ProgressLog = ProgressLog()) -> TriggerServices {
    let context = testContext(transport, clock: clock)
    let lambda = LambdaClient(context: context, endpoint: testEndpoint("lambda"))
    return TriggerServices(
        lambda: lambda, iam: IAMClient(context: context, endpoint: testEndpoint("iam")),
        sqs: SQSClient(context: context, endpoint: testEndpoint("sqs")), sns: SNSClient(context: context, endpoint: testEndpoint("sns")),
        s3: S3Client(context: context, endpoint: testEndpoint("s3")),
        eventBridge: EventBridgeClient(context: context, endpoint: testEndpoint("events")),
        scheduler: SchedulerClient(context: context, endpoint: testEndpoint("scheduler")),
        kinesis: KinesisClient(context: context, endpoint: testEndpoint("kinesis")),
        dynamoDB: DynamoDBClient(context: context, endpoint: testEndpoint("dynamodb")), region: "eu-west-1",
        mappingWaiter: MappingWaiter(lambda: lambda, time: clock.timeSource, timeout: .seconds(60)), time: clock.timeSource,
        progress: progress.sink, warn: progress.sink)
}

/// The S3 handler against a fake bucket: permission first with SourceArn and SourceAccount,
/// a rerun writes nothing, S3's "Unable to validate" retried, a concurrent writer's removal
/// merged again, a bucket in another region refused before any write, detach leaves nothing.
@Suite("S3 triggers")
struct S3TriggersTests {
    static let spec = TriggerSpec.s3(S3TriggerSpec(bucket: "uploads", prefix: "in/"))
    static let target = TriggerTarget(function: "f")

    func handler(_ bucket: FakeBucket, clock: ManualClock = ManualClock()) -> S3Triggers {
        S3Triggers(services: triggerServices(ScriptedTransport { bucket.answer($0) }, clock: clock))
    }

    @Test("attach adds the permission with SourceArn and SourceAccount before the one PUT; a rerun writes nothing")
    func attachThenRerun() async throws {
        let bucket = FakeBucket()
        let handler = handler(bucket)
        let first = try await handler.attach(Self.spec, to: Self.target, dryRun: false)
        #expect(first.action == .created && first.source == "arn:aws:s3:::uploads")
        let sent = try #require(bucket.state.withLock { $0.permissionBodies.first })
        let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.utf8)) as? [String: Any])
        #expect(body["SourceArn"] as? String == "arn:aws:s3:::uploads")
        #expect(body["SourceAccount"] as? String == "123456789012")
        #expect(body["Principal"] as? String == "s3.amazonaws.com")
        #expect(bucket.state.withLock { $0.configuration }.contains("arn:aws:lambda:eu-west-1:123456789012:function:f"))
        let again = try await handler.attach(Self.spec, to: Self.target, dryRun: false)
        #expect(again.action == .unchanged)
        #expect(bucket.state.withLock { ($0.puts, $0.permissionBodies.count) } == (1, 1))
    }

    @Test("S3's 'Unable to validate' is retried after a pause")
    func retriesUnvalidated() async throws {
        let bucket = FakeBucket { count, _ in
            count == 1
                ? (xml(400, "<Error><Code>InvalidArgument</Code><Message>Unable to validate the following destination configurations</Message></Error>"), nil)
                : (nil, nil)
        }
        let clock = ManualClock()
        let result = try await handler(bucket, clock: clock).attach(Self.spec, to: Self.target, dryRun: false)
        #expect(result.action == .created)
        #expect(bucket.state.withLock { $0.puts } == 2)
        #expect(clock.sleeps == [.seconds(1)])
    }

    @Test("a concurrent writer that drops our entry right after our PUT is merged again, keeping its own entry")
    func concurrentWriter() async throws {
        let queue = "<QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:eu-west-1:123456789012:q</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>"
        let other = "<NotificationConfiguration>\(queue)</NotificationConfiguration>"
        let bucket = FakeBucket { count, _ in (nil, count == 1 ? other : nil) }
        let result = try await handler(bucket).attach(Self.spec, to: Self.target, dryRun: false)
        #expect(result.action == .created)
        let final = bucket.state.withLock { $0.configuration }
        #expect(bucket.state.withLock { $0.puts } == 2)
        #expect(final.contains("<Id>q</Id>") && final.contains("function:f"))
    }

    @Test("a bucket in another region is refused before any write")
    func otherRegion() async throws {
        let bucket = FakeBucket()
        bucket.state.withLock { $0.region = "us-west-2" }
        await #expect(throws: LifecycleError.self) { try await handler(bucket).attach(Self.spec, to: Self.target, dryRun: false) }
        #expect(bucket.state.withLock { ($0.puts, $0.permissionBodies.count) } == (0, 0))
    }

    @Test("an overlapping entry is refused, naming it, before any write")
    func overlap() async throws {
        let bucket = FakeBucket()
        bucket.state.withLock {
            $0.configuration = "<NotificationConfiguration><QueueConfiguration><Id>theirs</Id><Queue>arn:aws:sqs:eu-west-1:123456789012:q</Queue><Event>s3:ObjectCreated:Put</Event></QueueConfiguration></NotificationConfiguration>"
        }
        let error = await #expect(throws: LifecycleError.self) { try await handler(bucket).attach(Self.spec, to: Self.target, dryRun: false) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("theirs"))
        #expect(bucket.state.withLock { ($0.puts, $0.permissionBodies.count) } == (0, 0))
    }

    @Test("detach removes the entry and exactly its statement; a second detach is absent")
    func detach() async throws {
        let bucket = FakeBucket()
        let handler = handler(bucket)
        _ = try await handler.attach(Self.spec, to: Self.target, dryRun: false)
        let listed = try await handler.list(function: "f")
        #expect(listed.count == 1 && listed.first?.owned == true && listed.first?.source == "arn:aws:s3:::uploads")
        #expect(try await handler.detach(Self.spec, from: Self.target, dryRun: false).action == .removed)
        #expect(!bucket.state.withLock { $0.configuration }.contains("function:f"))
        #expect(bucket.state.withLock { $0.statements.isEmpty })
        #expect(try await handler.detach(Self.spec, from: Self.target, dryRun: false).action == .absent)
    }
}
