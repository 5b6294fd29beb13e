import AWSCore
import Foundation

/// AWS Security Token Service over the query protocol (API version 2011-06-15).
package struct STSClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Creates a client for `endpoint`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .sts)
    }

    /// Who the credentials belong to.
    package func getCallerIdentity() async throws -> CallerIdentity {
        let document = try await client.query("GetCallerIdentity")
        guard let account = document.value("Account"), let arn = document.value("Arn") else {
            throw AWSResponseDecodingError(operation: "GetCallerIdentity", detail: "no Account or Arn in the answer")
        }
        return CallerIdentity(account: account, arn: arn, userID: document.value("UserId") ?? "")
    }

    /// Assumes `roleARN` with the client's credentials. See STS API Reference, AssumeRole.
    package func assumeRole(
        roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil
    ) async throws -> Credentials {
        var parameters = [("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        if let externalID { parameters.append(("ExternalId", externalID)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        let document = try await client.query("AssumeRole", parameters)
        return try Self.credentials(from: document, operation: "AssumeRole", source: "assume-role \(roleARN)")
    }

    /// Exchanges a web identity token (OIDC, e.g. GitHub Actions) for role credentials; sent
    /// unsigned, as AWS requires. See STS API Reference, AssumeRoleWithWebIdentity.
    package func assumeRoleWithWebIdentity(
        roleARN: String, sessionName: String, token: String, durationSeconds: Int? = nil
    ) async throws -> Credentials {
        var parameters = [("RoleArn", roleARN), ("RoleSessionName", sessionName), ("WebIdentityToken", token)]
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        let document = try await client.query("AssumeRoleWithWebIdentity", parameters, unsigned: true)
        return try Self.credentials(
            from: document, operation: "AssumeRoleWithWebIdentity", source: "web-identity \(roleARN)")
    }

    /// Reads `<Credentials>` from an STS answer.
    static func credentials(from document: XMLDocumentNode, operation: String, source: String) throws -> Credentials {
        guard let node = document.first("Credentials"), let keyID = node.value("AccessKeyId"),
            let secret = node.value("SecretAccessKey")
        else {
            throw AWSResponseDecodingError(operation: operation, detail: "no Credentials in the answer")
        }
        let expiration = node.value("Expiration").flatMap(ISO8601.parse)
        return Credentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: node.value("SessionToken"),
            expiration: expiration, source: source)
    }
}

/// The answer of GetCallerIdentity.
package struct CallerIdentity: Sendable, Codable, Equatable {
    /// The 12-digit account id.
    package var account: String
    /// The caller's ARN.
    package var arn: String
    /// The unique id of the user or role session.
    package var userID: String

    package init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

/// ISO 8601 timestamps as AWS writes them (`2026-11-23T12:00:00Z`, with or without fractions).
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
