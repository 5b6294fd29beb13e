import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// The SNS handler over scripted answers: the subscription is looked for on every page before
/// one is made, the permission carries SourceArn and SourceAccount, a changed filter policy is
/// set in place; and the S3 handler's per-bucket lock keeps two concurrent attaches from losing
/// one another's entry.
@Suite("SNS triggers and the bucket lock")
struct SNSTriggersTests {
    static let topic = "arn:aws:sns:eu-west-1:123456789012:alerts"
    static let function = "arn:aws:lambda:eu-west-1:123456789012:function:f"

    static func page(_ members: String, next: String? = nil) -> HTTPResponse {
        xml(
            200,
            "<ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult><Subscriptions>\(members)</Subscriptions>"
                + (next.map { "<NextToken>\($0)</NextToken>" } ?? "")
                + "</ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>")
    }

    static func member(_ endpoint: String, arn: String) -> String {
        "<member><SubscriptionArn>\(arn)</SubscriptionArn><Protocol>lambda</Protocol><Endpoint>\(endpoint)</Endpoint><TopicArn>\(topic)</TopicArn></member>"
    }

    func transport(pages: [HTTPResponse], filter: String?) -> ScriptedTransport {
        let transport = ScriptedTransport()
        transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(name: "f")))
        transport.on("GET /2015-03-31/functions/f/policy", restJSONError(404, "ResourceNotFoundException", "no policy"))
        transport.on("POST /2015-03-31/functions/f/policy", jsonResponse(201, ["Statement": "{}"]))
        transport.on("GetTopicAttributes", xml(200, "<GetTopicAttributesResponse><GetTopicAttributesResult><Attributes/></GetTopicAttributesResult></GetTopicAttributesResponse>"))
        transport.on("ListSubscriptionsByTopic", steps: pages.map { .answer($0) })
        let attributes = filter.map { "<entry><key>FilterPolicy</key><value>\($0)</value></entry>" } ?? ""
        transport.on("GetSubscriptionAttributes", xml(200, "<GetSubscriptionAttributesResponse><GetSubscriptionAttributesResult><Attributes>\(attributes)</Attributes></GetSubscriptionAttributesResult></GetSubscriptionAttributesResponse>"))
        transport.on("SetSubscriptionAttributes", xml(200, "<SetSubscriptionAttributesResponse/>"))
        transport.on("Subscribe", xml(200, "<SubscribeResponse><SubscribeResult><SubscriptionArn>\(Self.topic):new</SubscriptionArn></SubscribeResult></SubscribeResponse>"))
        return transport
    }

    static func form(_ request: HTTPRequest) -> String {
        if case .data(let data) = request.body { return String(decoding: data, as: UTF8.self) }
        return ""
    }

    @Test("a subscription on the second page is found: the filter policy is set in place, no Subscribe; the permission has SourceAccount")
    func findsOnLaterPage() async throws {
        let transport = transport(
            pages: [Self.page(Self.member("arn:aws:lambda:eu-west-1:123456789012:function:other", arn: "\(Self.topic):o"), next: "t2"),
                    Self.page(Self.member(Self.function, arn: "\(Self.topic):ours"))],
            filter: #"{"a":["b"]}"#)
        let handler = SNSTriggers(services: triggerServices(transport, clock: ManualClock()))
        let spec = TriggerSpec.sns(SNSTriggerSpec(topic: "alerts", filterPolicy: #"{"a": ["c"]}"#))
        let result = try await handler.attach(spec, to: TriggerTarget(function: "f"), dryRun: false)
        #expect(result.action == .updated && result.id == "\(Self.topic):ours")
        #expect(transport.count("Subscribe") == 0 && transport.count("SetSubscriptionAttributes") == 1)
        let permission = try #require(transport.requests(to: "POST /2015-03-31/functions/f/policy").first)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(Self.form(permission).utf8)) as? [String: Any])
        #expect(body["SourceArn"] as? String == Self.topic && body["SourceAccount"] as? String == "123456789012")
        #expect(body["Principal"] as? String == "sns.amazonaws.com")
    }

    @Test("without a subscription it subscribes the function's ARN with the filter policy")
    func subscribes() async throws {
        let transport = transport(pages: [Self.page("")], filter: nil)
        let handler = SNSTriggers(services: triggerServices(transport, clock: ManualClock()))
        let spec = TriggerSpec.sns(SNSTriggerSpec(topic: Self.topic, filterPolicy: #"{"a":["b"]}"#))
        let result = try await handler.attach(spec, to: TriggerTarget(function: "f"), dryRun: false)
        #expect(result.action == .created && result.id == "\(Self.topic):new")
        let form = Self.form(try #require(transport.requests(to: "Subscribe").first))
        #expect(form.contains("Protocol=lambda") && form.contains("FilterPolicy"))
        #expect(form.contains("Endpoint=" + PercentEncoding.encode(Self.function)))
    }

    @Test("equal filter policies compare as JSON, not as text")
    func samePolicy() {
        #expect(SNSTriggers.samePolicy(#"{"a": ["b"], "c": [1]}"#, #"{"c":[1],"a":["b"]}"#))
        #expect(!SNSTriggers.samePolicy(#"{"a": ["b"]}"#, nil))
        #expect(SNSTriggers.samePolicy(nil, nil))
    }

    @Test("two attaches to one bucket at once both end in the configuration (one writer per bucket)")
    func bucketLock() async throws {
        let bucket = FakeBucket()
        let handler = S3Triggers(services: triggerServices(ScriptedTransport { bucket.answer($0) }, clock: ManualClock()))
        let target = TriggerTarget(function: "f")
        async let a = handler.attach(.s3(S3TriggerSpec(bucket: "uploads", prefix: "a/")), to: target, dryRun: false)
        async let b = handler.attach(.s3(S3TriggerSpec(bucket: "uploads", prefix: "b/")), to: target, dryRun: false)
        _ = try await (a, b)
        let final = bucket.state.withLock { $0.configuration }
        #expect(final.contains("a/") && final.contains("b/"))
        #expect(bucket.state.withLock { $0.puts } == 2)
    }
}
