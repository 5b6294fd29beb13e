import Foundation
import Testing

/// `attach-trigger`/`detach-trigger` with `--sqs`, `--kinesis` and `--dynamodb`, the built
/// binary against moto behind the proxy (which emulates mapping states, duplicates refused
/// naming the UUID, and injects faults): attached, re-attached without a write, changed in
/// place, detached with nothing left behind.
@Suite("event-source-mapping triggers", .serialized,
       .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct MappingTriggerTests {
    let harness: Harness
    static let writes: Set<String> = [
        "CreateEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping", "PutRolePolicy", "DeleteRolePolicy",
    ]

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: harness.childEnvironment)
    }

    func aws(_ arguments: [String]) throws {
        let result = try AWSCLI.run(arguments, harness: harness)
        #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func function(_ name: String = "mt-fn") throws {
        let zip = try LifecycleZip.write(comment: name)
        let created = try lambdactl(["create-function", name, "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(created.exitCode == 0, "\(created.stderr)")
    }

    func mappings(_ function: String = "mt-fn") throws -> [[String: Any]] {
        let list = try lambdactl(["request", "lambda", "GET", "/2015-03-31/event-source-mappings"])
        let all = Self.object(list.stdout)["EventSourceMappings"] as? [[String: Any]] ?? []
        return all.filter { ($0["FunctionArn"] as? String)?.hasSuffix(":function:\(function)") == true }
    }

    func rolePolicy(_ function: String = "mt-fn") throws -> String? {
        let result = try AWSCLI.run(
            ["iam", "get-role-policy", "--role-name", "lambdactl-\(function)-role", "--policy-name", "lambdactl-event-sources"],
            harness: harness)
        return result.exitCode == 0 ? result.stdout : nil
    }

    /// The operations since `mark` that write.
    func writes(since mark: Int) async throws -> [String] {
        try await harness.log(since: mark).map(\.operation).filter { Self.writes.contains($0) }
    }

    /// Attach, re-attach (no write), change (one update, no delete or create), detach (nothing left).
    func lifecycle(_ flag: String, _ source: String, arnPart: String, change: [String], expectChange: String) async throws {
        try function()
        let attached = try lambdactl(["attach-trigger", "mt-fn", flag, source])
        #expect(attached.exitCode == 0, "\(attached.stderr)")
        #expect(attached.stdout.hasPrefix("created"), "\(attached.stdout)")
        let first = try mappings()
        #expect(first.count == 1 && (first.first?["EventSourceArn"] as? String)?.contains(arnPart) == true)
        #expect(try rolePolicy()?.contains(arnPart) == true, "the role statement names the source")

        var mark = try await harness.log().count
        let again = try lambdactl(["attach-trigger", "mt-fn", flag, source])
        #expect(again.exitCode == 0 && again.stdout.hasPrefix("unchanged"), "\(again.stdout)\(again.stderr)")
        #expect(try await writes(since: mark).isEmpty, "a rerun writes nothing")

        mark = try await harness.log().count
        let changed = try lambdactl(["attach-trigger", "mt-fn", flag, source] + change)
        #expect(changed.exitCode == 0 && changed.stdout.hasPrefix("updated"), "\(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.contains(expectChange), "\(changed.stdout)")
        #expect(try await writes(since: mark) == ["UpdateEventSourceMapping"], "changed in place, never delete + create")
        #expect(try mappings().map { $0["UUID"] as? String } == first.map { $0["UUID"] as? String })

        let detached = try lambdactl(["detach-trigger", "mt-fn", flag, source])
        #expect(detached.exitCode == 0 && detached.stdout.hasPrefix("removed"), "\(detached.stdout)\(detached.stderr)")
        #expect(try mappings().isEmpty)
        #expect(try rolePolicy() == nil, "the inline policy held only this statement, so it is gone")
        let absent = try lambdactl(["detach-trigger", "mt-fn", flag, source])
        #expect(absent.exitCode == 0 && absent.stdout.hasPrefix("not attached"), "\(absent.stdout)\(absent.stderr)")
    }

    @Test("SQS: attached, re-attached without a write, changed in place, detached with no mapping or role statement left")
    func sqs() async throws {
        try aws(["sqs", "create-queue", "--queue-name", "mt-orders"])
        try await lifecycle("--sqs", "mt-orders", arnPart: ":sqs:", change: ["--batch-size", "20", "--batch-window", "5"],
                            expectChange: "batch size: 10 → 20")
    }

    @Test("Kinesis: attached, re-attached without a write, changed in place, detached with nothing left")
    func kinesis() async throws {
        try aws(["kinesis", "create-stream", "--stream-name", "mt-clicks", "--shard-count", "1"])
        try await lifecycle("--kinesis", "mt-clicks", arnPart: ":stream/mt-clicks", change: ["--max-retries", "3"],
                            expectChange: "max retries: -1 → 3")
    }

    @Test("DynamoDB: the table's latest stream attached, re-attached without a write, changed in place, detached")
    func dynamodb() async throws {
        try aws([
            "dynamodb", "create-table", "--table-name", "MtUsers", "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
            "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
        ])
        try await lifecycle("--dynamodb", "MtUsers", arnPart: "table/MtUsers/stream/", change: ["--batch-size", "50"],
                            expectChange: "batch size: 100 → 50")
    }

    @Test("a DynamoDB table without a stream: a clear error with the command to run, no write")
    func tableWithoutStream() async throws {
        try function()
        try aws([
            "dynamodb", "create-table", "--table-name", "MtPlain", "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
        ])
        let mark = try await harness.log().count
        let result = try lambdactl(["attach-trigger", "mt-fn", "--dynamodb", "MtPlain"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("the DynamoDB table MtPlain has no stream"), "\(result.stderr)")
        #expect(result.stderr.contains("aws dynamodb update-table --table-name MtPlain --stream-specification StreamEnabled=true"))
        #expect(try await writes(since: mark).isEmpty)
    }

    @Test("SQS batch size 20 without a batching window is refused before any call")
    func refusedLocally() async throws {
        try await harness.reset()
        let result = try lambdactl(["attach-trigger", "mt-fn", "--sqs", "mt-orders", "--batch-size", "20"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--batch-window 1"), "\(result.stderr)")
        #expect(try await harness.log().isEmpty)
    }

    @Test("--output json and --dry-run: the dry run writes nothing and says what it would do")
    func jsonAndDryRun() async throws {
        try function()
        try aws(["sqs", "create-queue", "--queue-name", "mt-dry"])
        let mark = try await harness.log().count
        let dry = try lambdactl(["attach-trigger", "mt-fn", "--sqs", "mt-dry", "--dry-run", "--output", "json"])
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        let object = Self.object(dry.stdout)
        #expect(object["action"] as? String == "created" && object["dryRun"] as? Bool == true, "\(dry.stdout)")
        #expect(object["source"] as? String == "arn:aws:sqs:\(harness.region):123456789012:mt-dry")
        #expect(try await writes(since: mark).isEmpty)
        #expect(try mappings().isEmpty)
    }

    @Test("--qualifier: the alias and the unqualified function each get their own mapping; triggers lists both; detach takes one")
    func qualifier() async throws {
        try function()
        try aws(["sqs", "create-queue", "--queue-name", "mt-q"])
        #expect(try lambdactl(["publish-version", "mt-fn"]).exitCode == 0)
        #expect(try lambdactl(["alias", "mt-fn", "live", "--to-version", "1"]).exitCode == 0)
        let onAlias = try lambdactl(["attach-trigger", "mt-fn", "--qualifier", "live", "--sqs", "mt-q"])
        #expect(onAlias.stdout.hasPrefix("created"), "\(onAlias.stdout)\(onAlias.stderr)")
        let again = try lambdactl(["attach-trigger", "mt-fn", "--qualifier", "live", "--sqs", "mt-q"])
        #expect(again.stdout.hasPrefix("unchanged"), "\(again.stdout)\(again.stderr)")
        let plain = try lambdactl(["attach-trigger", "mt-fn", "--sqs", "mt-q"])
        #expect(plain.stdout.hasPrefix("created"), "\(plain.stdout)\(plain.stderr)")
        let listed = Self.object(try lambdactl(["triggers", "mt-fn", "--output", "json"]).stdout)["triggers"] as? [[String: Any]] ?? []
        let mine = listed.filter { $0["kind"] as? String == "sqs" }
        #expect(Set(mine.map { $0["qualifier"] as? String ?? "-" }) == ["live", "-"], "\(listed)")
        #expect(mine.allSatisfy { $0["owned"] as? Bool == true && $0["identityHash"] is String })
        let detached = try lambdactl(["detach-trigger", "mt-fn", "--qualifier", "live", "--sqs", "mt-q"])
        #expect(detached.stdout.hasPrefix("removed"), "\(detached.stdout)\(detached.stderr)")
        let left = try lambdactl(["request", "lambda", "GET", "/2015-03-31/event-source-mappings"])
        let arns = (Self.object(left.stdout)["EventSourceMappings"] as? [[String: Any]] ?? []).compactMap { $0["FunctionArn"] as? String }
        #expect(arns.count == 1 && arns.first?.hasSuffix(":function:mt-fn") == true, "\(arns)")
        #expect(try rolePolicy()?.contains("mt-q") == true, "the unqualified mapping's statement stays")
    }

    /// Attaches under `faults`; exactly one mapping results, and a rerun writes nothing.
    func attachUnder(_ faults: HarnessFaults, queue: String) async throws -> [HarnessLogEntry] {
        try function()
        try aws(["sqs", "create-queue", "--queue-name", queue])
        let mark = try await harness.log().count
        try await harness.setFaults(faults)
        let result = try CommandRunner.run(
            ["attach-trigger", "mt-fn", "--sqs", queue], environment: harness.childEnvironment.merging(["AWS_MAX_ATTEMPTS": "6"]) { $1 })
        try await harness.setFaults(HarnessFaults(
            throttleRate: 0, error5xxRate: 0, lostAnswerRate: 0, faultServices: [], faultOperations: [], mappingBusySeconds: 0))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try mappings().count == 1, "exactly one mapping")
        let again = try lambdactl(["attach-trigger", "mt-fn", "--sqs", queue])
        #expect(again.stdout.hasPrefix("unchanged"), "\(again.stdout)\(again.stderr)")
        return try await harness.log(since: mark)
    }

    @Test("attach-trigger --sqs under 30% injected Lambda faults (throttling, 5xx, lost answers) ends with exactly one mapping",
          arguments: [7, 21, 42])
    func underFaults(seed: Int) async throws {
        let log = try await attachUnder(HarnessFaults(
            throttleRate: 0.1, error5xxRate: 0.1, lostAnswerRate: 0.1, seed: seed, faultServices: ["lambda"], mappingBusySeconds: 1),
            queue: "mt-faults")
        #expect(log.contains { $0.fault != nil }, "faults were injected")
    }

    @Test("a lost answer to CreateEventSourceMapping: the retry is refused naming the UUID, which is adopted; one mapping",
          arguments: [1, 3])
    func lostCreate(seed: Int) async throws {
        let log = try await attachUnder(HarnessFaults(
            lostAnswerRate: 0.5, seed: seed, faultOperations: ["CreateEventSourceMapping"]), queue: "mt-lost")
        let creates = log.filter { $0.operation == "CreateEventSourceMapping" }.map { $0.fault ?? "-" }
        #expect(creates == ["lost_answer", "emulated:ResourceConflictException"], "\(creates)")
    }
}
