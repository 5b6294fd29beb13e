import Foundation
import Testing

/// An app deploy CI can trust, against moto behind the verifying proxy: killed at its k-th
/// write (the proxy's kill point, not a timer) it converges on the next run with no duplicate of
/// anything; two deploys at once both end and leave no duplicate; a refused step stops it with a
/// summary and the rerun converges; `--output ndjson` is one valid JSON object per line.
@Suite(
    "App deploy crashes, concurrent runs, failures and NDJSON against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct AppCrashTests {
    let harness: Harness
    let directory: URL
    static let queue = "appcrash-jobs"
    static let topic = "appcrash-alerts"
    static let bucket = "appcrash-uploads"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 0.2, mappingBusySeconds: 0.2))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("app-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "crash v1").write(to: directory.appendingPathComponent("code.zip"))
        for command in [
            ["sqs", "create-queue", "--queue-name", Self.queue], ["sns", "create-topic", "--name", Self.topic],
            ["s3api", "create-bucket", "--bucket", Self.bucket],
        ] {
            let made = try aws(command)
            #expect(made.exitCode == 0, "\(command): \(made.stderr)")
        }
        let text = """
            app: appcrash
            stage: c1
            defaults:
              runtime: python3.12
              code: code.zip
            functions:
              web: {handler: app.handler}
              worker:
                handler: app.handler
                triggers: [{sqs: \(Self.queue), batch_size: 5}]
              nightly:
                handler: app.handler
                triggers: [{schedule: rate(1 day)}]
              notify:
                handler: app.handler
                triggers: [{sns: \(Self.topic)}, {s3: \(Self.bucket), prefix: in/}]
            apis:
              site:
                routes:
                  "GET /web": web
                  "GET /nightly": nightly
              admin:
                routes:
                  "GET /admin": web
            wait_timeout: 2m
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

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(try aws(arguments).stdout.utf8))) as? [String: Any] ?? [:]
    }

    func items(_ arguments: [String], _ key: String) throws -> [[String: Any]] {
        try json(arguments)[key] as? [[String: Any]] ?? []
    }

    /// Operations in the proxy log that change something.
    func writes(since: Int) async throws -> [String] { try await harness.writes(since: since) }

    /// Everything the app made, each kind exactly once.
    func expectNoDuplicates(_ context: String) throws {
        let functions = try items(["lambda", "list-functions"], "Functions").compactMap { $0["FunctionName"] as? String }
        #expect(functions.sorted() == ["nightly-c1", "notify-c1", "web-c1", "worker-c1"], "\(context)")
        let mappings = try items(["lambda", "list-event-source-mappings"], "EventSourceMappings")
        #expect(mappings.count == 1, "one queue mapping (\(context)): \(mappings)")
        let schedules = try items(["scheduler", "list-schedules"], "Schedules")
        #expect(schedules.count == 1, "one schedule (\(context)): \(schedules)")
        let subscriptions = try items(["sns", "list-subscriptions"], "Subscriptions")
        #expect(subscriptions.count == 1, "one subscription (\(context)): \(subscriptions)")
        let notifications = try json(["s3api", "get-bucket-notification-configuration", "--bucket", Self.bucket])
        let entries = notifications["LambdaFunctionConfigurations"] as? [[String: Any]] ?? []
        #expect(entries.count == 1, "one S3 entry (\(context)): \(notifications)")
        let apis = try items(["apigatewayv2", "get-apis"], "Items")
        #expect(apis.compactMap { $0["Name"] as? String }.sorted() == ["admin-c1", "site-c1"], "one API of each name (\(context))")
        for api in apis {
            guard let id = api["ApiId"] as? String, let name = api["Name"] as? String else { continue }
            let routes = try items(["apigatewayv2", "get-routes", "--api-id", id], "Items").compactMap { $0["RouteKey"] as? String }
            let integrations = try items(["apigatewayv2", "get-integrations", "--api-id", id], "Items")
            #expect(routes.sorted() == (name == "site-c1" ? ["GET /nightly", "GET /web"] : ["GET /admin"]), "\(context)")
            #expect(integrations.count == (name == "site-c1" ? 2 : 1), "one integration per function (\(context)): \(integrations)")
        }
        for function in ["web-c1", "nightly-c1", "notify-c1"] {
            let policy = try aws(["lambda", "get-policy", "--function-name", function])
            let document = (try? JSONSerialization.jsonObject(with: Data((json(policy.stdout)["Policy"] as? String ?? "{}").utf8)))
                as? [String: Any]
            let statements = document?["Statement"] as? [[String: Any]] ?? []
            let sids = statements.compactMap { $0["Sid"] as? String }
            #expect(Set(sids).count == sids.count, "no duplicate statement on \(function) (\(context)): \(sids)")
            let expected = ["web-c1": 2, "nightly-c1": 1, "notify-c1": 2][function]
            #expect(statements.count == expected, "statements of \(function) (\(context)): \(sids)")
        }
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("killed at its k-th write, for several k, the deploy converges on the next run with no duplicate resource")
    func killPointsConverge() async throws {
        for k in [1, 3, 6, 10, 15, 21] {
            try await harness.reset()
            try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 0.2, mappingBusySeconds: 0.2))
            for command in [
                ["sqs", "create-queue", "--queue-name", Self.queue], ["sns", "create-topic", "--name", Self.topic],
                ["s3api", "create-bucket", "--bucket", Self.bucket],
            ] {
                _ = try aws(command)
            }
            try await harness.setFaults(HarnessFaults(killClientAfterWrites: k))
            let killed = try deploy()
            #expect(killed.exitCode != 0, "k=\(k): the deploy was killed (\(killed.exitCode))")
            let fired = try await harness.log().contains {
                ($0.fault?.hasPrefix("killed-client:") == true) && $0.fault != "killed-client:None"
            }
            #expect(fired, "k=\(k): the kill point fired")
            let rerun = try deploy()
            try #require(rerun.exitCode == 0, "k=\(k): \(rerun.stdout)\n\(rerun.stderr)")
            try expectNoDuplicates("k=\(k)")
            let mark = try await harness.log().count
            let again = try deploy()
            #expect(again.exitCode == 0, "k=\(k): \(again.stderr)")
            #expect(try await writes(since: mark) == [], "k=\(k): converged")
        }
    }

    @Test("two deploys of the app started at once both end, converged or with exit 6, and leave no duplicate")
    func concurrentDeploys() async throws {
        async let first = Task.detached { try self.deploy() }.value
        async let second = Task.detached { try self.deploy() }.value
        let results = try await [first, second]
        for result in results {
            #expect([0, 6].contains(result.exitCode), "\(result.stdout)\n\(result.stderr)")
        }
        let rerun = try deploy()
        try #require(rerun.exitCode == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        try expectNoDuplicates("after two at once")
        let mark = try await harness.log().count
        _ = try deploy()
        #expect(try await writes(since: mark) == [], "converged")
    }

    @Test("a step AWS refuses stops the deploy with a summary of what was done, what failed and what did not start; the rerun converges")
    func refusedStepThenRerun() async throws {
        try await harness.setFaults(HarnessFaults(denyOperations: ["CreateSchedule"]))
        let failed = try deploy(["--output", "json"])
        #expect(failed.exitCode == 4, "\(failed.stdout)\n\(failed.stderr)")
        let report = json(failed.stdout)
        let functions = report["functions"] as? [[String: Any]] ?? []
        let nightly = functions.first { $0["name"] as? String == "nightly-c1" }
        #expect(nightly?["status"] as? String == "failed", "\(failed.stdout)")
        #expect((nightly?["error"] as? String)?.contains("AccessDenied") == true, "AWS's reason: \(failed.stdout)")
        #expect((report["rerun"] as? String)?.contains("deploy again") == true, "\(failed.stdout)")
        #expect(failed.stderr.contains("CreateSchedule"), "\(failed.stderr)")

        try await harness.setFaults(HarnessFaults(denyOperations: []))
        let rerun = try deploy()
        try #require(rerun.exitCode == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        try expectNoDuplicates("after the refusal")
    }

    @Test("--output ndjson prints one valid JSON object per line: step starts and finishes, progress, one summary at the end")
    func ndjsonEvents() throws {
        let run = try deploy(["--output", "ndjson"])
        try #require(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let objects = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(objects.allSatisfy { $0 != nil }, "every line is a JSON object: \(run.stdout)")
        let events = objects.compactMap { $0?["event"] as? String }
        #expect(events.count == lines.count)
        #expect(events.last == "summary" && events.filter { $0 == "summary" }.count == 1, "\(events)")
        let finishes = objects.compactMap { $0 }.filter { $0["event"] as? String == "finish" }
        #expect(finishes.contains { $0["action"] as? String == "create-function" && $0["name"] as? String == "web-c1" && $0["elapsedMs"] is Int })
        #expect(finishes.contains { $0["resource"] as? String == "trigger" })
        #expect(events.contains("start") && events.contains("progress"))

        let refused = try CommandRunner.run(["whoami", "--output", "ndjson"], environment: harness.childEnvironment)
        #expect(refused.exitCode == 2 && refused.stderr.contains("--output ndjson is for deploy, destroy and rollout"), "\(refused.stderr)")
    }
}
