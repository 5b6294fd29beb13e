import ArgumentParser
import Deployment
import Testing
@testable import lambdactl

@Suite("settings options of create-function and update-config")
struct FunctionSettingsOptionsTests {
    @Test("repeatable VPC options, --vpc-ipv6 and --no-vpc-ipv6, and every value reach the settings")
    func parses() throws {
        let options = try FunctionSettingsOptions.parse([
            "--vpc-subnet", "subnet-11111111", "--vpc-subnet", "subnet-22222222", "--vpc-security-group", "sg-33333333",
            "--no-vpc-ipv6", "--tracing", "Active", "--ephemeral-storage", "4096", "--log-format", "JSON", "--log-level", "warn",
            "--log-group", "/g", "--dead-letter", "arn:aws:sns:us-east-1:123456789012:t",
        ])
        let settings = try options.settings()
        #expect(settings.vpc == .attach(subnets: ["subnet-11111111", "subnet-22222222"], securityGroups: ["sg-33333333"], ipv6: false))
        #expect(settings.tracing == .active && settings.ephemeralStorage == 4096)
        #expect(settings.logging == LoggingSetting(format: .json, applicationLevel: "WARN", group: "/g"))
        #expect(settings.deadLetter == .target("arn:aws:sns:us-east-1:123456789012:t"))
        #expect(try FunctionSettingsOptions.parse(["--vpc-ipv6"]).settings().vpc == .ipv6(true))
        #expect(try FunctionSettingsOptions.parse([]).settings().isEmpty)
    }

    @Test("update-config's --no-vpc and --no-dead-letter remove; combined with what they contradict, refused")
    func removals() throws {
        let update = try UpdateConfig.parse(["f", "--no-vpc", "--no-dead-letter"])
        let settings = try update.functionSettings.settings(detachVPC: update.noVPC, removeDeadLetter: update.noDeadLetter)
        #expect(settings.vpc == .detach && settings.deadLetter == .remove)
        #expect(throws: (any Error).self) { try UpdateConfig.parse(["f", "--no-vpc", "--vpc-subnet", "subnet-11111111"]) }
        #expect(throws: (any Error).self) {
            try UpdateConfig.parse(["f", "--no-dead-letter", "--dead-letter", "arn:aws:sqs:us-east-1:123456789012:q"])
        }
        #expect(throws: (any Error).self) { try CreateFunction.parse(["f", "--code", "c", "--runtime", "r", "--handler", "h", "--no-vpc"]) }
    }

    @Test("a bad value is a usage error naming the flag", arguments: [
        (["--tracing", "x"], "--tracing must be active or passthrough, not x"),
        (["--ephemeral-storage", "100"], "--ephemeral-storage 100 is outside 512–10240 MB; e.g. --ephemeral-storage 1024"),
        (["--vpc-security-group", "sg-11111111"], "--vpc-security-group needs --vpc-subnet (a VPC needs subnets and security groups)"),
    ])
    func refusals(arguments: [String], message: String) {
        do {
            _ = try FunctionSettingsOptions.parse(arguments)
            Issue.record("no error")
        } catch {
            #expect(FunctionSettingsOptions.message(for: error) == message)
        }
    }
}
