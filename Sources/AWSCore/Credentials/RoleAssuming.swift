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

/// The two STS calls role providers need. AWSSTS implements it; AWSCore only depends on the shape,
/// so the arrows keep pointing down.
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

/// Exchanges an OIDC token file (`AWS_WEB_IDENTITY_TOKEN_FILE` or the profile's
/// `web_identity_token_file`) for role credentials; the file is read fresh on every call because
/// CI systems rotate it.
package struct WebIdentityCredentialProvider: CredentialProvider {
    /// The role to assume.
    package let roleARN: String
    /// The token file.
    package let tokenFile: String
    /// `RoleSessionName`; nil → `lambdactl-<unix time>`.
    package let sessionName: String?
    /// `DurationSeconds`.
    package let durationSeconds: Int?
    /// The STS region.
    package let region: String
    /// The STS caller.
    package let roleAssumer: any RoleAssuming
    /// The clock.
    package let time: TimeSource
    /// `web-identity` or `profile:NAME (web-identity)`.
    package let name: String

    /// Creates the provider.
    package init(
        roleARN: String, tokenFile: String, sessionName: String?, durationSeconds: Int? = nil, region: String,
        roleAssumer: any RoleAssuming, time: TimeSource, name: String = "web-identity"
    ) {
        self.roleARN = roleARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.region = region
        self.roleAssumer = roleAssumer
        self.time = time
        self.name = name
    }

    /// The web identity provider the environment describes, nil when `AWS_ROLE_ARN` or the token file is unset.
    package static func fromEnvironment(
        _ environment: EnvironmentSnapshot, region: String, roleAssumer: any RoleAssuming, time: TimeSource
    ) -> WebIdentityCredentialProvider? {
        guard let roleARN = environment["AWS_ROLE_ARN"], let file = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] else {
            return nil
        }
        return WebIdentityCredentialProvider(
            roleARN: roleARN, tokenFile: SharedConfigLoader.expandTilde(file, environment),
            sessionName: environment["AWS_ROLE_SESSION_NAME"], region: region, roleAssumer: roleAssumer, time: time)
    }

    /// Reads the token and calls STS.
    package func credentials() async throws -> Credentials {
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw CredentialsError.failed(
                provider: name, message: "cannot read the web identity token file \(tokenFile): check AWS_WEB_IDENTITY_TOKEN_FILE")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw CredentialsError.failed(provider: name, message: "the web identity token file \(tokenFile) is empty")
        }
        let request = WebIdentityRequest(
            roleARN: roleARN, sessionName: sessionName ?? defaultSessionName(time), token: token,
            durationSeconds: durationSeconds)
        var credentials = try await reachingSTS(provider: name) {
            try await roleAssumer.assumeRoleWithWebIdentity(request, region: region)
        }
        credentials.source = name
        return credentials
    }
}
