import ArgumentParser
import Deployment
import Foundation

/// `lambdactl create-function`: package, find or create the role, create, wait until Active.
struct CreateFunction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-function",
        abstract: "Create a function from a directory or .zip and wait until it is Active.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions
    @OptionGroup var settings: ConfigurationOptions
    @OptionGroup var functionSettings: FunctionSettingsOptions
    @OptionGroup var rolePolicies: PolicyOptions

    @Argument(help: "The function name.")
    var name: String

    @Option(help: "A directory or .zip with the code.")
    var code: String

    @Option(help: "The runtime, e.g. python3.13, nodejs22.x, provided.al2023.")
    var runtime: String

    @Option(help: "The handler, e.g. app.handler.")
    var handler: String

    @Option(help: "An execution role ARN or name (default: create or reuse lambdactl-NAME-role).")
    var role: String?

    @Option(help: "x86_64 or arm64.")
    var architecture: String?

    @Option(name: .customLong("tag"), help: "A tag KEY=VALUE (repeatable).")
    var tags: [String] = []

    @Flag(help: "Publish version 1 on creation.")
    var publish = false

    @Option(name: .customLong("s3-bucket"), help: "Stage the package in this bucket.")
    var s3Bucket: String?

    func validate() throws {
        if let architecture, !LambdaLimits.architectures.contains(architecture) {
            throw ValidationError("--architecture must be x86_64 or arm64")
        }
        let settings = try functionSettings.settings()
        if let mode = settings.snapStart,
            let problem = SnapStartRules.problem(mode: mode, runtime: runtime, ephemeralStorage: settings.ephemeralStorage)
        {
            throw ValidationError(problem.message(CommandLineNaming()))
        }
        if case .ipv6 = settings.vpc {
            throw ValidationError("--vpc-ipv6 needs --vpc-subnet and --vpc-security-group: a new function is in no VPC yet")
        }
    }

    func run() async throws {
        var desired = try settings.desired()
        desired.settings = try functionSettings.settings()
        var request = FunctionCreator.Request(
            name: name, codePath: code, runtime: runtime, handler: handler, role: role, configuration: desired,
            architectures: architecture.map { [$0] }, tags: try EnvironmentInput.parse(tags: tags), publish: publish,
            s3Bucket: s3Bucket)
        request.policies = try rolePolicies.request()
        let app = try AppEnvironment.make(global)
        let creator = FunctionCreator(services: try app.lifecycle(waitTimeout: try wait.duration))
        let result = try await Interruption.cancellingOnInterrupt { [request] in try await creator.run(request) }
        try app.output.emit(result) {
            """
            FunctionArn: \(result.functionArn)
            Version:     \(result.version)
            CodeSha256:  \(result.codeSha256)
            State:       \(result.state)
            Role:        \(result.role)\(result.roleCreated ? " (created)" : "")
            """
        }
    }
}
