import Foundation

/// AWS credentials as a provider hands them out. `description` never shows the secret or token.
package struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// The access key id (not secret).
    package var accessKeyID: String
    /// The secret access key: never printed.
    package var secretAccessKey: String
    /// The session token of temporary credentials: never printed.
    package var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    package var expiration: Date?
    /// Which provider supplied them, for `whoami` (e.g. `environment`, `profile:dev (assume-role)`).
    package var source: String

    /// Creates credentials.
    package init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
        expiration: Date? = nil, source: String
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// True when they expire within `margin` of `now`.
    package func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    /// Throws a `.failed` error naming `source` when these credentials have already expired at
    /// `now`: a source that hands out dead credentials is misconfigured (or its clock is wrong).
    package func refuseIfExpired(now: Date) throws {
        guard let expiration, expiration <= now else { return }
        let stamp = ISO8601DateFormatter().string(from: expiration)
        let ago = Int(now.timeIntervalSince(expiration))
        throw CredentialsError.failed(
            provider: source,
            message: "returned credentials that expired at \(stamp) (\(ago) s ago): fix the source so it hands out fresh credentials, or check the clock")
    }

    package var description: String {
        "Credentials(accessKeyID: \(accessKeyID), source: \(source)\(expiration.map { ", expires: \($0)" } ?? ""))"
    }
}

/// Something that can produce credentials: the environment, a profile, STS, IMDS, …
package protocol CredentialProvider: Sendable {
    /// A short name for `whoami` and error messages.
    var name: String { get }
    /// Returns credentials, or throws `CredentialsError.notFound` when this provider has none
    /// (the chain then tries the next one) or another error when it has some but they fail.
    func credentials() async throws -> Credentials
}
