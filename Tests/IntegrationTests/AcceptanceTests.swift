import Foundation
import Testing

/// Mistakes a user makes, run as the user would: each gives the documented exit code and one
/// line on stderr, leaves nothing half-done, and `--output json` keeps stdout valid JSON.
@Suite("Acceptance: wrong input and --output json", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct AcceptanceTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: harness.childEnvironment)
    }

    /// Parses stdout as JSON or records why it is not.
    func expectJSON(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        do {
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
        } catch {
            Issue.record("stdout is not JSON: \(result.stdout.prefix(200))", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test("request --output json prints valid JSON for an XML answer (IAM) and for --dry-run")
    func requestJSON() throws {
        let iam = try lambdactl(["request", "iam", "POST", "/", "--target", "ListRoles", "--output", "json"])
        #expect(iam.exitCode == 0, "\(iam.stderr)")
        let object = expectJSON(iam) as? [String: Any]
        #expect((object?["body"] as? String)?.contains("<ListRolesResponse") == true)
        #expect(object?["status"] as? Int == 200)

        let dryRun = try lambdactl([
            "request", "lambda", "GET", "/2015-03-31/functions", "--dry-run", "--signing-time", "20150830T123600Z",
            "--output", "json",
        ])
        #expect(dryRun.exitCode == 0, "\(dryRun.stderr)")
        let stages = expectJSON(dryRun) as? [String: String]
        #expect(stages?["canonicalRequest"]?.hasPrefix("GET\n/2015-03-31/functions") == true)
        #expect(stages?["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=") == true)
    }

    @Test("request with an unknown HTTP method is a usage error and sends nothing")
    func requestUnknownMethod() async throws {
        let result = try lambdactl(["request", "lambda", "FETCH", "/2015-03-31/functions"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("unknown HTTP method 'FETCH'"))
        #expect(try await harness.log().isEmpty)
    }

    @Test("request with inline --data that is not JSON is a usage error for JSON services and sends nothing")
    func requestMalformedJSON() async throws {
        let result = try lambdactl(["request", "lambda", "POST", "/2015-03-31/functions", "--data", "{bad"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--data is not valid JSON for lambda"))
        #expect(try await harness.log().isEmpty)
    }

    @Test("create-function with a bad --layer ARN exits 2 before creating the role")
    func badLayerCreatesNoRole() async throws {
        let zip = try LifecycleZip.write(comment: "badlayer")
        let result = try lambdactl([
            "create-function", "qa-layer", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler",
            "--layer", "notanarn",
        ])
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("lambdactl: error: --layer notanarn is not a layer version ARN"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try await harness.log().isEmpty, "nothing was sent, so no role was left behind")
    }

    @Test("create-function with a name Lambda refuses exits 2 before creating the role")
    func badNameCreatesNoRole() async throws {
        let zip = try LifecycleZip.write(comment: "badname")
        let result = try lambdactl(["create-function", "my.func", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("is not a valid function name"))
        #expect(try await harness.log().isEmpty)
    }

    @Test("publish-layer --attach with a missing function publishes no layer version")
    func attachMissingFunction() async throws {
        let zip = try LifecycleZip.write(comment: "attach")
        let result = try lambdactl(["publish-layer", "qa-deps", "--code", zip, "--compatible-runtime", "python3.12", "--attach", "qa-missing"])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("ResourceNotFoundException"))
        #expect(!(try await harness.log()).contains { $0.operation == "PublishLayerVersion" })
    }
}
