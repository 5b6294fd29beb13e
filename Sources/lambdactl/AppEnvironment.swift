import AWSCore
import AWSSSO
import AWSSTS
import Foundation

/// The one composition root: turns global options and the process environment into the
/// shared client context and one client per service. Commands build everything through it.
struct AppEnvironment: Sendable {
    /// The global options the command was given.
    let global: GlobalOptions
    /// The process environment, captured once.
    let environment: EnvironmentSnapshot
    /// Where results go.
    let output: Output
    /// Where progress and diagnostics go.
    let console: Console
    /// Profile, region, attempts and endpoints resolved from options, environment and files.
    let configuration: ResolvedConfiguration
    /// The shared client context (transport, credentials chain, retries, clock correction).
    let context: ClientContext

    /// The resolved region.
    var region: String { configuration.region }

    /// Resolves region, credentials and endpoints; throws a `.configuration` error when the
    /// shared files are malformed, a named profile is missing or no region is set.
    /// `events`: the command streams events with `--output ndjson`; other commands refuse it.
    static func make(_ global: GlobalOptions, events: Bool = false) throws -> AppEnvironment {
        if global.output == .ndjson, !events { throw OutputFormat.ndjsonRefusal }
        return try make(global, environment: ProcessEnvironment.snapshot, time: SystemClock.time)
    }

    /// The same from an explicit environment and clock (tests pass fixed ones).
    static func make(_ global: GlobalOptions, environment: EnvironmentSnapshot, time: TimeSource) throws -> AppEnvironment {
        let console = Console(useColor: Console.standardError.useColor && !global.noColor)
        let sharedConfig = try SharedConfigLoader.load(environment: environment, files: Self.fileSystem)
        let configuration = try ResolvedConfiguration(
            config: sharedConfig, environment: environment, profile: global.profile, region: global.region,
            endpointURL: global.endpointURL)
        let debugSink: (@Sendable (String) -> Void)? =
            global.debug ? { @Sendable line in FileHandle.standardError.write(Data((Redactor.text(line) + "\n").utf8)) } : nil
        let transport = URLSessionTransport()
        var context = ClientContext(
            transport: transport, credentials: UnresolvedCredentials(),
            retryPolicy: RetryPolicy(maxAttempts: configuration.maxAttempts), time: time, debug: debugSink,
            userAgent: "lambdactl/\(LambdaCtlVersion.current)")
        let endpoints = configuration.endpoints
        let assumer = STSRoleAssumer(template: context) { region in try endpoints.endpoint(for: .sts, region: region) }
        // Profile kinds that call an AWS API, in botocore's order: role_arn, then IAM Identity Center.
        let factories: [any CredentialProviderFactory] = [RoleCredentialFactory(roleAssumer: assumer), SSOCredentialFactory()]
        let chain = try CredentialChainBuilder(
            dependencies: CredentialDependencies(
                environment: environment, config: sharedConfig, files: Self.fileSystem, transport: transport, time: time,
                factories: factories,
                region: configuration.region, debug: debugSink, warn: { [console] in console.warning($0) })
        ).build(profile: global.profile)
        context = context.replacingCredentials(chain)
        return AppEnvironment(
            global: global, environment: environment, output: Output(format: global.output), console: console,
            configuration: configuration, context: context)
    }

    /// The STS client.
    func sts() throws -> STSClient {
        STSClient(context: context, endpoint: try endpoint(.sts))
    }
}

/// Stands in for the chain while the chain itself is being built (never asked).
private struct UnresolvedCredentials: CredentialProvider {
    var name: String { "unresolved" }
    func credentials() async throws -> Credentials { throw CredentialsError.notFound(provider: name) }
}
