import AWSCore
import Foundation

/// Assumes `request.roleARN` with the credentials of `source` (another profile, the environment,
/// the container or IMDS).
package struct AssumeRoleCredentialProvider: CredentialProvider {
    /// What the call is signed with.
    package let source: any CredentialProvider
    /// The call's parameters; an empty session name becomes `lambdactl-<unix time>` per call.
    package let request: AssumeRoleRequest
    /// The STS region.
    package let region: String
    /// The STS caller.
    package let roleAssumer: any RoleAssuming
    /// The clock, for the default session name.
    package let time: TimeSource
    /// The profile that configured it, for `whoami`.
    package let profileName: String

    /// Creates the provider.
    package init(
        source: any CredentialProvider, request: AssumeRoleRequest, region: String, roleAssumer: any RoleAssuming,
        time: TimeSource, profileName: String
    ) {
        self.source = source
        self.request = request
        self.region = region
        self.roleAssumer = roleAssumer
        self.time = time
        self.profileName = profileName
    }

    /// `profile:NAME (assume-role)`.
    package var name: String { "profile:\(profileName) (assume-role)" }

    /// Gets the source credentials and assumes the role with them.
    package func credentials() async throws -> Credentials {
        let sourceCredentials: Credentials
        do {
            sourceCredentials = try await source.credentials()
        } catch let error as CredentialsError where error.isNotFound {
            throw CredentialsError.failed(
                provider: name, message: "its source \(source.name) has no credentials: configure the source first")
        }
        try sourceCredentials.refuseIfExpired(now: time.now())
        var call = request
        if call.sessionName.isEmpty { call.sessionName = defaultSessionName(time) }
        var credentials = try await reachingSTS(provider: name) {
            try await roleAssumer.assumeRole(call, using: sourceCredentials, region: region)
        }
        credentials.source = name
        return credentials
    }
}
