import AWSLambda
import Foundation
import Testing
@testable import Deployment

@Suite("function settings: only what differs is sent")
struct FunctionSettingsPlanTests {
    let subnet = "subnet-0123456789abcdef0", group = "sg-0123456789abcdef0"

    /// A function in a VPC with every setting away from its default.
    var configured: FunctionConfiguration {
        var current = FunctionConfiguration(functionName: "f", runtime: "python3.12")
        current.vpcConfig = VPCConfig(subnetIDs: [subnet, "subnet-11111111"], securityGroupIDs: [group], vpcID: "vpc-1", ipv6AllowedForDualStack: true)
        current.tracingConfig = TracingConfig(mode: "Active")
        current.ephemeralStorage = EphemeralStorage(size: 1024)
        current.loggingConfig = LoggingConfig(logGroup: "/custom", logFormat: "JSON", applicationLogLevel: "DEBUG", systemLogLevel: "WARN")
        current.deadLetterConfig = DeadLetterConfig(targetARN: "arn:aws:sqs:us-east-1:123456789012:dlq")
        current.snapStart = SnapStartConfig(applyOn: "None", optimizationStatus: "Off")
        return current
    }

    @Test("the same settings, in another order or case, send nothing")
    func sameSendsNothing() throws {
        let desired = try FunctionSettingsInput(
            subnets: ["subnet-11111111", subnet], securityGroups: [group], ipv6: true, tracing: "active", ephemeralStorage: 1024,
            logFormat: "JSON", logLevel: "debug", systemLogLevel: "warn", logGroup: "/custom",
            deadLetter: "arn:aws:sqs:us-east-1:123456789012:dlq", snapStart: "none"
        ).settings()
        #expect(FunctionSettingsPlan.fields(current: configured, desired: desired).isEmpty)
        #expect(FunctionSettingsPlan.fields(current: configured, desired: FunctionSettings()).isEmpty)
    }

    @Test("Lambda's defaults count as set when the answer leaves them out")
    func defaultsCount() throws {
        let bare = FunctionConfiguration(functionName: "f")
        let desired = try FunctionSettingsInput(
            detachVPC: true, tracing: "passthrough", ephemeralStorage: 512, logFormat: "text", logGroup: "",
            removeDeadLetter: true, snapStart: "none"
        ).settings()
        #expect(FunctionSettingsPlan.fields(current: bare, desired: desired).isEmpty)
    }

    @Test("each change is sent alone, with the whole logging configuration")
    func changes() {
        let fields = FunctionSettingsPlan.fields(
            current: configured,
            desired: FunctionSettings(tracing: .passThrough, logging: LoggingSetting(applicationLevel: "ERROR"), snapStart: .publishedVersions))
        #expect(fields.fieldNames == ["TracingConfig", "LoggingConfig", "SnapStart"])
        #expect(fields.tracingConfig == TracingConfig(mode: "PassThrough"))
        #expect(fields.loggingConfig == LoggingConfig(logGroup: "/custom", logFormat: "JSON", applicationLogLevel: "ERROR", systemLogLevel: "WARN"))
        #expect(fields.snapStart == SnapStartConfig(applyOn: "PublishedVersions"))
    }

    @Test("removal: the VPC detaches with empty lists, the queue with an empty TargetArn, logging: null back to Text")
    func removal() {
        let fields = FunctionSettingsPlan.fields(
            current: configured,
            desired: FunctionSettings(vpc: .detach, logging: LoggingSetting(format: .text, group: ""), deadLetter: .remove))
        #expect(fields.vpcConfig == VPCConfig(subnetIDs: [], securityGroupIDs: []))
        #expect(fields.deadLetterConfig == DeadLetterConfig(targetARN: ""))
        #expect(fields.loggingConfig == LoggingConfig(logGroup: "/aws/lambda/f", logFormat: "Text"))
    }

    @Test("IPv6 alone keeps the subnets and groups; attaching keeps the current IPv6 when none is given")
    func ipv6() {
        let flip = FunctionSettingsPlan.fields(current: configured, desired: FunctionSettings(vpc: .ipv6(false)))
        #expect(flip.vpcConfig == VPCConfig(subnetIDs: [subnet, "subnet-11111111"], securityGroupIDs: [group], ipv6AllowedForDualStack: false))
        let moved = FunctionSettingsPlan.fields(
            current: configured, desired: FunctionSettings(vpc: .attach(subnets: [subnet], securityGroups: [group], ipv6: nil)))
        #expect(moved.vpcConfig == VPCConfig(subnetIDs: [subnet], securityGroupIDs: [group], ipv6AllowedForDualStack: true))
    }

    @Test("what AWS would refuse against the function as it is is found before any write")
    func problemsAgainstCurrent() {
        let bare = FunctionConfiguration(functionName: "f", runtime: "python3.12")
        #expect(FunctionSettingsPlan.problem(current: bare, desired: FunctionSettings(vpc: .ipv6(true)), runtime: nil, ephemeralStorage: nil)?.field == .vpcIPv6)
        #expect(
            FunctionSettingsPlan.problem(
                current: bare, desired: FunctionSettings(logging: LoggingSetting(applicationLevel: "DEBUG")), runtime: nil, ephemeralStorage: nil)?.field
                == .logLevel)
        #expect(
            FunctionSettingsPlan.problem(
                current: configured, desired: FunctionSettings(logging: LoggingSetting(applicationLevel: "DEBUG")), runtime: nil, ephemeralStorage: nil)
                == nil)
        #expect(
            FunctionSettingsPlan.problem(current: configured, desired: FunctionSettings(snapStart: .publishedVersions), runtime: nil, ephemeralStorage: nil)?.field
                == .snapStart)
        #expect(
            FunctionSettingsPlan.problem(
                current: bare, desired: FunctionSettings(snapStart: .publishedVersions), runtime: "python3.11", ephemeralStorage: nil) != nil)
    }

    @Test("the deploy plan shows each change old → new in the config's names")
    func fieldChanges() {
        let fields = FunctionSettingsPlan.fields(
            current: configured, desired: FunctionSettings(vpc: .detach, ephemeralStorage: 2048, deadLetter: .remove))
        #expect(
            FieldChange.settings(fields, current: configured).map(\.text) == [
                "vpc: \(subnet), subnet-11111111; \(group); ipv6 → (none)", "ephemeral_storage: 1024 → 2048",
                "dead_letter: arn:aws:sqs:us-east-1:123456789012:dlq → (none)",
            ])
    }

    @Test("a configuration's own settings, asked of itself, send nothing; asked of another, send the differences")
    func settingsOfConfiguration() {
        let own = FunctionSettingsPlan.settings(of: configured)
        #expect(FunctionSettingsPlan.fields(current: configured, desired: own).isEmpty)
        let bare = FunctionConfiguration(functionName: "f")
        #expect(FunctionSettingsPlan.fields(current: bare, desired: FunctionSettingsPlan.settings(of: bare)).isEmpty)
        #expect(
            FunctionSettingsPlan.fields(current: bare, desired: own).fieldNames
                == ["VpcConfig", "TracingConfig", "EphemeralStorage", "LoggingConfig", "DeadLetterConfig"])
    }

    @Test("update-code --alias treats a version with other settings than $LATEST as not matching")
    func versionMatching() {
        var deployed = configured
        deployed.codeSHA256 = "SHA"
        deployed.memorySize = 128
        var version = deployed
        version.version = "2"
        #expect(ReleaseChoice.matches(version, deployed: deployed))
        version.tracingConfig = TracingConfig(mode: "PassThrough")
        #expect(!ReleaseChoice.matches(version, deployed: deployed))
    }
}
