import AWSCore
import Foundation

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
    /// Where the token file is read.
    package let files: any FileSystemView
    /// `web-identity` or `profile:NAME (web-identity)`.
    package let name: String

    /// Creates the provider.
    package init(
        roleARN: String, tokenFile: String, sessionName: String?, durationSeconds: Int? = nil, region: String,
        roleAssumer: any RoleAssuming, time: TimeSource, files: any FileSystemView, name: String = "web-identity"
    ) {
        self.roleARN = roleARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.region = region
        self.roleAssumer = roleAssumer
        self.time = time
        self.files = files
        self.name = name
    }

    /// The web identity provider the environment describes, nil when `AWS_ROLE_ARN` or the token file is unset.
    package static func fromEnvironment(
        _ environment: EnvironmentSnapshot, region: String, roleAssumer: any RoleAssuming, time: TimeSource,
        files: any FileSystemView
    ) -> WebIdentityCredentialProvider? {
        guard let roleARN = environment["AWS_ROLE_ARN"], let file = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] else {
            return nil
        }
        return WebIdentityCredentialProvider(
            roleARN: roleARN, tokenFile: SharedConfigLoader.expandTilde(file, environment),
            sessionName: environment["AWS_ROLE_SESSION_NAME"], region: region, roleAssumer: roleAssumer, time: time,
            files: files)
    }

    /// Reads the token and calls STS.
    package func credentials() async throws -> Credentials {
        guard let data = files.contents(at: tokenFile) else {
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
