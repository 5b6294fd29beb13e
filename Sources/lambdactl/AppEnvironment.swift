import AWSCore
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
    static func make(_ global: GlobalOptions, environment: EnvironmentSnapshot = .current()) throws -> AppEnvironment {
        let console = Console(useColor: Console.standardError.useColor && !global.noColor)
        let files = try SharedConfigLoader.load(environment: environment)
        let configuration = try ResolvedConfiguration(
            config: files, environment: environment, profile: global.profile, region: global.region,
            endpointURL: global.endpointURL)
        let debugSink: (@Sendable (String) -> Void)? =
            global.debug ? { @Sendable line in FileHandle.standardError.write(Data((Redactor.text(line) + "\n").utf8)) } : nil
        let transport = URLSessionTransport()
        var context = ClientContext(
            transport: transport, credentials: UnresolvedCredentials(),
            retryPolicy: RetryPolicy(maxAttempts: configuration.maxAttempts), debug: debugSink,
            userAgent: "lambdactl/\(LambdaCtlVersion.current)")
        let endpoints = configuration.endpoints
        let assumer = STSRoleAssumer(template: context) { region in try endpoints.endpoint(for: .sts, region: region) }
        let chain = try CredentialChainBuilder(
            dependencies: CredentialDependencies(
                environment: environment, config: files, transport: transport, roleAssumer: assumer,
                region: configuration.region, debug: debugSink, warn: { [console] in console.warning($0) })
        ).build(profile: global.profile)
        context = context.replacingCredentials(chain)
        return AppEnvironment(
            global: global, environment: environment, output: Output(format: global.output), console: console,
            configuration: configuration, context: context)
    }

    /// The endpoint of `service`.
    func endpoint(_ service: ServiceID) throws -> ServiceEndpoint {
        try configuration.endpoint(for: service)
    }

    /// A raw client for `service`.
    func client(_ service: ServiceID) throws -> AWSClient {
        AWSClient(context: context, endpoint: try endpoint(service), serviceProtocol: service.wireProtocol)
    }

    /// The STS client.
    func sts() throws -> STSClient {
        STSClient(context: context, endpoint: try endpoint(.sts))
    }
}

extension ServiceID {
    /// The protocol each service speaks on the wire.
    var wireProtocol: AWSProtocol {
        switch self {
        case .lambda, .apigateway, .sso, .ssoOIDC: return .restJSON
        case .iam: return .query(version: "2010-05-08")
        case .sts: return .query(version: "2011-06-15")
        case .logs: return .json11(targetPrefix: "Logs_20140328")
        case .s3: return .restXML
        }
    }
}

/// Stands in for the chain while the chain itself is being built (never asked).
private struct UnresolvedCredentials: CredentialProvider {
    var name: String { "unresolved" }
    func credentials() async throws -> Credentials { throw CredentialsError.notFound(provider: name) }
}
