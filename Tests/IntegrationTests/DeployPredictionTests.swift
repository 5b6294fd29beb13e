import Foundation
import Testing

/// `deploy --dry-run` against the real run, and a deploy that AWS refuses midway, against moto
/// behind the verifying proxy.
@Suite("deploy --dry-run predicts the run; a failed deploy says where it stopped", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct DeployPredictionTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 1))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-pred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "v1").write(to: directory.appendingPathComponent("code.zip"))
    }

    /// Writes `lambdactl.yml` for `name`, with routes on API `NAME-api` unless `routes` is false.
    func writeConfig(_ name: String, routes: Bool = true) throws {
        let text = """
            function:
              name: \(name)
              runtime: python3.12
              handler: app.handler
              code: code.zip
              memory: 512
              timeout: 10
              environment:
                STAGE: ${DEPLOY_STAGE}
                API_TOKEN: s3cr3t-token-value
            alias: live
            wait_timeout: 2m
            \(routes ? "routes: {api: \(name)-api, routes: [\"GET /hello\", \"POST /items\"]}" : "")
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    func deploy(_ arguments: [String], stage: String = "prod") throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["DEPLOY_STAGE"] = stage
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(
            ["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments
                + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: environment)
    }

    /// The JSON report's object.
    func report(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout) \(result.stderr)")
    }

    /// Each step as `action target change [field old→new…]`: what a dry run must predict.
    func steps(_ object: [String: Any], key: String = "steps") -> [String] {
        ((object[key] as? [[String: Any]]) ?? []).map { step in
            var line = "\(step["action"] ?? "") \(step["target"] ?? "") \(step["change"] ?? "")"
            if step["action"] as? String != "move-alias", let diff = step["diff"] as? [[String: Any]] {
                line += " " + diff.map { "\($0["field"] ?? ""):\($0["old"] ?? "-")→\($0["new"] ?? "-")" }.joined(separator: ",")
            }
            return line
        }
    }

    /// Runs `--dry-run`, then the real deploy, with the same arguments; both must list the same steps.
    @discardableResult
    func predictThenRun(_ arguments: [String] = [], stage: String = "prod") async throws -> (dry: [String: Any], real: [String: Any]) {
        let mark = try await harness.log().count
        let dry = try deploy(arguments + ["--dry-run", "--output", "json"], stage: stage)
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        let writes = try await harness.log(since: mark).filter { $0.method != "GET" && $0.method != "HEAD" }
            .filter { entry in !["Get", "List", "Head"].contains { entry.operation.hasPrefix($0) } }
        #expect(writes.isEmpty, "the dry run wrote: \(writes.map(\.operation))")
        let real = try deploy(arguments + ["--output", "json"], stage: stage)
        #expect(real.exitCode == 0, "\(real.stderr)")
        let (dryReport, realReport) = (try report(dry), try report(real))
        #expect(steps(dryReport) == steps(realReport), "dry run: \(steps(dryReport))\nreal run: \(steps(realReport))")
        #expect(dryReport["changed"] as? Bool == realReport["changed"] as? Bool)
        return (dryReport, realReport)
    }

    @Test("dry run and real run list the same steps: new function with routes, unchanged, memory change, env change")
    func dryRunMatchesRun() async throws {
        try writeConfig("pred")
        let created = try await predictThenRun()
        #expect(steps(created.real).contains("create-function pred create"))
        #expect(steps(created.real).contains("attach-routes pred-api update"))
        let unchanged = try await predictThenRun()
        #expect(unchanged.real["changed"] as? Bool == false, "\(steps(unchanged.real))")
        #expect(steps(unchanged.dry).allSatisfy { $0.hasSuffix(" unchanged") }, "\(steps(unchanged.dry))")
        let memory = try await predictThenRun(["--set", "function.memory=1024"])
        #expect(steps(memory.real).contains("update-configuration pred update memory:512→1024"), "\(steps(memory.real))")
        #expect(steps(memory.real).filter { !$0.contains(" unchanged") }.count == 3, "\(steps(memory.real))")
        try await predictThenRun(["--set", "function.memory=1024"], stage: "dev")
    }

    @Test("the dry run's text shows old → new values and never an environment value")
    func dryRunText() async throws {
        try writeConfig("predtext", routes: false)
        let first = try deploy([])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let dry = try deploy(["--dry-run", "--set", "function.memory=1024", "--set", "function.environment.API_TOKEN=n3w-secret"])
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("memory: 512 → 1024"), "\(dry.stdout)")
        #expect(dry.stdout.contains("environment: changed (API_TOKEN changed)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("alias live: would move (version: 1 → (new))"), "\(dry.stdout)")
        #expect(dry.stdout.contains("3 step(s) would change"), "\(dry.stdout)")
        for secret in ["s3cr3t-token-value", "n3w-secret"] {
            #expect(!dry.stdout.contains(secret) && !dry.stderr.contains(secret))
        }
        let json = try deploy(["--dry-run", "--output", "json", "--set", "function.environment.API_TOKEN=n3w-secret"])
        #expect(!json.stdout.contains("n3w-secret") && !json.stdout.contains("s3cr3t"), "\(json.stdout)")
    }

    @Test("routes added to a deployed function are predicted, then attached once")
    func routesAddedLater() async throws {
        try writeConfig("predroutes", routes: false)
        #expect(try deploy([]).exitCode == 0)
        try writeConfig("predroutes")
        let added = try await predictThenRun()
        #expect(steps(added.dry) == steps(added.real))
        #expect(steps(added.real).last == "attach-routes predroutes-api update")
        let again = try await predictThenRun()
        #expect(steps(again.dry).last == "attach-routes predroutes-api unchanged")
    }

    @Test("a deploy refused midway lists the steps done, the failed one with AWS's reason and those not started; a rerun converges")
    func refusedMidway() async throws {
        try writeConfig("halt")
        let first = try deploy([])
        #expect(first.exitCode == 0, "\(first.stderr)")
        try await harness.refuse(["UpdateAlias": "AccessDeniedException"])
        let text = try deploy(["--set", "function.memory=1024"])
        #expect(text.exitCode == 4, "\(text.stderr)")
        #expect(text.stdout.contains("function halt configuration: updated (memory: 512 → 1024)"), "\(text.stdout)")
        #expect(text.stdout.contains("version of halt: published (version 2)"), "\(text.stdout)")
        #expect(text.stdout.contains("alias live: FAILED: AccessDeniedException"), "\(text.stdout)")
        #expect(text.stdout.contains("routes on halt-api: not started"), "\(text.stdout)")
        #expect(text.stdout.contains("halt: deploy stopped at move-alias live (2 step(s) changed before it, 1 not started)"), "\(text.stdout)")
        #expect(text.stdout.contains("run the same lambdactl deploy again"), "\(text.stdout)")
        let errorLines = text.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errorLines.count == 1 && errorLines[0].contains("AccessDeniedException"), "\(text.stderr)")
        let json = try deploy(["--set", "function.memory=1024", "--output", "json"])
        #expect(json.exitCode == 4)
        let object = try report(json)
        #expect(steps(object) == ["update-code halt unchanged", "update-configuration halt unchanged", "publish-version halt unchanged"],
            "the second attempt publishes nothing again: \(steps(object))")
        #expect((object["failedStep"] as? [String: Any])?["action"] as? String == "move-alias")
        #expect((object["error"] as? String)?.contains("not authorized to perform: lambda:UpdateAlias") == true)
        #expect(steps(object, key: "notStarted") == ["attach-routes halt-api ensure"])
        #expect(object["rerun"] as? String != nil)
        try await harness.clearRefusals()
        let rerun = try deploy(["--set", "function.memory=1024"])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("alias live: moved (version: 1 → 2)"), "\(rerun.stdout)")
        let mark = try await harness.log().count
        let settled = try deploy(["--set", "function.memory=1024"])
        #expect(settled.stdout.contains("halt: up to date; nothing changed"), "\(settled.stdout)")
        #expect(try await harness.log(since: mark).allSatisfy { $0.method == "GET" || $0.method == "HEAD" })
    }
}
