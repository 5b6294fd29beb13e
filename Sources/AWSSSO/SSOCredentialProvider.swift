import AWSCore
import Foundation

/// Exchanges the IAM Identity Center token that `aws sso login` cached under
/// `~/.aws/sso/cache/<sha1>.json` for role credentials (`GET /federation/credentials`, unsigned,
/// `x-amz-sso_bearer_token`). An expired token is first refreshed with its `refreshToken`
/// (sso-oidc `CreateToken`), as the SDKs do. See IAM Identity Center Portal API Reference,
/// GetRoleCredentials, and OIDC API Reference, CreateToken.
package struct SSOCredentialProvider: CredentialProvider {
    /// The profile's SSO settings.
    package let settings: SSOSettings
    /// The portal endpoint (`portal.sso.{region}.amazonaws.com`, or `AWS_ENDPOINT_URL_SSO`).
    package let endpoint: ServiceEndpoint
    /// The OIDC endpoint (`oidc.{region}.amazonaws.com`, or `AWS_ENDPOINT_URL_SSO_OIDC`).
    package let oidcEndpoint: ServiceEndpoint
    /// The home directory holding `.aws/sso/cache`.
    package let homeDirectory: String
    /// Where the token cache is read and rewritten.
    package let files: any FileSystemView
    /// The transport.
    package let transport: any HTTPTransport
    /// The clock, to check the token's expiry.
    package let time: TimeSource
    /// Receives `--debug` lines, or nil.
    package let debug: (@Sendable (String) -> Void)?

    /// Creates the provider; `oidcEndpoint` defaults to the region's `oidc` host.
    package init(
        settings: SSOSettings, endpoint: ServiceEndpoint, oidcEndpoint: ServiceEndpoint? = nil,
        homeDirectory: String, files: any FileSystemView, transport: any HTTPTransport, time: TimeSource,
        debug: (@Sendable (String) -> Void)? = nil
    ) {
        self.settings = settings
        self.endpoint = endpoint
        self.oidcEndpoint = oidcEndpoint
            ?? ServiceEndpoint(
                host: "oidc.\(settings.region).amazonaws.com", signingRegion: settings.region,
                signingName: ServiceDescriptor.ssoOIDC.signingName)
        self.homeDirectory = homeDirectory
        self.files = files
        self.transport = transport
        self.time = time
        self.debug = debug
    }

    /// `profile:NAME (sso)`.
    package var name: String { "profile:\(settings.profileName) (sso)" }

    var loginHint: String { "run `aws sso login --profile \(settings.profileName)`" }

    /// The cached token file's path.
    package var cachePath: String {
        let home = homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        return "\(home)/.aws/sso/cache/\(settings.cacheKey).json"
    }

    /// Reads (refreshing when expired) the token and exchanges it.
    package func credentials() async throws -> Credentials {
        let token = try await accessToken()
        var request = HTTPRequest(
            method: "GET", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: endpoint.basePath + "/federation/credentials",
            query: [QueryItem("account_id", settings.accountID), QueryItem("role_name", settings.roleName)])
        request.headers.set("x-amz-sso_bearer_token", token)
        let response: HTTPResponse
        do {
            response = try await MetadataFetch.send(
                request, via: transport, timeout: .seconds(10), attempts: 1, provider: name, debug: debug)
        } catch let error as TransportError {
            throw CredentialsError.failed(
                provider: name,
                message: "cannot reach the SSO portal at \(endpoint.urlString) (\(error.reason)): check sso_region, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL")
        }
        if response.status == 401 || response.status == 403 {
            throw CredentialsError.failed(
                provider: name,
                message: "the SSO portal at \(endpoint.urlString) refused the token (HTTP \(response.status); if that is not your portal, check AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL): \(loginHint)")
        }
        guard response.status == 200 else {
            throw CredentialsError.failed(
                provider: name,
                message: "GetRoleCredentials at \(endpoint.urlString) answered HTTP \(response.status): check sso_account_id and sso_role_name")
        }
        return try parse(response.body)
    }

    /// Credentials from the `roleCredentials` answer (expiration in milliseconds).
    func parse(_ body: Data) throws -> Credentials {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let role = object["roleCredentials"] as? [String: Any],
            let keyID = role["accessKeyId"] as? String, let secret = role["secretAccessKey"] as? String
        else {
            throw CredentialsError.failed(provider: name, message: "GetRoleCredentials answered without roleCredentials")
        }
        let expiration = (role["expiration"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue / 1000) }
        return Credentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: role["sessionToken"] as? String,
            expiration: expiration, source: name)
    }
}
