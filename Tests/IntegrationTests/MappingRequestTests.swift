import Foundation
import Testing

/// Lambda event-source mappings through `lambdactl request lambda …` on moto behind the proxy,
/// which emulates what real Lambda does: the transitional states, updates refused meanwhile,
/// the duplicate refused naming the existing UUID, unknown UUIDs as 404.
@Suite("event-source mappings through request", .serialized,
       .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct MappingRequestTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: harness.childEnvironment)
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A function and a queue; answers the queue's ARN.
    func functionAndQueue() throws -> String {
        let zip = try LifecycleZip.write(comment: "esm")
        let created = try lambdactl(["create-function", "esm-fn", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(created.exitCode == 0, "\(created.stderr)")
        let queue = try AWSCLI.run(["sqs", "create-queue", "--queue-name", "esm-queue"], harness: harness)
        #expect(queue.exitCode == 0, "\(queue.stderr)")
        return "arn:aws:sqs:\(harness.region):123456789012:esm-queue"
    }

    @Test("a new mapping is Creating, an update meanwhile is refused with ResourceInUseException, then it is Enabled")
    func states() async throws {
        let queue = try functionAndQueue()
        try await harness.setFaults(HarnessFaults(mappingBusySeconds: 2))
        let create = try lambdactl([
            "request", "lambda", "POST", "/2015-03-31/event-source-mappings",
            "--data", #"{"FunctionName":"esm-fn","EventSourceArn":"\#(queue)","BatchSize":5}"#,
        ])
        #expect(create.exitCode == 0, "\(create.stderr)")
        let mapping = Self.object(create.stdout)
        let uuid = try #require(mapping["UUID"] as? String)
        #expect(mapping["State"] as? String == "Creating")
        let busy = try lambdactl(["request", "lambda", "PUT", "/2015-03-31/event-source-mappings/\(uuid)", "--data", #"{"BatchSize":7}"#])
        #expect(busy.exitCode == 4)
        #expect(busy.stderr.hasPrefix("lambdactl: error: ResourceInUseException"), "\(busy.stderr)")
        try await Task.sleep(for: .milliseconds(2200))
        let settled = Self.object(try lambdactl(["request", "lambda", "GET", "/2015-03-31/event-source-mappings/\(uuid)"]).stdout)
        #expect(settled["State"] as? String == "Enabled" && settled["BatchSize"] as? Int == 5)
        let update = Self.object(try lambdactl(["request", "lambda", "PUT", "/2015-03-31/event-source-mappings/\(uuid)", "--data", #"{"BatchSize":7}"#]).stdout)
        #expect(update["State"] as? String == "Updating" && update["BatchSize"] as? Int == 7)
    }

    @Test("a second mapping for the same function and queue is refused with 409 naming the existing UUID; one mapping stays")
    func duplicate() async throws {
        let queue = try functionAndQueue()
        let body = #"{"FunctionName":"esm-fn","EventSourceArn":"\#(queue)"}"#
        let first = Self.object(try lambdactl(["request", "lambda", "POST", "/2015-03-31/event-source-mappings", "--data", body]).stdout)
        let uuid = try #require(first["UUID"] as? String)
        let second = try lambdactl(["request", "lambda", "POST", "/2015-03-31/event-source-mappings", "--data", body])
        #expect(second.exitCode != 0)
        #expect(second.stderr.hasPrefix("lambdactl: error: ResourceConflictException: An event source mapping with SQS arn"), "\(second.stderr)")
        #expect(second.stderr.contains("Please update or delete the existing mapping with UUID \(uuid)"))
        #expect(second.stderr.contains("HTTP 409"))
        let list = try lambdactl(["request", "lambda", "GET", "/2015-03-31/event-source-mappings", "--query", "FunctionName=esm-fn"])
        #expect((Self.object(list.stdout)["EventSourceMappings"] as? [Any])?.count == 1)
    }

    @Test("update and delete of an unknown UUID are 404 ResourceNotFoundException, exit code 4")
    func unknown() async throws {
        for arguments in [
            ["request", "lambda", "PUT", "/2015-03-31/event-source-mappings/00000000-0000-4000-8000-000000000000", "--data", #"{"BatchSize":1}"#],
            ["request", "lambda", "DELETE", "/2015-03-31/event-source-mappings/00000000-0000-4000-8000-000000000000"],
        ] {
            let result = try lambdactl(arguments)
            #expect(result.exitCode == 4)
            #expect(result.stderr.hasPrefix("lambdactl: error: ResourceNotFoundException"), "\(result.stderr)")
            #expect(result.stderr.contains("HTTP 404"))
        }
    }
}
