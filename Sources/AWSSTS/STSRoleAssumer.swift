import AWSCore
import Foundation

/// The STS calls behind assume-role profiles and web identity, for the credentials chain.
/// Each call gets a client of its own, signed with the source credentials (or unsigned).
package struct STSRoleAssumer: RoleAssuming {
    /// Transport, retries, clock correction and `--debug` shared with every other client.
    let template: ClientContext
    /// The STS endpoint of a region.
    let endpoint: @Sendable (String) throws -> ServiceEndpoint

    /// Creates the assumer; `template`'s credentials are replaced per call.
    package init(template: ClientContext, endpoint: @escaping @Sendable (String) throws -> ServiceEndpoint) {
        self.template = template
        self.endpoint = endpoint
    }

    package func assumeRole(_ request: AssumeRoleRequest, using source: Credentials, region: String) async throws -> Credentials {
        let client = STSClient(context: template.replacingCredentials(StaticCredentialProvider(source)), endpoint: try endpoint(region))
        var credentials = try await client.assumeRole(
            roleARN: request.roleARN, sessionName: request.sessionName, externalID: request.externalID,
            durationSeconds: request.durationSeconds)
        credentials.source = "assume-role \(request.roleARN) (from \(source.source))"
        return credentials
    }

    package func assumeRoleWithWebIdentity(_ request: WebIdentityRequest, region: String) async throws -> Credentials {
        let client = STSClient(context: template.replacingCredentials(NoCredentialProvider()), endpoint: try endpoint(region))
        return try await client.assumeRoleWithWebIdentity(
            roleARN: request.roleARN, sessionName: request.sessionName, token: request.token,
            durationSeconds: request.durationSeconds)
    }
}

/// Hands out one fixed set of credentials.
struct StaticCredentialProvider: CredentialProvider {
    let value: Credentials
    init(_ value: Credentials) { self.value = value }
    var name: String { value.source }
    func credentials() async throws -> Credentials { value }
}

/// For unsigned calls only: asking it for credentials is an error.
struct NoCredentialProvider: CredentialProvider {
    var name: String { "none" }
    func credentials() async throws -> Credentials { throw CredentialsError.notFound(provider: "none") }
}
