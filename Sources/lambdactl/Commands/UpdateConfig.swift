import ArgumentParser
import Deployment
import Foundation

/// `lambdactl update-config`: send only the settings that differ, then wait.
struct UpdateConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-config",
        abstract: "Change memory, timeout, environment, layers, VPC, tracing, /tmp, logging, dead-letter queue, SnapStart, role policies and more; sends only what differs.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions
    @OptionGroup var settings: ConfigurationOptions
    @OptionGroup var functionSettings: FunctionSettingsOptions
    @OptionGroup var rolePolicies: PolicyOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(name: .customLong("unset-env"), help: "Remove this environment variable (repeatable).")
    var unsetEnv: [String] = []

    @Option(help: "The handler.")
    var handler: String?

    @Option(help: "The runtime.")
    var runtime: String?

    @Flag(name: .customLong("no-vpc"), help: "Detach the function from its VPC.")
    var noVPC = false

    @Flag(name: .customLong("no-dead-letter"), help: "Remove the dead-letter queue.")
    var noDeadLetter = false

    @Option(
        name: .customLong("remove-policy"),
        help: "A managed policy ARN or name to detach from the role lambdactl created (repeatable).")
    var removePolicies: [String] = []

    @Flag(name: .customLong("no-policy-file"), help: "Delete the role's inline policy lambdactl-policy.")
    var noPolicyFile = false

    @Flag(name: .customLong("dry-run"), help: "Print what would change; change nothing.")
    var dryRun = false

    func validate() throws {
        if noVPC, !functionSettings.vpcSubnets.isEmpty || !functionSettings.vpcSecurityGroups.isEmpty || functionSettings.vpcIPv6 != nil {
            throw ValidationError("--no-vpc detaches the VPC; drop --vpc-subnet, --vpc-security-group and --vpc-ipv6, or drop --no-vpc")
        }
        if noDeadLetter, functionSettings.deadLetter != nil {
            throw ValidationError("--no-dead-letter removes the dead-letter queue; drop it or --dead-letter")
        }
        if noPolicyFile && rolePolicies.policyFile != nil {
            throw ValidationError("give --policy-file FILE or --no-policy-file, not both")
        }
        for policy in removePolicies {
            if let problem = PolicyReference.problem(policy) { throw ValidationError("--remove-policy: \(problem)") }
        }
    }

    func run() async throws {
        let policies = try rolePolicies.request(detach: removePolicies, removeInline: noPolicyFile)
        var desired = try settings.desired(unset: unsetEnv)
        desired.settings = try functionSettings.settings(detachVPC: noVPC, removeDeadLetter: noDeadLetter)
        desired.handler = handler
        desired.runtime = runtime
        let app = try AppEnvironment.make(global)
        let result = try await ConfigUpdater(services: try app.lifecycle(waitTimeout: try wait.duration))
            .run(name, desired: desired, policies: policies, dryRun: dryRun)
        try app.output.emit(result) {
            guard result.changed else { return "\(result.functionName): unchanged" }
            let verb = result.dryRun ? "would change" : "changed"
            var parts = result.fields.isEmpty ? [] : [result.fields.joined(separator: ", ")]
            if !result.roleChanges.isEmpty { parts.append("role: " + result.roleChanges.joined(separator: ", ")) }
            return "\(result.functionName): \(verb) " + parts.joined(separator: "; ")
        }
    }
}
