import Foundation

/// The wire protocol of a service, which decides how a request body and an error look.
package enum AWSProtocol: Sendable, Equatable {
    /// REST with JSON bodies (Lambda, API Gateway v2).
    case restJSON
    /// `POST /` with `X-Amz-Target: <prefix>.<Operation>` and `application/x-amz-json-1.0`
    /// (SQS, DynamoDB).
    case json10(targetPrefix: String)
    /// `POST /` with `X-Amz-Target: <prefix>.<Operation>` and `application/x-amz-json-1.1` (Logs).
    case json11(targetPrefix: String)
    /// Form-encoded `Action=…&Version=…`, XML answers (IAM, STS).
    case query(version: String)
    /// REST with XML answers and S3's signing rules.
    case restXML
}

extension AWSProtocol {
    /// `1.0` or `1.1` for the JSON RPC protocols, nil for the others.
    package var jsonVersion: String? {
        switch self {
        case .json10: "1.0"
        case .json11: "1.1"
        case .restJSON, .query, .restXML: nil
        }
    }

    /// The `X-Amz-Target` prefix of the JSON RPC protocols, nil for the others.
    package var targetPrefix: String? {
        switch self {
        case .json10(let prefix), .json11(let prefix): prefix
        case .restJSON, .query, .restXML: nil
        }
    }

    /// Whether bodies are JSON (rest-json, json 1.0 and 1.1).
    package var takesJSON: Bool {
        switch self {
        case .restJSON, .json10, .json11: true
        case .query, .restXML: false
        }
    }
}

/// One API call before signing: what to send and how. Service clients build these.
package struct AWSOperation: Sendable {
    /// The operation name, for errors and `--debug` (e.g. `UpdateFunctionCode`).
    package var name: String
    /// The HTTP method.
    package var method: String
    /// The wire path below the endpoint's base path, percent-encoded once.
    package var path: String
    /// Query parameters (not encoded).
    package var query: [QueryItem]
    /// Extra headers (e.g. `X-Amz-Target`, `Content-Type`).
    package var headers: HTTPHeaders
    /// The body.
    package var body: HTTPBody
    /// True for the few calls AWS takes unsigned (AssumeRoleWithWebIdentity).
    package var unsigned: Bool

    /// Creates an operation.
    package init(
        name: String, method: String, path: String = "/", query: [QueryItem] = [],
        headers: HTTPHeaders = HTTPHeaders(), body: HTTPBody = .empty, unsigned: Bool = false
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.unsigned = unsigned
    }
}
