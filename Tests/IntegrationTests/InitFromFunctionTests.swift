import Foundation
import Testing

/// `lambdactl init` against the harness: a starter deploys as written, and `--from-function`
/// round trips — deploy a file, init from its functions (downloading the packages the proxy
/// serves as GetFunction's `Code.Location`), deploy the result: nothing is written (the app
/// form of functions made elsewhere adds only the ownership tags, with `--adopt`).
@Suite(
    "init against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct InitFromFunctionTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 0.3, mappingBusySeconds: 0.3))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("src"), withIntermediateDirectories: true)
        try "def handler(event, context):\n    return 'ok'\n".write(
            to: directory.appendingPathComponent("src/app.py"), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], in folder: URL? = nil) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(
            arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: environment,
            currentDirectory: folder ?? directory)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    func folder(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func text(_ path: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("init --runtime writes a starter that deploys as it is, and refuses to write over it")
    func starter() async throws {
        let here = try folder("starter")
        let made = try run(["init", "--runtime", "python3.13", "--name", "init-starter"], in: here)
        #expect(made.exitCode == 0, "\(made.stderr)")
        #expect(made.stdout.contains("wrote \(here.path)/lambdactl.yml") || made.stdout.contains("lambdactl.yml"))
        let deployed = try run(["deploy"], in: here)
        #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        #expect(deployed.stdout.contains("function init-starter: created"))
        let again = try run(["init", "--runtime", "python3.13"], in: here)
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("lambdactl.yml already exists") && again.stderr.contains("--force"))
        let unknown = try run(["init", "--runtime", "cobol1", "-o", "other.yml"], in: here)
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("no starter for runtime cobol1; one of: "))
    }

    @Test("a single function round trips: the written file deploys with no write, environment in lambdactl.env")
    func singleRoundTrip() async throws {
        #expect(try aws(["sqs", "create-queue", "--queue-name", "init-orders"]).exitCode == 0)
        #expect(try aws(["sns", "create-topic", "--name", "init-alerts"]).exitCode == 0)
        try """
            function:
              name: init-orders
              runtime: python3.12
              handler: app.handler
              code: src
              memory: 256
              timeout: 15
              architecture: arm64
              description: "Orders: API"
              environment: {STAGE: prod, GREETING: " hello there "}
              tags: {team: shop}
              reserved_concurrency: 10
              provisioned_concurrency: 2
              async: {max_retries: 1, max_event_age: 1h}
              function_url: {auth: none, cors_origins: [https://shop.example.com]}
              tracing: active
              ephemeral_storage: 1024
              logging: {format: json, level: warn}
              triggers:
                - {sqs: init-orders, batch_size: 20, batch_window: 5, report_batch_failures: true}
                - {schedule: rate(5 minutes), timezone: Europe/Berlin}
                - {sns: init-alerts, filter_policy: {severity: [high]}}
              alarms:
                - errors
                - {metric: Duration, statistic: p99, threshold: 1500, comparison: ">", period: 5m, evaluation_periods: 3, notify: [init-alerts]}
            alias: live
            routes: {api: init-api, routes: ["GET /orders", "POST /orders"]}
            """.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
        let first = try run(["deploy"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let here = try folder("copy")
        let made = try run(["init", "--from-function", "init-orders", "--download-code", "code"], in: here)
        #expect(made.exitCode == 0, "\(made.stderr)")
        #expect(made.stdout.contains("keep them out of version control"))
        let yaml = try text("lambdactl.yml", in: here)
        #expect(!yaml.contains("prod") && !yaml.contains("hello there"), "environment values never go into the YAML")
        #expect(try text("lambdactl.env", in: here).contains("STAGE=prod"))
        #expect(FileManager.default.fileExists(atPath: here.appendingPathComponent("code/init-orders/app.py").path))
        let mark = try await harness.log().count
        let plan = try run(["deploy", "--dry-run"], in: here)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("init-orders: up to date; nothing would change"), "\(plan.stdout)\n\(yaml)")
        let applied = try run(["deploy"], in: here)
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try await harness.writes(since: mark) == [], "\(applied.stdout)")
        #expect(try await harness.log(since: mark).allSatisfy(\.verified))
    }

    @Test("wrong input: an unknown function is AWS's error with a hint, several functions need --app, an existing file is refused before any call")
    func wrongInput() async throws {
        let here = try folder("wrong")
        let unknown = try run(["init", "--from-function", "init-nope"], in: here)
        #expect(unknown.exitCode == 4)
        #expect(unknown.stderr.contains("function init-nope does not exist") && unknown.stderr.contains("list-functions"))
        #expect(!FileManager.default.fileExists(atPath: here.appendingPathComponent("lambdactl.yml").path))
        let several = try run(["init", "--from-function", "a", "b"], in: here)
        #expect(several.exitCode == 2 && several.stderr.contains("add --app NAME"))
        try "x".write(to: here.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
        let mark = try await harness.log().count
        let exists = try run(["init", "--from-function", "init-nope"], in: here)
        #expect(exists.exitCode == 2 && exists.stderr.contains("already exists"))
        #expect(try await harness.log(since: mark).isEmpty, "the check comes before any call")
        let both = try run(["init", "--runtime", "python3.13", "--from-function", "x", "-o", "n.yml"], in: here)
        #expect(both.exitCode == 2 && both.stderr.contains("give one source"))
    }

    @Test("an app round trips; functions deployed alone become an app whose first deploy only adds the ownership tags")
    func appRoundTrip() async throws {
        #expect(try aws(["sqs", "create-queue", "--queue-name", "init-jobs"]).exitCode == 0)
        try """
            app: initshop
            stage: t1
            defaults: {runtime: python3.12, handler: app.handler, code: src, memory: 128}
            functions:
              init-users:
                environment: {TABLE: users}
                alarms: [errors]
              init-worker:
                timeout: 60
                triggers: [{sqs: init-jobs, batch_size: 5}]
            apis:
              init-shop-api:
                routes: {"GET /users": init-users}
            alias: live
            """.write(to: directory.appendingPathComponent("app.yml"), atomically: true, encoding: .utf8)
        let first = try run(["deploy", "-f", "app.yml"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let here = try folder("app")
        let made = try run(["init", "--from-function", "init-users-t1", "init-worker-t1", "--app", "initshop", "--download-code", "code"], in: here)
        #expect(made.exitCode == 0, "\(made.stderr)")
        #expect(try text("lambdactl.init-users.env", in: here).contains("TABLE=users"))
        #expect(try text("lambdactl.yml", in: here).contains("stage: t1"))
        #expect(!made.stdout.contains("--adopt"), "functions the app already owns need no adoption")
        let mark = try await harness.log().count
        let plan = try run(["deploy", "--dry-run"], in: here)
        let written = try text("lambdactl.yml", in: here)
        #expect(plan.exitCode == 0, "\(plan.stderr)\n\(written)")
        let applied = try run(["deploy"], in: here)
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try await harness.writes(since: mark) == [], "\(plan.stdout)\n\(applied.stdout)")

        // A function deployed on its own, taken into an app: the first deploy (with --adopt) only tags it.
        try "function: {name: init-alone, runtime: python3.12, handler: app.handler, code: src, memory: 256}\n"
            .write(to: directory.appendingPathComponent("alone.yml"), atomically: true, encoding: .utf8)
        #expect(try run(["deploy", "-f", "alone.yml"]).exitCode == 0)
        let adopted = try folder("adopted")
        let taken = try run(["init", "--from-function", "init-alone", "--app", "solo", "--download-code", "code"], in: adopted)
        #expect(taken.exitCode == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("--adopt"))
        let before = try await harness.log().count
        let adopt = try run(["deploy", "--adopt"], in: adopted)
        #expect(adopt.exitCode == 0, "\(adopt.stderr)")
        let writes = try await harness.writes(since: before)
        // Lambda's writes are logged by method and path: TagResource is POST …/tags/ARN.
        #expect(!writes.isEmpty && writes.allSatisfy { $0.hasPrefix("POST /2017-03-31/tags/") && $0.hasSuffix(":function:init-alone") },
                "\(writes) \(adopt.stdout)")
    }
}
