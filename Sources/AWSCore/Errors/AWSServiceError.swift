/// An error answer from AWS: code, message, request id and HTTP status, printed as one line:
/// `ResourceConflictException: An update is in progress… (HTTP 409, request id 7c1e…)`.
package struct AWSServiceError: CategorizedError, CustomStringConvertible, Equatable {
    /// AWS's error code, e.g. `ResourceNotFoundException`.
    package var code: String
    /// AWS's message (may be empty).
    package var message: String
    /// The request id AWS assigned, when it sent one.
    package var requestID: String?
    /// The HTTP status.
    package var status: Int
    /// The operation that failed, e.g. `UpdateFunctionCode`.
    package var operation: String?
    /// True when the code is one of the service's own throttling codes
    /// (`ServiceDescriptor.throttlingCodes`; `AWSClient` sets it), so it counts as unavailable.
    package var isServiceThrottling = false

    /// Creates an error.
    package init(code: String, message: String, requestID: String?, status: Int, operation: String? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.status = status
        self.operation = operation
    }

    /// Codes that mean the credentials themselves are wrong, expired or unknown.
    package static let credentialCodes: Set<String> = [
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
        "InvalidSignatureException", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "IncompleteSignature",
        "InvalidToken", "AuthFailure", "RequestExpired", "RequestTimeTooSkewed",
    ]

    package var category: ErrorCategory {
        if code == "PreconditionFailedException" || status == 412 { return .conflict }
        if isServiceThrottling || RetryPolicy.isRetryable(.service(code: code, status: status)) { return .unavailable }
        if Self.credentialCodes.contains(code) { return .configuration }
        return .refused
    }

    package var description: String {
        var text = code
        if !message.isEmpty { text += ": " + message }
        var details = ["HTTP \(status)"]
        if let requestID, !requestID.isEmpty { details.append("request id \(requestID)") }
        if let operation { details.insert(operation, at: 0) }
        return text + " (" + details.joined(separator: ", ") + ")"
    }
}

/// A request that failed below HTTP on every attempt.
package struct AWSTransportFailure: CategorizedError, CustomStringConvertible {
    /// The last transport error.
    package var underlying: TransportError
    /// The operation.
    package var operation: String
    /// The endpoint it was sent to.
    package var endpoint: String
    /// Attempts made.
    package var attempts: Int

    /// Creates the failure.
    package init(underlying: TransportError, operation: String, endpoint: String, attempts: Int) {
        self.underlying = underlying
        self.operation = operation
        self.endpoint = endpoint
        self.attempts = attempts
    }

    package var category: ErrorCategory { .unavailable }

    package var description: String { message(PlainSettingNaming()) }

    /// The one line, with the explicit endpoint URL named by `naming`.
    package func message(_ naming: some SettingNaming) -> String {
        let reason: String
        switch underlying {
        case .cannotConnect(let detail): reason = "cannot connect (\(detail))"
        case .connectionLost(let detail): reason = "connection lost (\(detail))"
        case .timedOut: reason = "timed out"
        case .other(let detail): reason = detail
        }
        return "\(operation) to \(endpoint) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason); check the network, proxy settings and \(naming.name(.endpointURL))"
    }
}

/// An answer that arrived but could not be understood.
package struct AWSResponseDecodingError: CategorizedError, CustomStringConvertible {
    /// The operation.
    package var operation: String
    /// What was wrong.
    package var detail: String

    /// Creates the error.
    package init(operation: String, detail: String) {
        self.operation = operation
        self.detail = detail
    }

    /// Not a throttle or an outage: the answer arrived and retrying would read it the same way.
    package var category: ErrorCategory { .unexpected }
    package var description: String { "\(operation): could not read AWS's answer: \(detail)" }
}
