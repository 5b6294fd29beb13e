import Foundation
import Testing

/// The second acceptance pass, run as a demanding user would: `logs` and `attach-routes` with
/// wrong input give the documented exit code and one line on stderr, and leave nothing behind.
@Suite("Acceptance 2: logs, routes and deploy with wrong input", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct Acceptance2Tests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: harness.childEnvironment)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        let result = try AWSCLI.run(arguments, harness: harness)
        #expect(result.exitCode == 0, "aws \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A log group with two events in one stream, stamped now.
    func makeGroup(_ group: String) throws {
        _ = try aws(["logs", "create-log-group", "--log-group-name", group])
        _ = try aws(["logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", "s1"])
        let now = Int(Date().timeIntervalSince1970 * 1000)
        _ = try aws([
            "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "s1", "--log-events",
            "timestamp=\(now),message=hello", "timestamp=\(now + 1),message=ready now",
        ])
    }

    @Test("logs --since in the future is a usage error (exit 2) and sends nothing")
    func sinceInTheFuture() async throws {
        try makeGroup("/qa2/future")
        let mark = try await harness.log().count
        let result = try lambdactl(["logs", "--log-group", "/qa2/future", "--since", "2099-01-01"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--since 2099-01-01 is in the future"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        #expect(try await harness.log(since: mark).isEmpty)
    }

    @Test("logs --until before --since is a usage error (exit 2) and sends nothing")
    func untilBeforeSince() async throws {
        try makeGroup("/qa2/range")
        let mark = try await harness.log().count
        let result = try lambdactl(["logs", "--log-group", "/qa2/range", "--since", "1h", "--until", "2h"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--until 2h is not after --since 1h"))
        #expect(try await harness.log(since: mark).isEmpty)
        let ordered = try lambdactl(["logs", "--log-group", "/qa2/range", "--since", "1h", "--until", "2099-01-01T00:00:00Z"])
        #expect(ordered.exitCode == 0, "\(ordered.stderr)")
        #expect(ordered.stdout.contains("ready now"))
    }

    @Test("logs --output json prints one JSON object per line unless --format says otherwise")
    func outputJSON() throws {
        try makeGroup("/qa2/json")
        let result = try lambdactl(["logs", "--log-group", "/qa2/json", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["message"] != nil, "not a JSON event: \(line)")
        }
        let short = try lambdactl(["logs", "--log-group", "/qa2/json", "--output", "json", "--format", "short"])
        #expect(short.stdout.split(separator: "\n").last?.hasSuffix("Z ready now") == true)
    }

    @Test("attach-routes --qualifier with an alias that does not exist creates nothing")
    func attachMissingAlias() async throws {
        let code = FileManager.default.temporaryDirectory.appendingPathComponent("qa2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: code) }
        try Data("def handler(e, c):\n    return 1\n".utf8).write(to: code.appendingPathComponent("app.py"))
        let created = try lambdactl(["create-function", "qa2-fn", "--code", code.path, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(created.exitCode == 0, "\(created.stderr)")

        let result = try lambdactl(["attach-routes", "qa2-fn", "--api", "qa2-api", "--route", "GET /x", "--qualifier", "nosuch"])
        #expect(result.exitCode == 4)
        #expect(result.stderr == "lambdactl: error: function qa2-fn has no alias or version 'nosuch'; create it first (lambdactl alias or publish-version) or leave out --qualifier\n")
        let apis = try aws(["apigatewayv2", "get-apis", "--query", "Items[].Name", "--output", "text"])
        #expect(!apis.stdout.contains("qa2-api"))
        #expect(!(try await harness.log()).contains { ["CreateApi", "CreateIntegration", "CreateRoute"].contains($0.operation) })
    }

    @Test("a negative number after an option says it was read as an option, not 'Missing value'")
    func negativeValue() throws {
        let level = try CommandRunner.run(["package", "/nonexistent", "-o", "/tmp/x.zip", "--level", "-1"], environment: harness.childEnvironment)
        #expect(level.exitCode == 2)
        #expect(level.stderr.hasPrefix("lambdactl: error: --level -1: a value starting with - is read as an option; write --level=-1"))
        let since = try lambdactl(["logs", "--log-group", "/x", "--since", "-5m"])
        #expect(since.exitCode == 2)
        #expect(since.stderr.contains("--since -5m: a value starting with - is read as an option"))
    }

    @Test("package -o with an empty name is a usage error that asks for a file name")
    func emptyOutputName() throws {
        let result = try CommandRunner.run(["package", "/tmp", "-o", ""], environment: harness.childEnvironment)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("lambdactl: error: -o needs a file name, e.g. -o function.zip"))
    }

    @Test("deploy run again after a failed PublishVersion publishes the configuration it had already applied")
    func deployConvergesAfterFailedPublish() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa2-deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("src"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("def handler(e, c):\n    return 1\n".utf8).write(to: directory.appendingPathComponent("src/app.py"))
        let config = directory.appendingPathComponent("lambdactl.yml").path
        try Data("function:\n  name: qa2-deploy\n  runtime: python3.12\n  handler: app.handler\n  code: src\n  memory: 256\nalias: live\n".utf8)
            .write(to: URL(fileURLWithPath: config))
        let first = try lambdactl(["deploy", "-f", config])
        #expect(first.exitCode == 0, "\(first.stderr)")

        try await harness.setFaults(HarnessFaults(throttleRate: 1, faultOperations: ["PublishVersion"]))
        let failed = try lambdactl(["deploy", "-f", config, "--set", "function.memory=512"])
        #expect(failed.exitCode == 5)
        try await harness.setFaults(HarnessFaults(throttleRate: 0))

        let again = try lambdactl(["deploy", "-f", config, "--set", "function.memory=512"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout.contains("version of qa2-deploy: published (version 2)"))
        let live = try aws(["lambda", "get-function-configuration", "--function-name", "qa2-deploy", "--qualifier", "live",
                            "--query", "MemorySize", "--output", "text"])
        #expect(live.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "512")
    }

    @Test("attach-routes with a stage name API Gateway refuses is a usage error before any request")
    func badStageName() async throws {
        let result = try lambdactl(["attach-routes", "f", "--api", "a", "--route", "GET /x", "--stage", "bad stage!"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("lambdactl: error: --stage \"bad stage!\" must be $default or 1–128 letters, digits, - and _"))
        #expect(try await harness.log().isEmpty)
    }

    @Test("deploy --dry-run with a reserved variable in env_file fails like the real run, before any request")
    func reservedVariableInEnvFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa2-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("src"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("def handler(e, c):\n    return 1\n".utf8).write(to: directory.appendingPathComponent("src/app.py"))
        try Data("AWS_REGION=eu-west-1\n".utf8).write(to: directory.appendingPathComponent("r.env"))
        let config = directory.appendingPathComponent("lambdactl.yml").path
        try Data("function:\n  name: qa2-env\n  runtime: python3.12\n  handler: app.handler\n  code: src\n  env_file: r.env\n".utf8)
            .write(to: URL(fileURLWithPath: config))
        for extra in [["--dry-run"], []] {
            let result = try lambdactl(["deploy", "-f", config] + extra)
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("environment variable AWS_REGION is reserved"))
            #expect(result.stdout.isEmpty)
        }
        #expect(try await harness.log().isEmpty)
    }
}
