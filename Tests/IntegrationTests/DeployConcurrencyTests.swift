import Foundation
import Testing

/// `reserved_concurrency`, `provisioned_concurrency` and `async` in `lambdactl.yml`, deployed
/// against moto behind the proxy (which emulates provisioned concurrency and event-invoke configs).
@Suite(
    "Deploy with concurrency and async settings against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct DeployConcurrencyTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-conc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "v1").write(to: directory.appendingPathComponent("code.zip"))
    }

    func writeConfig(_ name: String, settings: String, alias: Bool = true) throws {
        let text = """
            function:
              name: \(name)
              runtime: python3.12
              handler: app.handler
              code: code.zip
            \(settings)
            \(alias ? "alias: live" : "")
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    func deploy(_ arguments: [String] = []) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(
            ["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments
                + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: environment)
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: environment)
    }

    func writes(since: Int) async throws -> [String] {
        try await harness.log(since: since).filter { $0.method != "GET" && $0.method != "HEAD" }.map(\.operation)
            .filter { op in !["Get", "List", "Head"].contains { op.hasPrefix($0) } }
    }

    @Test("each key is applied, provisioned concurrency waited on, and a second deploy sends no write")
    func applyThenNothing() async throws {
        try writeConfig(
            "dconc",
            settings: """
                  reserved_concurrency: 20
                  provisioned_concurrency: 2
                  async: {max_retries: 0, max_event_age: 1h, on_failure: "arn:aws:sqs:us-east-1:123456789012:failed"}
                """)
        let plan = try deploy(["--dry-run"])
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("reserved concurrency of dconc: would update (reserved_concurrency: (none) → 20)"))
        #expect(plan.stdout.contains("provisioned concurrency on live: would update (provisioned_concurrency: (none) → 2)"))
        #expect(plan.stdout.contains("async.max_event_age: (none) → 1h"))
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stderr.contains("IN_PROGRESS"))
        let shown = try lambdactl(["concurrency", "dconc"])
        #expect(shown.stdout.contains("ReservedConcurrency: 20"))
        #expect(shown.stdout.contains("ProvisionedConcurrency: live requested 2, allocated 2, READY"))
        let async = try lambdactl(["async-config", "dconc", "--qualifier", "live"])
        #expect(async.stdout.contains("max retries 0, max event age 1h, on success (none), on failure arn:aws:sqs:"))
        let mark = try await harness.log().count
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("nothing changed"), "\(second.stdout)")
        #expect(try await writes(since: mark) == [])
    }

    @Test("moving the alias waits for its provisioned concurrency again; null removes each setting")
    func aliasMoveAndRemoval() async throws {
        try writeConfig("dconc2", settings: "  provisioned_concurrency: 2\n  reserved_concurrency: 10\n  async: {max_retries: 1}")
        #expect(try deploy().exitCode == 0)
        try DeployFixture.zip(comment: "v2").write(to: directory.appendingPathComponent("code.zip"))
        let moved = try deploy()
        #expect(moved.exitCode == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("alias live: moved"))
        #expect(moved.stderr.contains("waiting for provisioned concurrency on dconc2:live… IN_PROGRESS"), "\(moved.stderr)")
        try writeConfig("dconc2", settings: "  provisioned_concurrency: null\n  reserved_concurrency: null\n  async: null")
        let removed = try deploy()
        #expect(removed.exitCode == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("reserved_concurrency: 10 → (none)"))
        #expect(removed.stdout.contains("provisioned_concurrency: 2 → (none)"))
        let shown = try lambdactl(["concurrency", "dconc2"]).stdout
        #expect(shown.contains("ReservedConcurrency: none reserved") && shown.contains("ProvisionedConcurrency: none"))
        #expect(try lambdactl(["async-config", "dconc2", "--qualifier", "live"]).stdout.contains("no asynchronous invocation configuration"))
    }

    @Test("function_url is created on the alias, left alone when equal, changed in place and removed with null")
    func functionURL() async throws {
        try writeConfig("durl", settings: "  function_url: {auth: none, cors_origins: [\"https://example.com\"]}")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("function URL of live: updated (function_url.auth: (none) → NONE"), "\(first.stdout)")
        #expect(try lambdactl(["get-function", "durl", "--qualifier", "live"]).stdout.contains("(AuthType NONE)"))
        let mark = try await harness.log().count
        let second = try deploy()
        #expect(second.stdout.contains("nothing changed"), "\(second.stdout)")
        #expect(try await writes(since: mark) == [])
        try writeConfig("durl", settings: "  function_url: {auth: AWS_IAM}")
        let iam = try deploy()
        #expect(iam.stdout.contains("function_url.auth: NONE → AWS_IAM"), "\(iam.stdout)")
        #expect(iam.stderr.contains("removed the public permission"))
        try writeConfig("durl", settings: "  function_url: null")
        let removed = try deploy()
        #expect(removed.stdout.contains("→ (none)"), "\(removed.stdout)")
        #expect(!(try lambdactl(["get-function", "durl", "--qualifier", "live"]).stdout.contains("FunctionUrl:")))
    }

    @Test("a FAILED allocation stops the deploy with its reason and exit 7")
    func failed() async throws {
        try writeConfig("dconc3", settings: "  provisioned_concurrency: 5000")
        let result = try deploy()
        #expect(result.exitCode == 7, "\(result.stderr)")
        #expect(result.stderr.contains("provisioned concurrency FAILED: Insufficient unreserved concurrency"), "\(result.stderr)")
    }

    @Test("provisioned_concurrency without an alias and out-of-range async values are refused with file:line, no request")
    func refused() async throws {
        let path = directory.appendingPathComponent("lambdactl.yml").path
        let cases: [(String, Bool, String)] = [
            ("  provisioned_concurrency: 3", false, "\(path):6: function.provisioned_concurrency needs an alias"),
            ("  async: {max_retries: 3}", true, "\(path):6: function.async.max_retries 3 is outside 0–2"),
            ("  async:\n    max_event_age: 7h", true, "\(path):7: function.async.max_event_age 25200 is outside 60–21600"),
            ("  async: {on_failure: not-an-arn}", true, "function.async.on_failure not-an-arn is not an SQS queue"),
            ("  reserved_concurrency: -1", true, "\(path):6: function.reserved_concurrency -1 is below 0"),
            ("  function_url: {auth: public}", true, "\(path):6: function.function_url.auth must be none or aws_iam"),
        ]
        let mark = try await harness.log().count
        for (settings, alias, message) in cases {
            try writeConfig("dconc4", settings: settings, alias: alias)
            let result = try deploy()
            #expect(result.exitCode == 2, "\(settings): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(settings): \(result.stderr)")
        }
        #expect(try await harness.log(since: mark).isEmpty)
    }
}
