import Foundation
import Testing

/// `lambdactl deploy` converging `function.triggers` (an SQS mapping and a Scheduler schedule)
/// against moto behind the verifying proxy, mappings' busy states emulated. Needs the trigger
/// handlers (mappings, schedules) wired in `AppEnvironment.triggerWiring`.
@Suite(
    "Deploy with function.triggers against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct DeployTriggerTests {
    let harness: Harness
    let directory: URL
    static let function = "dep-triggers"
    static let queue = "dep-triggers-orders"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 1, mappingBusySeconds: 1))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-triggers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "v1").write(to: directory.appendingPathComponent("code.zip"))
        let queue = try aws(["sqs", "create-queue", "--queue-name", Self.queue])
        #expect(queue.exitCode == 0, "\(queue.stderr)")
    }

    /// Writes `lambdactl.yml` with the given `triggers:` lines (indented under `function:`).
    func writeConfig(triggers: String) throws {
        let text = """
            function:
              name: \(Self.function)
              runtime: python3.12
              handler: app.handler
              code: code.zip
            \(triggers)
            publish: true
            alias: live
            wait_timeout: 2m
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    static func triggers(batchSize: Int, schedule: Bool) -> String {
        var text = """
              triggers:
                - sqs: \(queue)
                  batch_size: \(batchSize)
            """
        if schedule {
            text += "\n" + """
                    - schedule: rate(1 day)
                      name: dep-triggers-nightly
                """
        }
        return text
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

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The function's event-source mappings as AWS lists them.
    func mappings() throws -> [[String: Any]] {
        // Every mapping, filtered here: moto's FunctionName filter misses a qualifier's mappings.
        let listed = try aws(["lambda", "list-event-source-mappings"])
        #expect(listed.exitCode == 0, "\(listed.stderr)")
        let all = Self.object(listed.stdout)["EventSourceMappings"] as? [[String: Any]] ?? []
        return all.filter { mapping in
            let arn = mapping["FunctionArn"] as? String ?? ""
            return arn.hasSuffix(":function:\(Self.function)") || arn.contains(":function:\(Self.function):")
        }
    }

    /// The schedule names in lambdactl's group.
    func schedules() throws -> [String] {
        let listed = try aws(["scheduler", "list-schedules", "--group-name", "lambdactl"])
        guard listed.exitCode == 0 else { return [] }
        return (Self.object(listed.stdout)["Schedules"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String }
    }

    /// Operations in the proxy log that change something (as in DeployTests).
    func mutatingOperations(since: Int = 0) async throws -> [String] {
        try await harness.log(since: since)
            .filter { $0.method != "GET" && $0.method != "HEAD" }
            .map(\.operation)
            .filter { op in !["Get", "List", "Head", "Describe"].contains { op.hasPrefix($0) } }
    }

    @Test("deploy attaches an SQS and a schedule trigger, a rerun writes nothing, a new batch_size updates in place, and a removed schedule is kept until --prune")
    func converges() async throws {
        try writeConfig(triggers: Self.triggers(batchSize: 5, schedule: true))
        let dryRun = try deploy(["--dry-run"])
        try #require(dryRun.exitCode == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("+ trigger sqs \(Self.queue)"), "\(dryRun.stdout)")
        #expect(dryRun.stdout.contains("+ trigger schedule"), "\(dryRun.stdout)")

        let first = try deploy()
        try #require(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("+ trigger sqs \(Self.queue) → :live"), "\(first.stdout)")
        let created = try mappings()
        #expect(created.count == 1)
        #expect(created.first?["BatchSize"] as? Int == 5)
        #expect((created.first?["FunctionArn"] as? String)?.hasSuffix(":\(Self.function):live") == true)
        #expect(try schedules().contains("dep-triggers-nightly"))
        #expect(try await harness.log().allSatisfy(\.verified))

        let mark = try await harness.log().count
        let rerun = try deploy()
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("= trigger sqs \(Self.queue)"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("up to date; nothing changed"), "\(rerun.stdout)")
        #expect(try await mutatingOperations(since: mark) == [])

        try writeConfig(triggers: Self.triggers(batchSize: 8, schedule: true))
        let changeMark = try await harness.log().count
        let changed = try deploy()
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("~ trigger sqs \(Self.queue)"), "\(changed.stdout)")
        let writes = try await mutatingOperations(since: changeMark)
        #expect(writes == ["UpdateEventSourceMapping"], "\(writes)")
        #expect(try mappings().map { $0["BatchSize"] as? Int } == [8])

        try writeConfig(triggers: Self.triggers(batchSize: 8, schedule: false))
        let keptMark = try await harness.log().count
        let kept = try deploy()
        #expect(kept.exitCode == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("trigger schedule") && kept.stdout.contains("not in the file (kept"), "\(kept.stdout)")
        #expect(try await mutatingOperations(since: keptMark) == [])
        #expect(try schedules().contains("dep-triggers-nightly"))

        let pruneMark = try await harness.log().count
        let pruned = try deploy(["--prune"])
        #expect(pruned.exitCode == 0, "\(pruned.stderr)")
        #expect(pruned.stdout.contains("- trigger schedule"), "\(pruned.stdout)")
        #expect(try await mutatingOperations(since: pruneMark).contains("DeleteSchedule"))
        #expect(try !schedules().contains("dep-triggers-nightly"))
        #expect(try mappings().count == 1)
    }

    @Test("a wrong trigger option is refused with file:line before any request")
    func refusedBeforeAnyRequest() async throws {
        try writeConfig(triggers: "  triggers:\n    - sqs: \(Self.queue)\n      batch_size: 20\n")
        let mark = try await harness.log().count
        let result = try deploy()
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("lambdactl.yml:7: an SQS batch of 20 needs a batching window"), "\(result.stderr)")
        #expect(try await harness.log(since: mark).isEmpty)
    }
}
