import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("Deploy config: the settings keys (absent leaves, null removes, file:line on errors)")
struct FunctionSettingsSpecTests {
    static let head = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: hello.zip
        """

    func parse(_ settings: String, set: [String] = []) throws -> DeployConfig {
        try DeployConfigParser(path: "/repo/lambdactl.yml", environment: [:], overrides: ConfigOverrides(option: "--set", set)).parse(Self.head + "\n" + settings)
    }

    func checkFailure(_ settings: String) -> String {
        do {
            try DeployValidation.check(try parse(settings), file: "/repo/lambdactl.yml")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("every key decodes into what the user typed")
    func decodes() throws {
        let input = try parse("""
              vpc: {subnets: [subnet-1, subnet-2], security_groups: [sg-1], ipv6: false}
              tracing: active
              ephemeral_storage: 1024
              logging: {format: json, level: info, system_level: warn, group: /custom/group}
              dead_letter: arn:aws:sqs:us-east-1:123456789012:dlq
              snap_start: published-versions
            """).function.settings.input
        #expect(
            input == FunctionSettingsInput(
                subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-1"], ipv6: false, tracing: "active", ephemeralStorage: 1024,
                logFormat: "json", logLevel: "info", systemLogLevel: "warn", logGroup: "/custom/group",
                deadLetter: "arn:aws:sqs:us-east-1:123456789012:dlq", snapStart: "published-versions"))
    }

    @Test("absent keys leave everything as it is")
    func absent() throws {
        #expect(try parse("").function.settings.input == FunctionSettingsInput())
        #expect(try parse("").function.settings.input.settings().isEmpty)
    }

    @Test("null removes the VPC and the queue and puts AWS's defaults back for the rest")
    func nulls() throws {
        let settings = try parse("""
              vpc: null
              tracing: null
              ephemeral_storage: null
              logging: null
              dead_letter: null
              snap_start: null
            """).function.settings.input.settings()
        #expect(
            settings == FunctionSettings(
                vpc: .detach, tracing: .passThrough, ephemeralStorage: 512, logging: LoggingSetting(format: .text, group: ""),
                deadLetter: .remove, snapStart: SnapStartMode.none))
        let lists = try parse("  vpc: {subnets: [], security_groups: []}").function.settings.input.settings()
        #expect(lists.vpc == .detach)
        #expect(try parse("  logging: {group: null}").function.settings.input.settings().logging == LoggingSetting(group: ""))
        #expect(try parse("  logging: {format: json, level: null, system_level: null}").function.settings.input.settings().logging
            == LoggingSetting(format: .json, applicationLevel: "INFO", systemLevel: "INFO"), "a null level goes back to INFO")
        #expect(try parse("  logging: {format: text, level: null}").function.settings.input.settings().logging
            == LoggingSetting(format: .text), "under Text a null level is no level")
    }

    @Test("--set reaches the settings keys")
    func overrides() throws {
        let config = try parse("", set: ["function.tracing=Active", "function.logging.format=json"])
        #expect(config.function.settings.input.tracing == "Active" && config.function.settings.input.logFormat == "json")
    }

    @Test("a bad value names its file and line and says what to write", arguments: [
        ("  tracing: on", "/repo/lambdactl.yml:6: function.tracing must be active or passthrough, not on"),
        ("  ephemeral_storage: 100", "/repo/lambdactl.yml:6: function.ephemeral_storage 100 is outside 512–10240 MB; e.g. ephemeral_storage: 1024"),
        ("  vpc:\n    subnets: [subnet-12345678]", "/repo/lambdactl.yml:7: function.vpc.subnets needs function.vpc.security_groups"),
        ("  logging:\n    format: text\n    system_level: debug", "/repo/lambdactl.yml:8: function.logging.system_level needs logging: {format: json}"),
        ("  vpc: {subnets: [subnet-1], security_groups: [sg-12345678]}",
         "/repo/lambdactl.yml:6: function.vpc.subnets subnet-1 is not a subnet ID; e.g. vpc: {subnets: [subnet-0123456789abcdef0]}"),
        ("  dead_letter: queue", "/repo/lambdactl.yml:6: function.dead_letter queue is not an SQS queue or SNS topic ARN"),
        ("  runtime: nodejs22.x\n  snap_start: published-versions", "/repo/lambdactl.yml:6: snap_start: published-versions is refused"),
        ("  snap_start: published-versions\n  provisioned_concurrency: 2", "/repo/lambdactl.yml:6: snap_start: published-versions is refused"),
    ])
    func refusals(settings: String, message: String) {
        let text = settings.hasPrefix("  runtime:")
            ? checkFailureReplacingRuntime(settings) : checkFailure(settings)
        #expect(text.hasPrefix(message), "\(text)")
    }

    /// The head with another runtime line (the head's own is dropped).
    func checkFailureReplacingRuntime(_ settings: String) -> String {
        let head = Self.head.replacingOccurrences(of: "  runtime: python3.12\n", with: "")
        do {
            let config = try DeployConfigParser(path: "/repo/lambdactl.yml", environment: [:]).parse(head + "\n" + settings)
            try DeployValidation.check(config, file: "/repo/lambdactl.yml")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("unknown keys inside vpc and logging are named with their line")
    func unknownKeys() {
        do {
            _ = try parse("  logging: {formats: json}")
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).hasPrefix("/repo/lambdactl.yml:6: unknown key \"formats\" in function.logging; expected one of: format, level, group, system_level"))
        }
    }

    @Test("the JSON schema lists exactly the vpc and logging keys the parser accepts")
    func schemaMatchesParser() throws {
        let data = try Data(contentsOf: DeployConfigFilesTests.root.appendingPathComponent("Config/lambdactl.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func properties(_ object: Any?) -> [String: Any]? { (object as? [String: Any])?["properties"] as? [String: Any] }
        let function = properties((schema["$defs"] as? [String: Any])?["function"])
        for key in ["vpc", "logging"] {
            let keys = properties(function?[key]).map { Array($0.keys).sorted() }
            #expect(keys == DeployConfigSchema.allowedKeys(at: ["function", key])?.sorted(), "\(key)")
        }
    }
}
