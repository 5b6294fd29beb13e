import AWSCore
import Foundation

/// An `AssumeRole` call's parameters. See STS API Reference, AssumeRole.
package struct AssumeRoleRequest: Sendable, Equatable {
    /// The role to assume.
    package var roleARN: String
    /// `RoleSessionName`.
    package var sessionName: String
    /// `ExternalId`, when the role's trust policy asks for one.
    package var externalID: String?
    /// `DurationSeconds`, when configured.
    package var durationSeconds: Int?

    /// Creates a request.
    package init(roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
    }
}

/// An `AssumeRoleWithWebIdentity` call's parameters. See STS API Reference, AssumeRoleWithWebIdentity.
package struct WebIdentityRequest: Sendable, Equatable {
    /// The role to assume.
    package var roleARN: String
    /// `RoleSessionName`.
    package var sessionName: String
    /// The OIDC token, read from the token file just before the call.
    package var token: String
    /// `DurationSeconds`, when configured.
    package var durationSeconds: Int?

    /// Creates a request.
    package init(roleARN: String, sessionName: String, token: String, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.token = token
        self.durationSeconds = durationSeconds
    }
}

/// The two STS calls role providers need: `STSRoleAssumer` makes them, tests script them.
package protocol RoleAssuming: Sendable {
    /// Calls `AssumeRole` signed with `source` against STS in `region`.
    func assumeRole(_ request: AssumeRoleRequest, using source: Credentials, region: String) async throws -> Credentials
    /// Calls `AssumeRoleWithWebIdentity` (unsigned) against STS in `region`.
    func assumeRoleWithWebIdentity(_ request: WebIdentityRequest, region: String) async throws -> Credentials
}

/// Runs an STS call; a failure to reach STS is a credentials problem naming the provider and
/// the variables that point at STS, not a network error of the command.
func reachingSTS(
    provider: String, _ call: () async throws -> Credentials
) async throws -> Credentials {
    do {
        return try await call()
    } catch let failure as AWSTransportFailure {
        throw CredentialsError.failed(
            provider: provider,
            message: "cannot reach STS at \(failure.endpoint) (\(failure.underlying.reason)): check AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL and the network")
    }
}

/// The default `RoleSessionName`: `lambdactl-<unix time>`.
func defaultSessionName(_ time: TimeSource) -> String {
    "lambdactl-\(Int(time.now().timeIntervalSince1970))"
}
