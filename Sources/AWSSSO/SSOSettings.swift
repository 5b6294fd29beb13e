import AWSCore
import COpenSSL
import Foundation

/// Where an IAM Identity Center profile's token and role come from, read from the shared config.
package struct SSOSettings: Sendable, Equatable {
    /// The profile, for the `aws sso login --profile` hint.
    package var profileName: String
    /// The portal's start URL.
    package var startURL: String
    /// The Identity Center region.
    package var region: String
    /// The `sso_session` name, nil for a legacy profile.
    package var sessionName: String?
    /// `sso_account_id`.
    package var accountID: String
    /// `sso_role_name`.
    package var roleName: String

    /// The file name (without `.json`) of the cached token: SHA-1 hex of the session name, or of
    /// the start URL for legacy profiles.
    package var cacheKey: String { SHA1.hex(of: sessionName ?? startURL) }

    /// Reads the settings of `profile`; nil when it has no SSO keys at all.
    package static func from(profile: ConfigSection, config: SharedConfig) throws -> SSOSettings? {
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
