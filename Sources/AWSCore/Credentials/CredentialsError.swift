import Foundation

/// Why a credential provider produced nothing. `notFound` lets the chain move on; every other
/// case stops it, because the user configured something that does not work.
package enum CredentialsError: CategorizedError, CustomStringConvertible, Equatable {
    /// This provider is not configured (e.g. no `AWS_ACCESS_KEY_ID`): try the next one.
    case notFound(provider: String)
    /// This provider is configured but failed; `message` is one line that says what to do.
    case failed(provider: String, message: String)
    /// The whole chain found nothing; `tried` names its providers in order.
    case noneFound(tried: [String])

    /// Always `.configuration`.
    package var category: ErrorCategory { .configuration }

    package var description: String { message(PlainSettingNaming()) }

    /// The one line, with the explicit profile named by `naming`.
    package func message(_ naming: some SettingNaming) -> String {
        switch self {
        case .notFound(let provider): return "no credentials from \(provider)"
        case .failed(let provider, let message): return "\(provider): \(message)"
        case .noneFound(let tried):
            return "credentials: none found (tried \(tried.joined(separator: ", "))): set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, pass \(naming.name(.profile)), or run `aws configure`"
        }
    }

    /// True for `.notFound`.
    package var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }
}

/// Decoding helpers for the JSON credential documents of the container endpoint, IMDS and
/// `credential_process`, which share the `AccessKeyId`/`SecretAccessKey`/`Token`/`Expiration` shape.
package enum CredentialDocument {
    /// Parses an ISO 8601 time with or without fractional seconds.
    package static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Credentials from a JSON object using `tokenKey` for the session token.
    static func credentials(
        from data: Data, tokenKey: String, provider: String, source: String
    ) throws -> Credentials {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CredentialsError.failed(provider: provider, message: "the answer is not a JSON object")
        }
        guard let keyID = object["AccessKeyId"] as? String, !keyID.isEmpty,
            let secret = object["SecretAccessKey"] as? String, !secret.isEmpty
        else {
            throw CredentialsError.failed(provider: provider, message: "the answer has no AccessKeyId or SecretAccessKey")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let parsed = date(text) else {
                throw CredentialsError.failed(provider: provider, message: "Expiration '\(text)' is not an ISO 8601 time")
            }
            expiration = parsed
        }
        let token = (object[tokenKey] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return Credentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: token, expiration: expiration, source: source)
    }
}
