import Foundation
import Testing

/// `get-function` against moto behind the verifying proxy: what a user looks for is shown.
@Suite(
    "get-function against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct GetFunctionTests {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try proxy.lambdactl(arguments)
        #expect(result.exitCode == 0, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    @Test("shows tags, aliases and their versions, the URL, reserved concurrency and the rest, in text and JSON")
    func showsEverything() async throws {
        let zip = try LifecycleZip.write(comment: "show")
        _ = try run([
            "create-function", "show", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler",
            "--tag", "team=platform", "--env", "TOKEN=s3cr3t", "--publish",
        ])
        _ = try run(["request", "lambda", "POST", "/2015-03-31/functions/show/aliases", "--data", #"{"Name":"live","FunctionVersion":"1"}"#])
        _ = try run(["request", "lambda", "PUT", "/2017-10-31/functions/show/concurrency", "--data", #"{"ReservedConcurrentExecutions":5}"#])
        _ = try run(["function-url", "show", "--auth-type", "NONE"])
        let text = try run(["get-function", "show"]).stdout
        for line in [
            "FunctionName: show", "Runtime: python3.12", "Architecture: x86_64", "State: Active", "LastUpdateStatus: Successful",
            "ReservedConcurrency: 5", "Alias: live → 1", "Tag: team=platform", "Tracing: PassThrough", "VPC: none",
            "EphemeralStorage: 512 MB", "Environment: TOKEN (values not shown",
        ] {
            #expect(text.contains(line), "missing \(line) in:\n\(text)")
        }
        #expect(text.contains("LastModified: 20") && text.contains("PackageSize: ") && text.contains("FunctionUrl: http"))
        #expect(!text.contains("s3cr3t"))
        let json = try run(["get-function", "show", "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["configuration", "tags", "reservedConcurrency", "aliases", "functionUrl"]))
        let configuration = try #require(object["configuration"] as? [String: Any])
        #expect(configuration["FunctionName"] as? String == "show" && configuration["LastModified"] != nil)
        #expect((object["aliases"] as? [[String: Any]])?.first?["FunctionVersion"] as? String == "1")
        let log = try await proxy.log()
        #expect(log.allSatisfy { $0.verified })
    }
}
