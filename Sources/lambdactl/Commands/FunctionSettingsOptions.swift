import ArgumentParser
import Deployment
import Foundation

/// The VPC, tracing, `/tmp`, logging, dead-letter and SnapStart options create-function and
/// update-config share. Values are case-insensitive; each is checked before the first call.
struct FunctionSettingsOptions: ParsableArguments {
    @Option(name: .customLong("vpc-subnet"), help: "A VPC subnet ID, subnet-… (repeatable; needs --vpc-security-group).")
    var vpcSubnets: [String] = []

    @Option(name: .customLong("vpc-security-group"), help: "A security group ID, sg-… (repeatable; needs --vpc-subnet).")
    var vpcSecurityGroups: [String] = []

    @Flag(name: .customLong("vpc-ipv6"), inversion: .prefixedNo, help: "Allow IPv6 traffic in dual-stack subnets.")
    var vpcIPv6: Bool?

    @Option(help: "X-Ray tracing: active or passthrough.")
    var tracing: String?

    @Option(name: .customLong("ephemeral-storage"), help: "The size of /tmp in MB (512–10240).")
    var ephemeralStorage: Int?

    @Option(name: .customLong("log-format"), help: "text or json.")
    var logFormat: String?

    @Option(name: .customLong("log-level"), help: "Application log level with json: trace, debug, info, warn, error or fatal.")
    var logLevel: String?

    @Option(name: .customLong("system-log-level"), help: "System log level with json: debug, info or warn.")
    var systemLogLevel: String?

    @Option(name: .customLong("log-group"), help: "The CloudWatch log group (default /aws/lambda/NAME).")
    var logGroup: String?

    @Option(name: .customLong("dead-letter"), help: "An SQS queue or SNS topic ARN for failed asynchronous events.")
    var deadLetter: String?

    @Option(name: .customLong("snap-start"), help: "published-versions or none (Java 11+, Python 3.12+, .NET 8+).")
    var snapStart: String?

    /// The settings as typed; `FunctionSettingsInput.settings()` checks them.
    func input(detachVPC: Bool = false, removeDeadLetter: Bool = false) -> FunctionSettingsInput {
        FunctionSettingsInput(
            subnets: vpcSubnets.isEmpty ? nil : vpcSubnets, securityGroups: vpcSecurityGroups.isEmpty ? nil : vpcSecurityGroups,
            ipv6: vpcIPv6, detachVPC: detachVPC, tracing: tracing, ephemeralStorage: ephemeralStorage, logFormat: logFormat,
            logLevel: logLevel, systemLogLevel: systemLogLevel, logGroup: logGroup, deadLetter: deadLetter,
            removeDeadLetter: removeDeadLetter, snapStart: snapStart)
    }

    /// The checked settings, worded with the flags on a problem.
    func settings(detachVPC: Bool = false, removeDeadLetter: Bool = false) throws -> FunctionSettings {
        do {
            return try input(detachVPC: detachVPC, removeDeadLetter: removeDeadLetter).settings()
        } catch let error as LifecycleError {
            throw ValidationError(error.message(CommandLineNaming()))
        }
    }

    func validate() throws { _ = try settings() }
}
