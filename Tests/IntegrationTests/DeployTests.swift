import Foundation
import Testing

/// `lambdactl deploy` against moto behind the verifying proxy, with Lambda's busy states emulated.
@Suite("Deploy from a config file against the harness", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct DeployTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 2))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "v1").write(to: directory.appendingPathComponent("code.zip"))
    }

    /// Writes `lambdactl.yml` for function `name` with code `code` (relative to the config).
    func writeConfig(_ name: String, code: String = "code.zip", extra: String = "") throws {
        let text = """
            function:
              name: \(name)
              runtime: python3.12
              handler: app.handler
              code: \(code)
              memory: 256
              timeout: 10
              environment:
                STAGE: ${DEPLOY_STAGE}
            publish: true
            alias: live
            wait_timeout: 2m
            \(extra)
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    /// Runs `lambdactl deploy -f DIR/lambdactl.yml arguments…` against the proxy.
    func deploy(_ arguments: [String] = []) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["DEPLOY_STAGE"] = "prod"
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(
            ["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments
                + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: environment)
    }

    /// Operations in the proxy log that change something: not GET/HEAD, and not a query-protocol
    /// read (IAM GetRole, STS GetCallerIdentity are POSTs).
    func mutatingOperations(since: Int = 0) async throws -> [String] {
        try await harness.log(since: since)
            .filter { $0.method != "GET" && $0.method != "HEAD" }
            .map(\.operation)
            .filter { op in !["Get", "List", "Head"].contains { op.hasPrefix($0) } }
    }

    @Test("the first deploy creates the role, function, version 1 and the alias; every request verifies")
    func firstDeployCreates() async throws {
        try writeConfig("dep-first")
        let result = try deploy()
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("function dep-first: created"))
        #expect(result.stdout.contains("alias live: created (version 1)"))
        #expect(result.stdout.contains("dep-first: deployed"))
        let log = try await harness.log()
        #expect(log.allSatisfy { $0.verified })
        let mutating = try await mutatingOperations()
        #expect(mutating.contains("CreateFunction") && mutating.contains("CreateAlias"))
    }

    @Test("a second identical deploy says nothing changed and makes no mutating call")
    func secondDeployChangesNothing() async throws {
        try writeConfig("dep-same")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        let mark = try await harness.log().count
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("dep-same: up to date; nothing changed"))
        #expect(try await mutatingOperations(since: mark).isEmpty)
    }

    @Test("changing only the memory updates the configuration, publishes and moves the alias")
    func memoryOnly() async throws {
        try writeConfig("dep-mem")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        let mark = try await harness.log().count
        let result = try deploy(["--set", "function.memory=512", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""MemorySize""#))
        let mutating = try await mutatingOperations(since: mark)
        // The last write records where the alias was (tag lambdactl:previous:live) for rollback.
        #expect(mutating == [
            "UpdateFunctionConfiguration", "PublishVersion", "UpdateAlias",
            "POST /2017-03-31/tags/arn:aws:lambda:\(harness.region):123456789012:function:dep-mem",
        ])
    }

    @Test("a changed tag is applied with TagResource alone; no new version is published")
    func tagsOnly() async throws {
        try writeConfig("dep-tags", extra: "")
        let first = try deploy(["--set", "function.tags={team: web}"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let mark = try await harness.log().count
        let second = try deploy(["--set", "function.tags={team: api}"])
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("function dep-tags tags: updated (tags.team: web → api)"), "\(second.stdout)")
        let mutating = try await mutatingOperations(since: mark)
        #expect(mutating.count == 1 && mutating.allSatisfy { $0.hasPrefix("POST /2017-03-31/tags/arn") }, "\(mutating)")
        #expect(try await harness.log(since: mark).allSatisfy { $0.verified })
    }

    @Test("--dry-run prints the plan and makes no mutating call")
    func dryRun() async throws {
        try writeConfig("dep-dry")
        let result = try deploy(["--dry-run"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("function dep-dry: would create"))
        #expect(result.stdout.contains("dry run; nothing was changed"))
        #expect(try await mutatingOperations().isEmpty)
    }

    @Test("routes are attached to the alias once; the next deploy finds them in place")
    func routes() async throws {
        try writeConfig("dep-routes", extra: "routes: {api: dep-api, routes: [\"GET /hello\"]}")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("routes on dep-api: updated"))
        #expect(first.stderr.contains("created route GET /hello"))
        #expect(first.stdout.contains("execute-api"))
        let mark = try await harness.log().count
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("routes on dep-api: unchanged"))
        #expect(second.stdout.contains("nothing changed"))
        let mutating = try await mutatingOperations(since: mark)
        #expect(mutating.isEmpty, "\(mutating)")
    }

    @Test("a code directory is packaged deterministically, so a redeploy uploads nothing")
    func directoryCode() async throws {
        let source = directory.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try "def handler(event, context):\n    return 'hi'\n".write(
            to: source.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        try writeConfig("dep-dir", code: "src")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("function dep-dir: created"))
        let mark = try await harness.log().count
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("dep-dir: up to date; nothing changed"))
        let mutating = try await mutatingOperations(since: mark)
        #expect(mutating.isEmpty, "\(mutating)")
    }

    @Test("a bad config fails before any request, with the usage exit code")
    func badConfigFailsFirst() async throws {
        try writeConfig("dep-bad", extra: "regions: [eu-west-1]")
        let unknown = try deploy()
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("unknown key \"regions\""))
        try writeConfig("dep-bad", extra: "routes: {api: a, routes: [\"FETCH /x\"]}")
        let route = try deploy()
        #expect(route.exitCode == 2, "\(route.stderr)")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("code.zip"))
        try writeConfig("dep-bad")
        let missing = try deploy()
        #expect(missing.exitCode == 9, "\(missing.stderr)")
        #expect(try await harness.log().isEmpty)
    }
}

/// Tiny valid zips: an empty archive whose comment makes each CodeSha256 distinct.
enum DeployFixture {
    static func zip(comment: String) -> Data {
        var bytes: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 16)
        let text = Array(comment.utf8)
        bytes += [UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
        return Data(bytes)
    }
}
