import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("The Lambda client's paging, paths and invoke")
struct LambdaClientTests {
    @Test("list calls follow NextMarker through every page")
    func pages() async throws {
        let harness = Harness()
        harness.transport.on(
            "GET /2015-03-31/functions",
            json(200, #"{"Functions":[{"FunctionName":"a"},{"FunctionName":"b"}],"NextMarker":"m1"}"#),
            json(200, #"{"Functions":[{"FunctionName":"c"}],"NextMarker":"m2"}"#),
            json(200, #"{"Functions":[{"FunctionName":"d"}]}"#))
        let functions = try await harness.services().lambda.listFunctions()
        #expect(functions.compactMap(\.functionName) == ["a", "b", "c", "d"])
        #expect(harness.transport.sent.map(\.query) == [[], [QueryItem("Marker", "m1")], [QueryItem("Marker", "m2")]])
    }

    @Test("a repeating marker ends paging instead of looping forever")
    func repeatingMarker() async throws {
        let harness = Harness()
        harness.transport.on(
            "GET /2015-03-31/functions/f/aliases", json(200, #"{"Aliases":[{"Name":"a","FunctionVersion":"1"}],"NextMarker":"same"}"#))
        let aliases = try await harness.services().lambda.listAliases("f")
        #expect(aliases.count == 2)
        #expect(harness.transport.sent.count == 2)
    }

    @Test("a full ARN is one percent-encoded path segment")
    func arnPath() async throws {
        let harness = Harness()
        let arn = "arn:aws:lambda:eu-west-1:123456789012:function:f"
        harness.transport.on(
            "GET /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af/configuration",
            json(200, configuration()))
        let config = try await harness.services().lambda.getFunctionConfiguration(arn)
        #expect(config.functionName == "f")
    }

    @Test("invoke sends the raw payload and decodes the function error, version and log tail")
    func invoke() async throws {
        let harness = Harness()
        harness.transport.on(
            "POST /2015-03-31/functions/f/invocations",
            HTTPResponse(
                status: 200,
                headers: HTTPHeaders([
                    ("X-Amz-Function-Error", "Unhandled"), ("X-Amz-Executed-Version", "3"),
                    ("X-Amz-Log-Result", Data("START RequestId: 1\nboom\n".utf8).base64EncodedString()),
                ]),
                body: Data(#"{"errorMessage":"boom"}"#.utf8)))
        let services = harness.services()
        let result = try await FunctionInvoker(lambda: services.lambda)
            .run("f", payload: Data(#"{"k":1}"#.utf8), qualifier: "live", logs: true)
        #expect(result.functionError == "Unhandled" && result.executedVersion == "3")
        #expect(result.logTail == "START RequestId: 1\nboom\n")
        #expect(result.payload == #"{"errorMessage":"boom"}"#)
        let request = try #require(harness.transport.sent.first)
        #expect(request.headers["X-Amz-Log-Type"] == "Tail")
        #expect(request.headers["X-Amz-Invocation-Type"] == "RequestResponse")
        #expect(request.query == [QueryItem("Qualifier", "live")])
        #expect(request.body == .data(Data(#"{"k":1}"#.utf8)))
        let error = #expect(throws: LifecycleError.self) { try FunctionInvoker.check(result, function: "f") }
        #expect(error?.category == .functionError)
    }

    @Test("--async invokes with the Event type")
    func asyncInvoke() async throws {
        let harness = Harness()
        harness.transport.on("POST /2015-03-31/functions/f/invocations", HTTPResponse(status: 202))
        let result = try await FunctionInvoker(lambda: harness.services().lambda).run("f", payload: Data("{}".utf8), async: true)
        #expect(result.statusCode == 202)
        #expect(harness.transport.sent.first?.headers["X-Amz-Invocation-Type"] == "Event")
    }

    @Test("a payload that is not JSON is refused before any call")
    func badPayload() {
        #expect(throws: LifecycleError.self) { try FunctionInvoker.payload("{not json") }
        #expect(throws: Never.self) { try FunctionInvoker.payload(#"{"a":1}"#) }
    }
}
