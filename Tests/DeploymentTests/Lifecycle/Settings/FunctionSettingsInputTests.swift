import AWSLambda
import Foundation
import Testing
@testable import Deployment

@Suite("function settings: local checks of what the user typed")
struct FunctionSettingsInputTests {
    func problem(_ input: FunctionSettingsInput) -> InputProblem? {
        do {
            _ = try input.settings()
            return nil
        } catch let error as LifecycleError {
            return error.problem
        } catch {
            return nil
        }
    }

    @Test("values are case-insensitive and become AWS's words")
    func caseInsensitive() throws {
        let settings = try FunctionSettingsInput(
            tracing: "ACTIVE", logFormat: "Json", logLevel: "debug", systemLogLevel: "Warn", snapStart: "PublishedVersions"
        ).settings()
        #expect(settings.tracing == .active)
        #expect(settings.logging == LoggingSetting(format: .json, applicationLevel: "DEBUG", systemLevel: "WARN"))
        #expect(settings.snapStart == .publishedVersions)
        #expect(try FunctionSettingsInput(tracing: "PassThrough", snapStart: "NONE").settings().tracing == .passThrough)
    }

    @Test("subnets and security groups come together; both empty detaches; IPv6 alone keeps the VPC")
    func vpcPairs() throws {
        let subnet = "subnet-0123456789abcdef0", group = "sg-12345678"
        #expect(problem(FunctionSettingsInput(subnets: [subnet]))?.field == .vpcSubnet)
        #expect(problem(FunctionSettingsInput(securityGroups: [group]))?.field == .vpcSecurityGroup)
        #expect(problem(FunctionSettingsInput(subnets: [], securityGroups: [group])) != nil)
        #expect(try FunctionSettingsInput(subnets: [], securityGroups: []).settings().vpc == .detach)
        #expect(try FunctionSettingsInput(ipv6: true).settings().vpc == .ipv6(true))
        #expect(
            try FunctionSettingsInput(subnets: [subnet, subnet], securityGroups: [group], ipv6: false).settings().vpc
                == .attach(subnets: [subnet], securityGroups: [group], ipv6: false))
    }

    @Test("malformed ids, ranges, words and ARNs are refused", arguments: [
        (FunctionSettingsInput(subnets: ["subnet-1"], securityGroups: ["sg-12345678"]), InputField.vpcSubnet),
        (FunctionSettingsInput(subnets: ["subnet-12345678"], securityGroups: ["sg-ABCDEF12"]), .vpcSecurityGroup),
        (FunctionSettingsInput(subnets: (0..<17).map { String(format: "subnet-%08x", $0) }, securityGroups: ["sg-12345678"]), .vpcSubnet),
        (FunctionSettingsInput(tracing: "on"), .tracing),
        (FunctionSettingsInput(ephemeralStorage: 511), .ephemeralStorage),
        (FunctionSettingsInput(ephemeralStorage: 10241), .ephemeralStorage),
        (FunctionSettingsInput(logFormat: "yaml"), .logFormat),
        (FunctionSettingsInput(logLevel: "verbose"), .logLevel),
        (FunctionSettingsInput(systemLogLevel: "error"), .systemLogLevel),
        (FunctionSettingsInput(logFormat: "text", logLevel: "info"), .logLevel),
        (FunctionSettingsInput(logGroup: "bad group!"), .logGroup),
        (FunctionSettingsInput(deadLetter: "arn:aws:lambda:us-east-1:123456789012:function:f"), .deadLetter),
        (FunctionSettingsInput(deadLetter: "arn:aws:sqs:us-east-1:1234:q"), .deadLetter),
        (FunctionSettingsInput(snapStart: "sometimes"), .snapStart),
        (FunctionSettingsInput(ephemeralStorage: 1024, snapStart: "published-versions"), .snapStart),
    ])
    func refusals(input: FunctionSettingsInput, field: InputField) {
        #expect(problem(input)?.field == field)
    }

    @Test("SQS queues and SNS topics are dead-letter targets, in any partition")
    func deadLetterTargets() throws {
        for arn in ["arn:aws:sqs:us-east-1:123456789012:dlq.fifo", "arn:aws-cn:sns:cn-north-1:123456789012:failures"] {
            #expect(try FunctionSettingsInput(deadLetter: arn).settings().deadLetter == .target(arn))
        }
        #expect(try FunctionSettingsInput(removeDeadLetter: true).settings().deadLetter == .remove)
    }

    @Test("problems are worded with the caller's names")
    func wording() {
        let problem = problem(FunctionSettingsInput(logFormat: "text", logLevel: "debug"))
        #expect(problem?.message(PlainInputNaming()) == "logLevel needs logFormat json (AWS takes log levels only with the JSON log format)")
        #expect(
            problem?.message(DeployConfigNaming())
                == "function.logging.level needs logging: {format: json} (AWS takes log levels only with the JSON log format)")
    }
}

@Suite("SnapStart rules")
struct SnapStartRulesTests {
    @Test("Java 11+, Python 3.12+ and .NET 8+ support SnapStart", arguments: [
        ("java11", true), ("java21", true), ("java8.al2", false), ("java8", false), ("python3.12", true),
        ("python3.13", true), ("python3.11", false), ("dotnet8", true), ("dotnet6", false), ("nodejs22.x", false),
        ("provided.al2023", false),
    ])
    func runtimes(runtime: String, supported: Bool) {
        #expect(SnapStartRules.supports(runtime: runtime) == supported)
    }

    @Test("refused with /tmp above 512 MB or provisioned concurrency; none is always allowed")
    func conflicts() {
        #expect(SnapStartRules.problem(mode: .publishedVersions, runtime: "java21", ephemeralStorage: 512) == nil)
        #expect(SnapStartRules.problem(mode: .publishedVersions, runtime: "java21", ephemeralStorage: 513)?.field == .snapStart)
        #expect(
            SnapStartRules.problem(mode: .publishedVersions, runtime: "java21", ephemeralStorage: nil, provisionedConcurrency: 5)
                != nil)
        #expect(SnapStartRules.problem(mode: .none, runtime: "python3.9", ephemeralStorage: 4096, provisionedConcurrency: 5) == nil)
    }
}
