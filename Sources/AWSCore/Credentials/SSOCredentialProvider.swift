import COpenSSL
import Foundation

/// Where an IAM Identity Center profile's token and role come from, read from the shared config.
public struct SSOSettings: Sendable, Equatable {
    /// The profile, for the `aws sso login --profile` hint.
    public var profileName: String
    /// The portal's start URL.
    public var startURL: String
    /// The Identity Center region.
    public var region: String
    /// The `sso_session` name, nil for a legacy profile.
    public var sessionName: String?
    /// `sso_account_id`.
    public var accountID: String
    /// `sso_role_name`.
    public var roleName: String

    /// The file name (without `.json`) of the cached token: SHA-1 hex of the session name, or of
    /// the start URL for legacy profiles.
    public var cacheKey: String { SHA1.hex(of: sessionName ?? startURL) }

    /// Reads the settings of `profile`; nil when it has no SSO keys at all.
    public static func from(profile: ConfigSection, config: SharedConfig) throws -> SSOSettings? {
        let fail = { (message: String) in CredentialsError.failed(provider: "profile:\(profile.name) (sso)", message: message) }
        var startURL = profile["sso_start_url"]
        var region = profile["sso_region"]
        let sessionName = profile["sso_session"]
        if let sessionName {
            guard let session = config.ssoSessions[sessionName] else {
                throw fail("sso_session '\(sessionName)' has no [sso-session \(sessionName)] section in \(config.configPath)")
            }
            startURL = session["sso_start_url"] ?? startURL
            region = session["sso_region"] ?? region
        } else if startURL == nil {
            return nil
        }
        guard let startURL, let region else {
            throw fail("needs sso_start_url and sso_region: run `aws configure sso --profile \(profile.name)`")
        }
        guard let accountID = profile["sso_account_id"], let roleName = profile["sso_role_name"] else {
            throw fail("needs sso_account_id and sso_role_name: run `aws configure sso --profile \(profile.name)`")
        }
        return SSOSettings(
            profileName: profile.name, startURL: startURL, region: region, sessionName: sessionName,
            accountID: accountID, roleName: roleName)
    }
}

/// Exchanges the IAM Identity Center token that `aws sso login` cached under
/// `~/.aws/sso/cache/<sha1>.json` for role credentials (`GET /federation/credentials`, unsigned,
/// `x-amz-sso_bearer_token`). See IAM Identity Center Portal API Reference, GetRoleCredentials.
public struct SSOCredentialProvider: CredentialProvider {
    /// The profile's SSO settings.
    public let settings: SSOSettings
    /// The portal endpoint (`portal.sso.{region}.amazonaws.com`, or `AWS_ENDPOINT_URL_SSO`).
    public let endpoint: ServiceEndpoint
    /// The home directory holding `.aws/sso/cache`.
    public let homeDirectory: String
    /// The transport.
    public let transport: any HTTPTransport
    /// The clock, to check the token's expiry.
    public let time: TimeSource

    /// Creates the provider.
    public init(
        settings: SSOSettings, endpoint: ServiceEndpoint, homeDirectory: String, transport: any HTTPTransport,
        time: TimeSource
    ) {
        self.settings = settings
        self.endpoint = endpoint
        self.homeDirectory = homeDirectory
        self.transport = transport
        self.time = time
    }

    /// `profile:NAME (sso)`.
    public var name: String { "profile:\(settings.profileName) (sso)" }

    private var loginHint: String { "run `aws sso login --profile \(settings.profileName)`" }

    /// The cached token file's path.
    public var cachePath: String {
        let home = homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        return "\(home)/.aws/sso/cache/\(settings.cacheKey).json"
    }

    /// Reads the token and exchanges it.
    public func credentials() async throws -> Credentials {
        let token = try cachedToken()
        var request = HTTPRequest(
            method: "GET", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: endpoint.basePath + "/federation/credentials",
            query: [QueryItem("account_id", settings.accountID), QueryItem("role_name", settings.roleName)])
        request.headers.set("x-amz-sso_bearer_token", token)
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: .seconds(10))
        } catch let error as TransportError {
            throw CredentialsError.failed(provider: name, message: "cannot reach \(endpoint.urlString): \(error)")
        }
        if response.status == 401 || response.status == 403 {
            throw CredentialsError.failed(
                provider: name, message: "the SSO token was refused (HTTP \(response.status)): \(loginHint)")
        }
        guard response.status == 200 else {
            throw CredentialsError.failed(
                provider: name, message: "GetRoleCredentials answered HTTP \(response.status): check sso_account_id and sso_role_name")
        }
        return try parse(response.body)
    }

    /// The access token from the cache file, or an error telling the user to log in.
    func cachedToken() throws -> String {
        guard let data = FileManager.default.contents(atPath: cachePath) else {
            throw CredentialsError.failed(provider: name, message: "no cached SSO token: \(loginHint)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let token = object["accessToken"] as? String, let expiresText = object["expiresAt"] as? String
        else {
            throw CredentialsError.failed(provider: name, message: "the cached SSO token is unreadable: \(loginHint)")
        }
        guard let expiresAt = CredentialDocument.date(expiresText), expiresAt > time.now() else {
            throw CredentialsError.failed(provider: name, message: "the SSO token has expired: \(loginHint)")
        }
        return token
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

/// SHA-1, only for the SSO cache file name.
enum SHA1 {
    /// The lower-case hex SHA-1 of `text`'s UTF-8 bytes.
    static func hex(of text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { buffer in
            COpenSSL.SHA1(buffer.baseAddress, buffer.count, &digest)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
