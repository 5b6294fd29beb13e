import Foundation
import Testing

/// `lambdactl deploy` of an app file (12 functions, a shared layer, an SQS and a schedule
/// trigger, one HTTP API routing to three functions) against moto behind the verifying proxy,
/// Lambda's and the mappings' busy states emulated.
@Suite(
    "App deploy against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct AppDeployTests {
    let harness: Harness
    let directory: URL
    static let queue = "appdeploy-orders"
    static let sharedRole = "lambdactl-app-appdeploy-t1-us-east-1"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 0.5, mappingBusySeconds: 0.5))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("app-deploy-\(UUID().uuidString)")
        let deps = directory.appendingPathComponent("deps/python")
        try FileManager.default.createDirectory(at: deps, withIntermediateDirectories: true)
        try "VERSION = 1\n".write(to: deps.appendingPathComponent("deps.py"), atomically: true, encoding: .utf8)
        try DeployFixture.zip(comment: "app v1").write(to: directory.appendingPathComponent("code.zip"))
        let queue = try aws(["sqs", "create-queue", "--queue-name", Self.queue])
        #expect(queue.exitCode == 0, "\(queue.stderr)")
        try writeApp()
    }

    /// The app file: f01…f12, f01–f03 with the shared layer and routes, f04 on the queue, f05 on a schedule.
    func writeApp(count: Int = 12, extra: [String: String] = [:]) throws {
        var functions = ""
        for index in 1...count {
            let key = String(format: "f%02d", index)
            functions += "  \(key):\n    handler: \(key).handler\n"
            if index <= 3 { functions += "    layers: [deps]\n" }
            if index == 4 { functions += "    triggers: [{sqs: \(Self.queue), batch_size: 5}]\n" }
            if index == 5 { functions += "    triggers: [{schedule: rate(1 day), name: appdeploy-nightly}]\n" }
            if index == 6 { functions += "    environment: {ROLE: worker}\n    memory: 256\n" }
            if let lines = extra[key] { functions += lines }
        }
        let text = """
            app: appdeploy
            stage: ${APP_STAGE:-t1}
            defaults:
              runtime: python3.12
              code: code.zip
              memory: 128
              environment: {LOG_LEVEL: info}
            layers:
              - name: deps
                code: deps
                compatible_runtimes: [python3.12]
            functions:
            \(functions)
            apis:
              api:
                routes: {"GET /a": f01, "POST /a": f01, "GET /b": f02, "GET /c/{id}": f03}
            publish: true
            alias: live
            wait_timeout: 2m
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    func deploy(_ arguments: [String] = [], stage: String? = nil) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        if let stage { environment["APP_STAGE"] = stage }
        return try CommandRunner.run(
            ["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments
                + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: environment)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// `get-function` of `name`: its configuration and tags.
    func function(_ name: String) throws -> (configuration: [String: Any], tags: [String: String])? {
        let got = try aws(["lambda", "get-function", "--function-name", name])
        guard got.exitCode == 0 else { return nil }
        let object = Self.object(got.stdout)
        return (object["Configuration"] as? [String: Any] ?? [:], object["Tags"] as? [String: String] ?? [:])
    }

    /// Operations in the proxy log that change something.
    func writes(since: Int) async throws -> [String] { try await harness.writes(since: since) }

    @Test("a 12-function app deploys with its layer, triggers and routes, tagged for the app, and an unchanged rerun sends no write")
    func deploysAndRerunsUnchanged() async throws {
        let first = try deploy(["--jobs", "6"])
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stdout.contains("appdeploy (stage t1): deployed (12 of 12 function(s) changed; 12 route change(s))"), "\(first.stdout)")
        for index in 1...12 {
            let name = String(format: "f%02d-t1", index)
            let found = try #require(try function(name), "\(name) was not created")
            #expect(found.tags["lambdactl:app"] == "appdeploy" && found.tags["lambdactl:stage"] == "t1", "\(name) \(found.tags)")
            let layers = (found.configuration["Layers"] as? [[String: Any]] ?? []).compactMap { $0["Arn"] as? String }
            #expect(layers == (index <= 3 ? ["arn:aws:lambda:us-east-1:123456789012:layer:deps-t1:1"] : []), "\(name) \(layers)")
        }
        let f06 = try #require(try function("f06-t1"))
        #expect(f06.configuration["MemorySize"] as? Int == 256)
        let variables = (f06.configuration["Environment"] as? [String: Any])?["Variables"] as? [String: String]
        #expect(variables == ["LOG_LEVEL": "info", "ROLE": "worker"], "defaults' environment merged key by key")
        // Plain functions share one role for the app, stage and region; f04 (a queue trigger)
        // has a role of its own.
        let role = try aws(["iam", "list-role-tags", "--role-name", Self.sharedRole])
        #expect(role.stdout.contains("lambdactl:region") && role.stdout.contains("appdeploy"), "\(role.stdout)")
        #expect(first.stdout.contains("role \(Self.sharedRole): created (shared by 11 new function(s))"), "\(first.stdout)")
        #expect((try function("f01-t1")?.configuration["Role"] as? String)?.hasSuffix("/\(Self.sharedRole)") == true)
        #expect((try function("f04-t1")?.configuration["Role"] as? String)?.hasSuffix("/lambdactl-f04-t1-role") == true)
        let ownRoles = Self.object(try aws(["iam", "list-roles"]).stdout)["Roles"] as? [[String: Any]] ?? []
        #expect(ownRoles.compactMap { $0["RoleName"] as? String }.filter { $0.hasPrefix("lambdactl-f") && $0.hasSuffix("-role") } == ["lambdactl-f04-t1-role"])

        let mappings = Self.object(try aws(["lambda", "list-event-source-mappings"]).stdout)["EventSourceMappings"]
            as? [[String: Any]] ?? []
        #expect(mappings.count == 1)
        #expect((mappings.first?["FunctionArn"] as? String)?.hasSuffix(":function:f04-t1:live") == true)
        let schedules = try aws(["scheduler", "list-schedules", "--group-name", "lambdactl"])
        #expect(schedules.stdout.contains("appdeploy-nightly"), "\(schedules.stdout)")

        let apis = Self.object(try aws(["apigatewayv2", "get-apis"]).stdout)["Items"] as? [[String: Any]] ?? []
        let api = try #require(apis.first { $0["Name"] as? String == "api-t1" }, "\(apis)")
        #expect((api["Tags"] as? [String: String])?["lambdactl:app"] == "appdeploy")
        let apiID = try #require(api["ApiId"] as? String)
        let routes = Self.object(try aws(["apigatewayv2", "get-routes", "--api-id", apiID]).stdout)["Items"] as? [[String: Any]] ?? []
        #expect(Set(routes.compactMap { $0["RouteKey"] as? String }) == ["GET /a", "POST /a", "GET /b", "GET /c/{id}"])
        let integrations = Self.object(try aws(["apigatewayv2", "get-integrations", "--api-id", apiID]).stdout)["Items"]
            as? [[String: Any]] ?? []
        #expect(integrations.count == 3, "one integration per routed function")
        #expect(try await harness.log().allSatisfy(\.verified))

        let mark = try await harness.log().count
        let again = try deploy()
        try #require(again.exitCode == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(try await writes(since: mark) == [], "an unchanged app deploy sends no write")
        #expect(again.stdout.contains("up to date; nothing changed (12 function(s))"), "\(again.stdout)")
        #expect(again.stdout.contains("= api api-t1: up to date"), "\(again.stdout)")

        // JSON output: one entry per function, the layers and the API.
        let json = try deploy(["--dry-run", "--output", "json"])
        let report = Self.object(json.stdout)
        #expect((report["functions"] as? [[String: Any]])?.count == 12)
        #expect(report["changed"] as? Bool == false)

        // f12 gone from the file: listed as kept (found by its tags), not touched.
        try writeApp(count: 11)
        let mark2 = try await harness.log().count
        let kept = try deploy()
        try #require(kept.exitCode == 0, "\(kept.stdout)\n\(kept.stderr)")
        #expect(kept.stdout.contains("function f12-t1: not in the file (kept; deploy --prune removes it)"), "\(kept.stdout)")
        #expect(try await writes(since: mark2) == [])
        #expect(try function("f12-t1") != nil)
    }

    @Test("--only deploys the named function and what it needs, --set reaches into functions and defaults, and an unknown key is refused")
    func onlyAndSet() async throws {
        let first = try deploy(["--only", "f02", "--only", "f07"])
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(try function("f02-t1") != nil && function("f07-t1") != nil)
        #expect(try function("f01-t1") == nil, "functions not named by --only are not deployed")
        #expect(first.stdout.contains("layer deps-t1: published"), "f02's layer comes along: \(first.stdout)")
        #expect(first.stdout.contains("api api-t1"), "f02's route comes along: \(first.stdout)")

        let mark = try await harness.log().count
        let changed = try deploy(["--only", "f02", "--set", "functions.f02.memory=512", "--set", "defaults.timeout=30"])
        try #require(changed.exitCode == 0, "\(changed.stdout)\n\(changed.stderr)")
        let f02 = try #require(try function("f02-t1"))
        #expect(f02.configuration["MemorySize"] as? Int == 512 && f02.configuration["Timeout"] as? Int == 30)
        #expect(try function("f07-t1")?.configuration["Timeout"] as? Int == 3, "f07 was not in --only")
        let functionsWritten = try await harness.log(since: mark).filter { $0.method != "GET" }.map(\.path)
            .filter { $0.contains("/functions/") }
        #expect(functionsWritten.allSatisfy { $0.contains("f02-t1") }, "\(functionsWritten)")

        let unknown = try deploy(["--only", "nope"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("--only nope: ") && unknown.stderr.contains("f01, f02"), "\(unknown.stderr)")
    }

    @Test("two stages of one app live side by side: names suffixed, each tagged with its stage")
    func stagesSideBySide() async throws {
        let t1 = try deploy(["--only", "f08"])
        try #require(t1.exitCode == 0, "\(t1.stderr)")
        let prod = try deploy(["--only", "f08"], stage: "prod")
        try #require(prod.exitCode == 0, "\(prod.stdout)\n\(prod.stderr)")
        #expect(try function("f08-t1")?.tags["lambdactl:stage"] == "t1")
        #expect(try function("f08-prod")?.tags["lambdactl:stage"] == "prod")
        #expect(prod.stdout.contains("appdeploy (stage prod)"), "\(prod.stdout)")
    }

    @Test("a function of the same name without the app's tags is left alone (exit 6, no write) until --adopt tags it and deploys")
    func untaggedFunctionNeedsAdopt() async throws {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let role = try aws(["iam", "create-role", "--role-name", "other-tool", "--assume-role-policy-document", trust])
        try #require(role.exitCode == 0, "\(role.stderr)")
        let created = try aws([
            "lambda", "create-function", "--function-name", "f09-t1", "--runtime", "python3.12", "--handler", "other.handler",
            "--role", "arn:aws:iam::123456789012:role/other-tool", "--zip-file",
            "fileb://" + directory.appendingPathComponent("code.zip").path,
        ])
        try #require(created.exitCode == 0, "\(created.stderr)")
        try await Task.sleep(for: .seconds(1))
        let mark = try await harness.log().count
        let refused = try deploy(["--only", "f09"])
        #expect(refused.exitCode == 6, "\(refused.stdout)\n\(refused.stderr)")
        #expect(refused.stdout.contains("! f09-t1: exists and is not tagged for this app; left alone"), "\(refused.stdout)")
        #expect(refused.stderr.contains("--adopt"), "\(refused.stderr)")
        #expect(try await writes(since: mark) == [], "nothing was changed")
        #expect(try function("f09-t1")?.configuration["Handler"] as? String == "other.handler")

        let adopted = try deploy(["--only", "f09", "--adopt"])
        try #require(adopted.exitCode == 0, "\(adopted.stdout)\n\(adopted.stderr)")
        let f09 = try #require(try function("f09-t1"))
        #expect(f09.tags["lambdactl:app"] == "appdeploy")
        #expect(f09.configuration["Handler"] as? String == "f09.handler")
        let again = try deploy(["--only", "f09"])
        #expect(again.exitCode == 0 && again.stdout.contains("= f09-t1: up to date"), "\(again.stdout)\n\(again.stderr)")
    }

    @Test("a function on the app's shared role moves to a role of its own when the file gives it policies; the others stay")
    func sharedRoleSwitch() async throws {
        let first = try deploy(["--only", "f07", "--only", "f08"])
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        #expect((try function("f07-t1")?.configuration["Role"] as? String)?.hasSuffix("/\(Self.sharedRole)") == true)

        try writeApp(extra: ["f07": "    policies: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n"])
        let plan = try deploy(["--only", "f07", "--only", "f08", "--dry-run"])
        try #require(plan.exitCode == 0, "\(plan.stdout)\n\(plan.stderr)")
        #expect(plan.stdout.contains("function f07-t1 role: would update (role: \(Self.sharedRole) → lambdactl-f07-t1-role"), "\(plan.stdout)")
        #expect(plan.stdout.contains("= f08-t1: up to date"), "\(plan.stdout)")

        let moved = try deploy(["--only", "f07", "--only", "f08"])
        try #require(moved.exitCode == 0, "\(moved.stdout)\n\(moved.stderr)")
        let f07 = try #require(try function("f07-t1"))
        #expect((f07.configuration["Role"] as? String)?.hasSuffix("/lambdactl-f07-t1-role") == true, "\(f07.configuration)")
        let attached = try aws(["iam", "list-attached-role-policies", "--role-name", "lambdactl-f07-t1-role"])
        #expect(attached.stdout.contains("AmazonS3ReadOnlyAccess") && attached.stdout.contains("AWSLambdaBasicExecutionRole"))
        let shared = try aws(["iam", "list-attached-role-policies", "--role-name", Self.sharedRole])
        #expect(!shared.stdout.contains("AmazonS3ReadOnlyAccess"), "the shared role keeps only logging: \(shared.stdout)")
        #expect((try function("f08-t1")?.configuration["Role"] as? String)?.hasSuffix("/\(Self.sharedRole)") == true)

        let mark = try await harness.log().count
        let again = try deploy(["--only", "f07", "--only", "f08"])
        try #require(again.exitCode == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(try await writes(since: mark) == [], "converged: \(again.stdout)")
    }

    @Test("a role of the shared role's name that is not this app's is refused before any write (exit 6)")
    func sharedRoleNameTaken() async throws {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let role = try aws(["iam", "create-role", "--role-name", Self.sharedRole, "--assume-role-policy-document", trust])
        try #require(role.exitCode == 0, "\(role.stderr)")
        let mark = try await harness.log().count
        let refused = try deploy(["--only", "f08"])
        #expect(refused.exitCode == 6, "\(refused.stdout)\n\(refused.stderr)")
        #expect(refused.stderr.contains("IAM role \(Self.sharedRole) exists and is not the role lambdactl made"), "\(refused.stderr)")
        #expect(try await writes(since: mark) == [], "nothing was changed")
    }
}
