import Foundation
import Testing

/// VPC, tracing, `/tmp`, logging, dead-letter queue and SnapStart through create-function,
/// update-config, deploy and get-function, against moto behind the proxy (which emulates what
/// moto drops).
@Suite(
    "Function settings against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct FunctionSettingsTests {
    let harness: Harness
    let directory: URL
    static let subnet = "subnet-0123456789abcdef0"
    static let group = "sg-0123456789abcdef0"
    static let queue = "arn:aws:sqs:us-east-1:123456789012:dlq"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 1))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "settings").write(to: directory.appendingPathComponent("code.zip"))
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: environment)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try lambdactl(arguments)
        #expect(result.exitCode == 0, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func create(_ name: String, _ extra: [String] = []) throws {
        try run(
            ["create-function", name, "--code", directory.appendingPathComponent("code.zip").path, "--runtime", "python3.12",
             "--handler", "app.handler"] + extra)
    }

    /// GetFunction's `Configuration` as AWS (the proxy) answers it.
    func readConfiguration(_ name: String) throws -> [String: Any] {
        let json = try run(["get-function", name, "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["configuration"] as? [String: Any])
    }

    /// Operations in the proxy log from `since` on that change something.
    func writes(since: Int) async throws -> [String] {
        try await harness.log(since: since).filter { $0.method != "GET" }.map(\.operation)
            .filter { op in !["Get", "List"].contains { op.hasPrefix($0) } }
    }

    @Test("create-function takes every setting and get-function shows each, in text and JSON")
    func createShowsEverySetting() async throws {
        try create("set-all", [
            "--vpc-subnet", Self.subnet, "--vpc-security-group", Self.group, "--vpc-ipv6", "--tracing", "ACTIVE",
            "--ephemeral-storage", "2048", "--log-format", "json", "--log-level", "debug", "--system-log-level", "WARN",
            "--log-group", "/custom/set-all", "--dead-letter", Self.queue,
        ])
        let text = try run(["get-function", "set-all"]).stdout
        for line in [
            "Tracing: Active", "EphemeralStorage: 2048 MB", "VPC: vpc-", "subnets \(Self.subnet); security groups \(Self.group)",
            "VPCIPv6: allowed", "LogGroup: /custom/set-all", "Logging: JSON (application DEBUG, system WARN)",
            "DeadLetter: \(Self.queue)", "SnapStart: None (optimization Off)",
        ] {
            #expect(text.contains(line), "missing \(line) in:\n\(text)")
        }
        let configuration = try readConfiguration("set-all")
        #expect((configuration["TracingConfig"] as? [String: String])?["Mode"] == "Active")
        #expect((configuration["EphemeralStorage"] as? [String: Int])?["Size"] == 2048)
        #expect((configuration["DeadLetterConfig"] as? [String: String])?["TargetArn"] == Self.queue)
        let logging = try #require(configuration["LoggingConfig"] as? [String: String])
        #expect(logging == ["LogFormat": "JSON", "ApplicationLogLevel": "DEBUG", "SystemLogLevel": "WARN", "LogGroup": "/custom/set-all"])
        let vpc = try #require(configuration["VpcConfig"] as? [String: Any])
        #expect(vpc["SubnetIds"] as? [String] == [Self.subnet] && vpc["Ipv6AllowedForDualStack"] as? Bool == true)
        #expect((configuration["SnapStart"] as? [String: String])?["ApplyOn"] == "None")
    }

    @Test("update-config changes each setting, a repeat sends no write, --no-vpc and --no-dead-letter remove them")
    func updateConfigChangesAndRemoves() async throws {
        try create("set-upd")
        let flags = [
            "--vpc-subnet", Self.subnet, "--vpc-security-group", Self.group, "--tracing", "active", "--ephemeral-storage", "1024",
            "--log-format", "JSON", "--log-level", "error", "--log-group", "/custom/set-upd", "--dead-letter", Self.queue,
        ]
        let changed = try run(["update-config", "set-upd"] + flags).stdout
        #expect(changed.contains("changed VpcConfig, TracingConfig, EphemeralStorage, LoggingConfig, DeadLetterConfig"), "\(changed)")
        var configuration = try readConfiguration("set-upd")
        #expect((configuration["TracingConfig"] as? [String: String])?["Mode"] == "Active")
        #expect((configuration["EphemeralStorage"] as? [String: Int])?["Size"] == 1024)
        #expect((configuration["LoggingConfig"] as? [String: String])?["ApplicationLogLevel"] == "ERROR")
        let mark = try await harness.log().count
        let again = try run(["update-config", "set-upd"] + flags + ["--vpc-subnet", Self.subnet]).stdout
        #expect(again.contains("set-upd: unchanged"), "\(again)")
        #expect(try await writes(since: mark).isEmpty)
        try run(["update-config", "set-upd", "--no-vpc", "--no-dead-letter", "--tracing", "passthrough", "--log-format", "text"])
        configuration = try readConfiguration("set-upd")
        #expect(((configuration["VpcConfig"] as? [String: Any])?["SubnetIds"] as? [String] ?? []).isEmpty)
        #expect(configuration["DeadLetterConfig"] == nil)
        #expect((configuration["TracingConfig"] as? [String: String])?["Mode"] == "PassThrough")
        #expect(configuration["LoggingConfig"] as? [String: String] == ["LogFormat": "Text", "LogGroup": "/custom/set-upd"])
        let removedMark = try await harness.log().count
        #expect(try run(["update-config", "set-upd", "--no-vpc", "--no-dead-letter"]).stdout.contains("unchanged"))
        #expect(try await writes(since: removedMark).isEmpty)
        try run(["update-config", "set-upd", "--ephemeral-storage", "512", "--snap-start", "published-versions"])
        #expect((try readConfiguration("set-upd")["SnapStart"] as? [String: String])?["ApplyOn"] == "PublishedVersions")
    }

    @Test("bad values are refused locally with exit 2 and no request at all", arguments: [
        (["--vpc-subnet", "subnet-0123456789abcdef0"], "--vpc-subnet needs --vpc-security-group"),
        (["--vpc-subnet", "subnet-xyz", "--vpc-security-group", "sg-0123456789abcdef0"], "is not a subnet ID"),
        (["--vpc-subnet", "subnet-0123456789abcdef0", "--vpc-security-group", "group-1"], "is not a security group ID"),
        (["--tracing", "sideways"], "--tracing must be active or passthrough"),
        (["--ephemeral-storage", "256"], "--ephemeral-storage 256 is outside 512–10240 MB"),
        (["--ephemeral-storage", "20000"], "outside 512–10240"),
        (["--log-format", "text", "--log-level", "debug"], "--log-level needs --log-format json"),
        (["--log-format", "xml"], "--log-format must be text or json"),
        (["--log-format", "json", "--system-log-level", "error"], "--system-log-level must be debug or info or warn"),
        (["--dead-letter", "arn:aws:s3:::bucket"], "is not an SQS queue or SNS topic ARN"),
        (["--snap-start", "always"], "--snap-start must be published-versions or none"),
        (["--snap-start", "published-versions", "--ephemeral-storage", "1024"], "more than 512 MB of /tmp"),
        (["--snap-start", "published-versions", "--runtime", "python3.11"], "not python3.11"),
        (["--vpc-ipv6"], "a new function is in no VPC"),
    ])
    func localRefusals(arguments: [String], message: String) async throws {
        let runtime = arguments.contains("--runtime") ? [] : ["--runtime", "python3.12"]
        let result = try lambdactl(
            ["create-function", "set-bad", "--code", directory.appendingPathComponent("code.zip").path, "--handler", "app.handler"]
                + runtime + arguments)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try await harness.log().isEmpty)
    }

    @Test("update-config refuses --no-vpc with subnets, and IPv6 for a function outside a VPC before any write")
    func updateRefusals() async throws {
        let both = try lambdactl(["update-config", "set-x", "--no-vpc", "--vpc-ipv6"])
        #expect(both.exitCode == 2 && both.stderr.contains("--no-vpc detaches the VPC"), "\(both.stderr)")
        #expect(try await harness.log().isEmpty)
        try create("set-noipv6")
        let mark = try await harness.log().count
        let ipv6 = try lambdactl(["update-config", "set-noipv6", "--vpc-ipv6"])
        #expect(ipv6.exitCode == 2 && ipv6.stderr.contains("the function is not in a VPC"), "\(ipv6.stderr)")
        let text = try lambdactl(["update-config", "set-noipv6", "--log-level", "debug"])
        #expect(text.exitCode == 2 && text.stderr.contains("--log-level needs --log-format json"), "\(text.stderr)")
        #expect(try await writes(since: mark).isEmpty)
    }

    func writeConfig(_ name: String, _ settings: String) throws -> String {
        let path = directory.appendingPathComponent("lambdactl.yml").path
        let text = """
            function:
              name: \(name)
              runtime: python3.12
              handler: app.handler
              code: code.zip
            \(settings)
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("deploy applies every key, a second deploy sends no write, null removes each, case does not matter")
    func deployKeys() async throws {
        let path = try writeConfig("set-dep", """
              vpc: {subnets: [\(Self.subnet)], security_groups: [\(Self.group)], ipv6: true}
              tracing: ACTIVE
              ephemeral_storage: 1024
              logging: {format: Json, level: info, system_level: warn, group: /custom/set-dep}
              dead_letter: \(Self.queue)
            """)
        #expect(try run(["deploy", "-f", path]).stdout.contains("function set-dep: created"))
        var configuration = try readConfiguration("set-dep")
        #expect((configuration["TracingConfig"] as? [String: String])?["Mode"] == "Active")
        #expect((configuration["EphemeralStorage"] as? [String: Int])?["Size"] == 1024)
        #expect((configuration["LoggingConfig"] as? [String: String])?["SystemLogLevel"] == "WARN")
        #expect((configuration["DeadLetterConfig"] as? [String: String])?["TargetArn"] == Self.queue)
        #expect((configuration["VpcConfig"] as? [String: Any])?["Ipv6AllowedForDualStack"] as? Bool == true)
        var mark = try await harness.log().count
        #expect(try run(["deploy", "-f", path]).stdout.contains("nothing changed"))
        #expect(try await writes(since: mark).isEmpty)
        _ = try writeConfig("set-dep", """
              vpc: null
              tracing: null
              ephemeral_storage: 512
              logging: null
              dead_letter: null
              snap_start: Published-Versions
            """)
        let plan = try run(["deploy", "-f", path, "--dry-run"]).stdout
        for change in [
            "vpc: \(Self.subnet); \(Self.group); ipv6 → (none)", "tracing: Active → PassThrough", "ephemeral_storage: 1024 → 512",
            "logging: JSON INFO/WARN to /custom/set-dep → Text to /aws/lambda/set-dep", "dead_letter: \(Self.queue) → (none)",
            "snap_start: None → PublishedVersions",
        ] {
            #expect(plan.contains(change), "missing \(change) in:\n\(plan)")
        }
        try run(["deploy", "-f", path])
        configuration = try readConfiguration("set-dep")
        #expect(((configuration["VpcConfig"] as? [String: Any])?["SubnetIds"] as? [String] ?? []).isEmpty)
        #expect(configuration["DeadLetterConfig"] == nil)
        #expect(configuration["LoggingConfig"] as? [String: String] == ["LogFormat": "Text", "LogGroup": "/aws/lambda/set-dep"])
        #expect((configuration["SnapStart"] as? [String: String])?["ApplyOn"] == "PublishedVersions")
        mark = try await harness.log().count
        #expect(try run(["deploy", "-f", path]).stdout.contains("nothing changed"))
        #expect(try await writes(since: mark).isEmpty)
        // An absent key leaves the setting as it is.
        _ = try writeConfig("set-dep", "")
        mark = try await harness.log().count
        #expect(try run(["deploy", "-f", path]).stdout.contains("nothing changed"))
        #expect(try await writes(since: mark).isEmpty)
    }

    @Test("a bad settings key is refused with file:line before any request", arguments: [
        ("  tracing: sideways", "function.tracing must be active or passthrough"),
        ("  vpc: {subnets: [\(subnet)]}", "function.vpc.subnets needs function.vpc.security_groups"),
        ("  logging: {format: text, level: debug}", "function.logging.level needs logging: {format: json}"),
        ("  dead_letter: arn:aws:lambda:us-east-1:123456789012:function:x", "is not an SQS queue or SNS topic ARN"),
        ("  snap_start: published-versions\n  ephemeral_storage: 2048", "more than 512 MB of /tmp"),
        ("  vpc: {subnet: [\(subnet)]}", "unknown key \"subnet\" in function.vpc"),
    ])
    func deployRefusals(setting: String, message: String) async throws {
        let path = try writeConfig("set-depbad", setting)
        let result = try lambdactl(["deploy", "-f", path])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("lambdactl.yml:6") && result.stderr.contains(message), "\(result.stderr)")
        #expect(try await harness.log().isEmpty)
    }

    @Test("logs NAME reads the custom log group the function's LoggingConfig names")
    func logsFollowCustomGroup() async throws {
        try create("set-logs", ["--log-group", "/custom/set-logs"])
        try LogsRoutesHarness.python(
            """
            logs = client("logs")
            logs.create_log_group(logGroupName="/custom/set-logs")
            logs.create_log_stream(logGroupName="/custom/set-logs", logStreamName="s")
            logs.put_log_events(logGroupName="/custom/set-logs", logStreamName="s",
                logEvents=[{"timestamp": int(time.time() * 1000), "message": "from the custom group"}])
            """)
        let result = try run(["logs", "set-logs", "--since", "10m"])
        #expect(result.stdout.contains("from the custom group"), "\(result.stdout)\n\(result.stderr)")
        let groups = try await harness.log().filter { $0.operation == "FilterLogEvents" }
        #expect(!groups.isEmpty)
    }
}
