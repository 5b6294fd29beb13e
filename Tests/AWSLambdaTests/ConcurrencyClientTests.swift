import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSLambda

/// Reserved and provisioned concurrency, account settings and event-invoke configs on the wire:
/// the API versions in the paths, the `Qualifier` and `List=ALL` queries, bodies and not-found answers.
@Suite("The Lambda client's concurrency and asynchronous-invocation calls")
struct ConcurrencyClientTests {
    let transport = ScriptedTransport()
    var lambda: LambdaClient { LambdaClient(context: testContext(transport), endpoint: testEndpoint("lambda")) }

    @Test("reserved concurrency is put and deleted under 2017-10-31 and read under 2019-09-30")
    func reserved() async throws {
        transport.on("PUT /2017-10-31/functions/{name}/concurrency", json(200, #"{"ReservedConcurrentExecutions":20}"#))
        transport.on(
            "GET /2019-09-30/functions/{name}/concurrency", json(200, #"{"ReservedConcurrentExecutions":20}"#), json(200, "{}"))
        transport.on("DELETE /2017-10-31/functions/{name}/concurrency", HTTPResponse(status: 204))
        let put = try await lambda.putFunctionConcurrency("f", reserved: 20)
        #expect(put.reservedConcurrentExecutions == 20)
        #expect(try await lambda.getFunctionConcurrency("f") == 20)
        try await lambda.deleteFunctionConcurrency("f")
        #expect(try await lambda.getFunctionConcurrency("f") == nil)
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["ReservedConcurrentExecutions": 20] as NSDictionary)
        #expect(transport.sent.map(\.path)[2] == "/2017-10-31/functions/f/concurrency")
    }

    @Test("provisioned concurrency carries the qualifier; a missing config reads as nil")
    func provisioned() async throws {
        transport.on(
            "PUT /2019-09-30/functions/{name}/provisioned-concurrency",
            json(202, #"{"RequestedProvisionedConcurrentExecutions":5,"AllocatedProvisionedConcurrentExecutions":0,"Status":"IN_PROGRESS"}"#))
        transport.on(
            "GET /2019-09-30/functions/{name}/provisioned-concurrency",
            json(200, #"{"RequestedProvisionedConcurrentExecutions":5,"AllocatedProvisionedConcurrentExecutions":5,"AvailableProvisionedConcurrentExecutions":5,"Status":"READY"}"#),
            restJSONError(404, "ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function"))
        transport.on("DELETE /2019-09-30/functions/{name}/provisioned-concurrency", HTTPResponse(status: 204))
        let put = try await lambda.putProvisionedConcurrency("f", qualifier: "live", executions: 5)
        #expect(put.status == ProvisionedConcurrencyStatus.inProgress)
        #expect(put.requested == 5)
        let ready = try await lambda.getProvisionedConcurrency("f", qualifier: "live")
        #expect(ready?.status == "READY")
        #expect(ready?.allocated == 5)
        #expect(try await lambda.getProvisionedConcurrency("f", qualifier: "live") == nil)
        try await lambda.deleteProvisionedConcurrency("f", qualifier: "live")
        #expect(transport.sent.allSatisfy { $0.query == [QueryItem("Qualifier", "live")] })
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["ProvisionedConcurrentExecutions": 5] as NSDictionary)
    }

    @Test("the provisioned-concurrency list asks for List=ALL, follows NextMarker and names each qualifier")
    func list() async throws {
        transport.on(
            "GET /2019-09-30/functions/{name}/provisioned-concurrency",
            json(200, #"{"ProvisionedConcurrencyConfigs":[{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:live","RequestedProvisionedConcurrentExecutions":5,"Status":"READY"}],"NextMarker":"m1"}"#),
            json(200, #"{"ProvisionedConcurrencyConfigs":[{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:3","RequestedProvisionedConcurrentExecutions":2,"Status":"FAILED","StatusReason":"no capacity"}]}"#))
        let configs = try await lambda.listProvisionedConcurrency("f")
        #expect(configs.map(\.qualifier) == ["live", "3"])
        #expect(configs[1].statusReason == "no capacity")
        #expect(transport.sent.map(\.query) == [[QueryItem("List", "ALL")], [QueryItem("List", "ALL"), QueryItem("Marker", "m1")]])
    }

    @Test("GetAccountSettings decodes the account's unreserved concurrency")
    func account() async throws {
        transport.on(
            "GET /2016-08-19/account-settings",
            json(200, #"{"AccountLimit":{"ConcurrentExecutions":1000,"UnreservedConcurrentExecutions":980,"TotalCodeSize":80530636800},"AccountUsage":{"FunctionCount":3,"TotalCodeSize":1024}}"#))
        let settings = try await lambda.getAccountSettings()
        #expect(settings.accountLimit?.unreservedConcurrentExecutions == 980)
        #expect(settings.accountLimit?.concurrentExecutions == 1000)
        #expect(settings.accountUsage?.functionCount == 3)
    }

    @Test("event-invoke configs: PUT replaces, POST updates, both under the qualifier and without FunctionArn")
    func eventInvoke() async throws {
        let answer = #"{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:live","MaximumRetryAttempts":0,"MaximumEventAgeInSeconds":3600,"LastModified":1700000000.5,"DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:failed"},"OnSuccess":{}}}"#
        transport.on("PUT /2019-09-25/functions/{name}/event-invoke-config", json(200, answer))
        transport.on("POST /2019-09-25/functions/{name}/event-invoke-config", json(200, answer))
        transport.on(
            "GET /2019-09-25/functions/{name}/event-invoke-config", json(200, answer),
            restJSONError(404, "ResourceNotFoundException", "The function f has no asynchronous invocation configuration."))
        transport.on("DELETE /2019-09-25/functions/{name}/event-invoke-config", HTTPResponse(status: 204))
        let config = EventInvokeConfig(
            functionARN: "ignored", maximumRetryAttempts: 0, maximumEventAgeInSeconds: 3600,
            destinationConfig: DestinationConfig(onFailure: Destination("arn:aws:sqs:us-east-1:123456789012:failed")))
        let put = try await lambda.putEventInvokeConfig("f", qualifier: "live", config)
        #expect(put.destinationConfig?.onFailure?.destination == "arn:aws:sqs:us-east-1:123456789012:failed")
        #expect(put.destinationConfig?.onSuccess?.destination == nil)
        try await lambda.updateEventInvokeConfig("f", qualifier: "live", EventInvokeConfig(maximumRetryAttempts: 1))
        #expect(try await lambda.getEventInvokeConfig("f", qualifier: "live")?.maximumEventAgeInSeconds == 3600)
        #expect(try await lambda.getEventInvokeConfig("f") == nil)
        try await lambda.deleteEventInvokeConfig("f", qualifier: "live")
        let body = jsonBody(transport.sent[0])
        #expect(body["FunctionArn"] == nil)
        #expect(body["MaximumRetryAttempts"] as? Int == 0)
        #expect((body["DestinationConfig"] as? [String: Any])?["OnSuccess"] == nil)
        #expect(jsonBody(transport.sent[1]) as NSDictionary == ["MaximumRetryAttempts": 1] as NSDictionary)
        #expect(transport.sent[0].query == [QueryItem("Qualifier", "live")])
        #expect(transport.sent[3].query == [])
        #expect(transport.sent[4].method == "DELETE")
    }

    @Test("ListFunctionEventInvokeConfigs follows NextMarker and reads each qualifier's destinations")
    func listEventInvoke() async throws {
        transport.on(
            "GET /2019-09-25/functions/{name}/event-invoke-config/list",
            json(200, #"{"FunctionEventInvokeConfigs":[{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f","DestinationConfig":{"OnSuccess":{},"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:failed"}}}],"NextMarker":"m1"}"#),
            json(200, #"{"FunctionEventInvokeConfigs":[{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:live","MaximumRetryAttempts":1,"DestinationConfig":{"OnSuccess":{"Destination":"arn:aws:sns:us-east-1:123456789012:done"}}}]}"#))
        let configs = try await lambda.listEventInvokeConfigs("f")
        #expect(configs.map(\.functionARN) == [
            "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:function:f:live",
        ])
        #expect(configs[0].destinationConfig?.onFailure?.destination == "arn:aws:sqs:us-east-1:123456789012:failed")
        #expect(configs[1].destinationConfig?.onSuccess?.destination == "arn:aws:sns:us-east-1:123456789012:done")
        #expect(transport.sent.map(\.path) == [
            "/2019-09-25/functions/f/event-invoke-config/list", "/2019-09-25/functions/f/event-invoke-config/list",
        ])
        #expect(transport.sent.map(\.query) == [[], [QueryItem("Marker", "m1")]])
    }
}
