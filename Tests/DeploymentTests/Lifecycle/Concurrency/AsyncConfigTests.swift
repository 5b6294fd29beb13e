import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// Asynchronous-invocation settings: the pure merge, the rules and the use case over a scripted Lambda.
@Suite("Asynchronous-invocation settings")
struct AsyncConfigTests {
    let harness = Harness()
    static let failure = "arn:aws:sqs:us-east-1:123456789012:failed"

    @Test("a change keeps what it does not name, puts removed settings back to the default, and clear removes all")
    func merge() {
        let current = AsyncInvokeSettings(maxRetries: 0, maxEventAgeSeconds: 3600, onFailure: Self.failure)
        #expect(AsyncInvokeChange(maxRetries: .set(1)).applied(to: current)
            == AsyncInvokeSettings(maxRetries: 1, maxEventAgeSeconds: 3600, onFailure: Self.failure))
        #expect(AsyncInvokeChange(onFailure: .remove).applied(to: current)
            == AsyncInvokeSettings(maxRetries: 0, maxEventAgeSeconds: 3600))
        #expect(AsyncInvokeChange(clear: true).applied(to: current) == nil)
        #expect(AsyncInvokeChange().applied(to: current) == current)
        #expect(current.destinationARNs == [Self.failure])
        #expect(AsyncInvokeSettings.age(5400) == "1h30m" && AsyncInvokeSettings.age(90) == "1m30s")
    }

    @Test("retries, event age and destination shapes are checked before any call", arguments: [
        AsyncInvokeChange(maxRetries: .set(3)), AsyncInvokeChange(maxEventAge: .set(59)),
        AsyncInvokeChange(maxEventAge: .set(21_601)), AsyncInvokeChange(onSuccess: .set("arn:aws:s3:::bucket")),
        AsyncInvokeChange(onFailure: .set("arn:aws:sqs:us-east-1:123:q")), AsyncInvokeChange(onFailure: .set("queue")),
        AsyncInvokeChange(onSuccess: .set("arn:aws:dynamodb:us-east-1:123456789012:table/t")),
    ])
    func refused(_ change: AsyncInvokeChange) {
        #expect(throws: LifecycleError.self) { try AsyncConfigManager.validate(change, qualifier: nil) }
    }

    @Test("accepted destinations: SQS, SNS, Lambda, EventBridge, and an S3 bucket for failures")
    func accepted() throws {
        for arn in [
            "arn:aws:sqs:us-east-1:123456789012:q", "arn:aws:sns:eu-west-1:123456789012:t",
            "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:events:us-east-1:123456789012:event-bus/default",
        ] {
            try AsyncConfigManager.validate(AsyncInvokeChange(onSuccess: .set(arn), onFailure: .set(arn)), qualifier: "live")
        }
        try AsyncConfigManager.validate(AsyncInvokeChange(onFailure: .set("arn:aws:s3:::bucket")), qualifier: nil)
    }

    @Test("the merged settings are put once; equal settings write nothing")
    func writesOnlyDifferences() async throws {
        harness.transport.on("GET /2015-03-31/functions/{name}/configuration", json(200, configuration()))
        harness.transport.on(
            "GET /2019-09-25/functions/{name}/event-invoke-config",
            json(200, #"{"MaximumRetryAttempts":0,"MaximumEventAgeInSeconds":3600,"DestinationConfig":{"OnSuccess":{},"OnFailure":{}}}"#))
        harness.transport.on("PUT /2019-09-25/functions/{name}/event-invoke-config", json(200, "{}"))
        harness.transport.on("GET /2019-09-25/functions/{name}/event-invoke-config/list", json(200, #"{"FunctionEventInvokeConfigs":[]}"#))
        let manager = AsyncConfigManager(services: harness.services())
        let same = try await manager.run("f", qualifier: "live", AsyncInvokeChange(maxRetries: .set(0)))
        #expect(same.changes.isEmpty)
        #expect(harness.transport.count("PUT /2019-09-25/functions/{name}/event-invoke-config") == 0)
        let changed = try await manager.run("f", qualifier: "live", AsyncInvokeChange(onFailure: .set(Self.failure)))
        #expect(changed.changes == [FieldChange("async.on_failure", old: nil, new: Self.failure)])
        let put = try #require(harness.transport.requests(to: "PUT /2019-09-25/functions/{name}/event-invoke-config").first)
        #expect(put.query == [QueryItem("Qualifier", "live")])
        let body = jsonBody(put)
        #expect(body["MaximumRetryAttempts"] as? Int == 0 && body["MaximumEventAgeInSeconds"] as? Int == 3600)
        #expect(((body["DestinationConfig"] as? [String: Any])?["OnFailure"] as? [String: Any])?["Destination"] as? String == Self.failure)
    }

    @Test("a function that does not exist is an error, not an empty configuration")
    func missingFunction() async throws {
        harness.transport.on(
            "GET /2019-09-25/functions/{name}/event-invoke-config",
            restJSONError(404, "ResourceNotFoundException", "Function not found"))
        harness.transport.on(
            "GET /2015-03-31/functions/{name}/configuration", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        await #expect(throws: AWSServiceError.self) { try await AsyncConfigManager(services: harness.services()).run("nope") }
    }

    @Test("removing settings that were never set writes nothing")
    func removingNothing() async throws {
        harness.transport.on(
            "GET /2019-09-25/functions/{name}/event-invoke-config", restJSONError(404, "ResourceNotFoundException", "none"))
        harness.transport.on("GET /2015-03-31/functions/{name}/configuration", json(200, configuration()))
        harness.transport.on("GET /2019-09-25/functions/{name}/event-invoke-config/list", json(200, #"{"FunctionEventInvokeConfigs":[]}"#))
        let manager = AsyncConfigManager(services: harness.services())
        #expect(try await manager.run("f", AsyncInvokeChange(maxRetries: .remove)).changes.isEmpty)
        #expect(try await manager.run("f", AsyncInvokeChange(clear: true)).changes.isEmpty)
        #expect(harness.transport.sent.allSatisfy { $0.method == "GET" })
    }
}
