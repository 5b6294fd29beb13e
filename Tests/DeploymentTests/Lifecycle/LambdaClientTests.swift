import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// Invoking through FunctionInvoker (the client's paging and paths: AWSLambdaTests).
@Suite("Invoking a function")
struct LambdaClientTests {
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
