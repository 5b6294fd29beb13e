import AWSCore
import Foundation

/// Region, credentials and endpoints resolved from options and the environment.
/// PROVISIONAL: environment keys and --endpoint-url only, until the full chain lands.
struct ResolvedSettings {
    let region: String
    let credentials: CredentialProvider
    let maxAttempts: Int

    init(global: GlobalOptions, environment: EnvironmentSnapshot) throws {
        guard let region = global.region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] else {
            throw SettingsError("no region: pass --region, set AWS_REGION, or add region to your profile")
        }
        self.region = region
        guard let keyID = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            throw SettingsError("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        credentials = FixedCredentials(
            value: Credentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"],
                source: "environment"))
        maxAttempts = Int(environment["AWS_MAX_ATTEMPTS"] ?? "") ?? 3
    }

    static func endpoint(
        for service: AWSService, region: String, global: GlobalOptions, environment: EnvironmentSnapshot
    ) throws -> ServiceEndpoint {
        let signingRegion = service == .iam ? "us-east-1" : region
        if let text = global.endpointURL ?? environment["AWS_ENDPOINT_URL"], let url = URL(string: text), let host = url.host {
            return ServiceEndpoint(
                scheme: url.scheme ?? "https", host: host, port: url.port, basePath: "",
                signingRegion: signingRegion, signingName: service.rawValue)
        }
        let host = service == .iam ? "iam.amazonaws.com" : "\(service.rawValue).\(region).amazonaws.com"
        return ServiceEndpoint(host: host, signingRegion: signingRegion, signingName: service.rawValue)
    }
}

struct FixedCredentials: CredentialProvider {
    let value: Credentials
    var name: String { value.source }
    func credentials() async throws -> Credentials { value }
}

struct SettingsError: CategorizedError, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
    var category: ErrorCategory { .configuration }
}
