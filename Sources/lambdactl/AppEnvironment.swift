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
    /// The resolved region.
    let region: String
    /// The shared client context (transport, credentials chain, retries, clock correction).
    let context: ClientContext
    /// Which provider the credentials chain will use, for `whoami`.
    let credentialsDescription: String

    /// Resolves region, credentials and endpoints; throws a `.configuration` error when one is missing.
    static func make(_ global: GlobalOptions, environment: EnvironmentSnapshot = .current()) throws -> AppEnvironment {
        let console = Console(useColor: Console.standardError.useColor && !global.noColor)
        let settings = try ResolvedSettings(global: global, environment: environment)
        let debugSink: (@Sendable (String) -> Void)? =
            global.debug ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        let context = ClientContext(
            transport: URLSessionTransport(), credentials: settings.credentials,
            retryPolicy: RetryPolicy(maxAttempts: settings.maxAttempts), debug: debugSink,
            userAgent: "lambdactl/\(LambdaCtlVersion.current)")
        return AppEnvironment(
            global: global, environment: environment, output: Output(format: global.output), console: console,
            region: settings.region, context: context, credentialsDescription: settings.credentials.name)
    }

    /// The endpoint of `service`.
    func endpoint(_ service: AWSService) throws -> ServiceEndpoint {
        try ResolvedSettings.endpoint(for: service, region: region, global: global, environment: environment)
    }

    /// A raw client for `service`.
    func client(_ service: AWSService) throws -> AWSClient {
        AWSClient(context: context, endpoint: try endpoint(service), serviceProtocol: service.wireProtocol)
    }

    /// The STS client.
    func sts() throws -> STSClient {
        STSClient(context: context, endpoint: try endpoint(.sts))
    }
}

/// The services lambdactl talks to.
enum AWSService: String, CaseIterable, Sendable {
    case lambda, iam, logs, apigateway, sts, s3

    /// The protocol on the wire.
    var wireProtocol: AWSProtocol {
        switch self {
        case .lambda, .apigateway: return .restJSON
        case .iam: return .query(version: "2010-05-08")
        case .sts: return .query(version: "2011-06-15")
        case .logs: return .json11(targetPrefix: "Logs_20140328")
        case .s3: return .restXML
        }
    }
}
