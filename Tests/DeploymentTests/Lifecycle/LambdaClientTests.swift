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
        #expect(throws: LifecycleError.self) { try FunctionInvoker.payload("{not json", files: InMemoryFileSystem()) }
        #expect(throws: Never.self) { try FunctionInvoker.payload(#"{"a":1}"#, files: InMemoryFileSystem()) }
    }

    @Test("@FILE reads the payload through the file-system view; an unreadable or non-JSON file is refused")
    func payloadFromFile() throws {
        let files = InMemoryFileSystem(
            text: ["/e/event.json": #"{"k":"v"}"#, "/e/bad.json": "nope", "/e/locked.json": "{}"], unreadable: ["/e/locked.json"])
        #expect(try FunctionInvoker.payload("@/e/event.json", files: files) == Data(#"{"k":"v"}"#.utf8))
        #expect(throws: LifecycleError(.unreadableAtFile(.payload, path: "/e/missing.json"))) {
            try FunctionInvoker.payload("@/e/missing.json", files: files)
        }
        #expect(throws: LifecycleError(.unreadableAtFile(.payload, path: "/e/locked.json"))) {
            try FunctionInvoker.payload("@/e/locked.json", files: files)
        }
        #expect(throws: LifecycleError.self) { try FunctionInvoker.payload("@/e/bad.json", files: files) }
        #expect(try FunctionInvoker.payload(nil, files: files) == Data("{}".utf8))
    }

    @Test("an env file is read through the file-system view; a missing one names the path")
    func envFile() throws {
        let files = InMemoryFileSystem(text: ["/app/.env": "A=1\nB=two\n"])
        #expect(try EnvironmentInput.load(file: "/app/.env", files: files) == ["A": "1", "B": "two"])
        #expect(throws: LifecycleError(.unreadableNamedFile(.environmentFile, path: "/app/none.env"))) {
            try EnvironmentInput.load(file: "/app/none.env", files: files)
        }
    }
}
