import Foundation
import Testing

/// `deploy --prune` and `destroy` of an app file against moto behind the verifying proxy: what
/// the file no longer lists is kept and listed, then removed with its triggers, routes, APIs
/// and roles; an untagged function of another tool is never touched.
@Suite(
    "App prune and destroy against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct AppPruneTests {
    let harness: Harness
    let directory: URL
    static let queue = "appprune-jobs"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 0.3, mappingBusySeconds: 0.3))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("app-prune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "prune v1").write(to: directory.appendingPathComponent("code.zip"))
        let queue = try aws(["sqs", "create-queue", "--queue-name", Self.queue])
        #expect(queue.exitCode == 0, "\(queue.stderr)")
    }

    /// The whole app: web (two schedules; routes GET /web, GET /admin), worker (queue, an alarm),
    /// nightly (schedule; route GET /old), and the admin API.
    static let full = """
        functions:
          web:
            handler: app.handler
            triggers: [{schedule: rate(2 days)}, {schedule: rate(3 days)}]
          worker:
            handler: app.handler
            triggers: [{sqs: \(queue), batch_size: 5}]
            alarms: [errors]
          nightly:
            handler: app.handler
            triggers: [{schedule: rate(1 day)}]
        apis:
          site:
            routes:
              "GET /web": web
              "GET /old": nightly
          admin:
            routes:
              "GET /admin": web
        """

    /// The app without worker, nightly, web's second schedule, the GET /old route and the admin API.
    static let smaller = """
        functions:
          web:
            handler: app.handler
            triggers: [{schedule: rate(2 days)}]
        apis:
          site:
            routes:
              "GET /web": web
        """

    func write(_ body: String) throws {
        let text = """
            app: appprune
            stage: p1
            defaults:
              runtime: python3.12
              code: code.zip
            \(body)
            wait_timeout: 2m
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    func run(_ command: String, _ arguments: [String] = []) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(
            [command, "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments
                + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: environment)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    func list(_ arguments: [String], _ key: String, _ field: String) throws -> [String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(try aws(arguments).stdout.utf8))) as? [String: Any]
        return ((object?[key] as? [[String: Any]]) ?? []).compactMap { $0[field] as? String }.sorted()
    }

    func functions() throws -> [String] { try list(["lambda", "list-functions"], "Functions", "FunctionName") }
    func roles() throws -> [String] { try list(["iam", "list-roles"], "Roles", "RoleName").filter { $0.hasPrefix("lambdactl-") } }
    func apis() throws -> [String] { try list(["apigatewayv2", "get-apis"], "Items", "Name") }
    func mappings() throws -> [String] {
        try list(["lambda", "list-event-source-mappings"], "EventSourceMappings", "FunctionArn")
    }
    func schedules() throws -> [String] { try list(["scheduler", "list-schedules"], "Schedules", "Name") }
    func alarms() throws -> [String] { try list(["cloudwatch", "describe-alarms"], "MetricAlarms", "AlarmName") }

    /// Operations in the proxy log that change something.
    func writes(since: Int) async throws -> [String] { try await harness.writes(since: since) }

    /// A function made by another tool, with no app tags.
    func makeForeignFunction() throws {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let role = try aws(["iam", "create-role", "--role-name", "other-tool-role", "--assume-role-policy-document", trust])
        try #require(role.exitCode == 0, "\(role.stderr)")
        let made = try aws([
            "lambda", "create-function", "--function-name", "other-tool-fn", "--runtime", "python3.12",
            "--handler", "app.handler", "--role", "arn:aws:iam::123456789012:role/other-tool-role",
            "--zip-file", "fileb://" + directory.appendingPathComponent("code.zip").path,
        ])
        try #require(made.exitCode == 0, "\(made.stderr)")
    }

    @Test("functions, triggers, routes and APIs the file no longer lists are kept and listed, then --prune removes them, their roles too, and nothing else")
    func pruneRemovesWhatTheFileDropped() async throws {
        try write(Self.full)
        let first = try run("deploy")
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        try makeForeignFunction()
        #expect(try functions() == ["nightly-p1", "other-tool-fn", "web-p1", "worker-p1"])
        #expect(try apis() == ["admin-p1", "site-p1"])
        #expect(try alarms().count == 1, "worker's alarm")

        try write(Self.smaller)
        let kept = try run("deploy")
        try #require(kept.exitCode == 0, "\(kept.stdout)\n\(kept.stderr)")
        #expect(kept.stdout.contains("function nightly-p1: not in the file (kept; deploy --prune removes it)"), "\(kept.stdout)")
        #expect(kept.stdout.contains("rate(3 days)") && kept.stdout.contains("not in the file (kept; deploy --prune removes it)"),
            "web's dropped schedule is kept and listed: \(kept.stdout)")
        #expect(try functions() == ["nightly-p1", "other-tool-fn", "web-p1", "worker-p1"], "nothing removed without --prune")

        let mark = try await harness.log().count
        let plan = try run("deploy", ["--prune", "--dry-run"])
        try #require(plan.exitCode == 0, "\(plan.stdout)\n\(plan.stderr)")
        for line in [
            "- route GET /old (on API site-p1, to nightly-p1): would be removed",
            "- trigger sqs arn:aws:sqs:us-east-1:123456789012:\(Self.queue) (of worker-p1): would be removed",
            "- function worker-p1: would be removed", "- function nightly-p1: would be removed",
            "- role lambdactl-worker-p1-role: would be removed",
        ] {
            #expect(plan.stdout.contains(line), "\(line)\n\(plan.stdout)")
        }
        #expect(plan.stdout.contains("- api admin-p1 ("), "\(plan.stdout)")
        #expect(!plan.stdout.contains("other-tool"), "\(plan.stdout)")
        #expect(try await writes(since: mark) == [], "a dry run writes nothing")

        let pruned = try run("deploy", ["--prune"])
        try #require(pruned.exitCode == 0, "\(pruned.stdout)\n\(pruned.stderr)")
        #expect(pruned.stdout.contains("2 function(s) and"), "\(pruned.stdout)")
        #expect(try functions() == ["other-tool-fn", "web-p1"])
        #expect(try apis() == ["site-p1"])
        #expect(try mappings().isEmpty)
        #expect(try schedules().count == 1, "web keeps the schedule the file lists; the dropped one and nightly's are gone")
        #expect(try alarms().isEmpty, "the removed function's alarm went with it")
        #expect(try roles() == ["lambdactl-app-appprune-p1-us-east-1", "lambdactl-web-p1-scheduler"], "the shared role stays (web-p1 uses it), and so does the role of web-p1's remaining schedule")
        let routes = try list(
            ["apigatewayv2", "get-routes", "--api-id", try #require(try apiID("site-p1"))], "Items", "RouteKey")
        #expect(routes == ["GET /web"])
        #expect(try aws(["iam", "get-role", "--role-name", "other-tool-role"]).exitCode == 0)

        let again = try await harness.log().count
        let rerun = try run("deploy", ["--prune"])
        try #require(rerun.exitCode == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try await writes(since: again) == [], "converged: \(rerun.stdout)")
    }

    @Test("--prune with --only is refused before any call (exit 2)")
    func pruneWithOnlyRefused() throws {
        try write(Self.smaller)
        let refused = try run("deploy", ["--prune", "--only", "web"])
        #expect(refused.exitCode == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--prune cannot be combined with --only"), "\(refused.stderr)")
    }

    @Test("destroy deletes everything the app owns and nothing else; without --yes and a terminal it refuses (exit 2); a rerun finds nothing")
    func destroyDeletesTheApp() async throws {
        try write(Self.full)
        let first = try run("deploy")
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        try makeForeignFunction()

        let mark = try await harness.log().count
        let refused = try run("destroy")
        #expect(refused.exitCode == 2, "\(refused.stdout)\n\(refused.stderr)")
        #expect(refused.stderr.contains("add --yes"), "\(refused.stderr)")
        let plan = try run("destroy", ["--dry-run"])
        #expect(plan.exitCode == 0 && plan.stdout.contains("3 function(s) and"), "\(plan.stdout)")
        #expect(try await writes(since: mark) == [], "neither writes")

        let destroyed = try run("destroy", ["--yes", "--output", "json"])
        try #require(destroyed.exitCode == 0, "\(destroyed.stdout)\n\(destroyed.stderr)")
        let report = (try? JSONSerialization.jsonObject(with: Data(destroyed.stdout.utf8))) as? [String: Any]
        let removals = report?["removals"] as? [[String: Any]] ?? []
        #expect(removals.filter { $0["kind"] as? String == "function" }.count == 3, "\(destroyed.stdout)")
        #expect(report?["logGroupsKept"] as? Bool == true)
        #expect(try functions() == ["other-tool-fn"])
        #expect(try apis().isEmpty)
        #expect(try mappings().isEmpty)
        #expect(try schedules().isEmpty)
        #expect(try alarms().isEmpty)
        #expect(try roles().isEmpty)

        let again = try run("destroy", ["--yes"])
        #expect(again.exitCode == 0 && again.stdout.contains("nothing to delete"), "\(again.stdout)")
    }

    func apiID(_ name: String) throws -> String? {
        let object = (try? JSONSerialization.jsonObject(with: Data(try aws(["apigatewayv2", "get-apis"]).stdout.utf8)))
            as? [String: Any]
        return ((object?["Items"] as? [[String: Any]]) ?? []).first { $0["Name"] as? String == name }?["ApiId"] as? String
    }
}
