import AWSCore
import Foundation

/// The environment part of `doctor`: credentials, region, each service's endpoint and probe,
/// proxy settings and the account's Lambda usage, with the findings they lead to.
package struct EnvironmentReport: Sendable, Equatable {
    /// One service's endpoint and whether its signed read-only probe succeeded.
    package struct ServiceCheck: Sendable, Encodable, Equatable {
        /// The service's command-line name.
        package var service: String
        /// Its endpoint URL.
        package var endpoint: String
        /// The probe operation.
        package var operation: String
        /// `ok`, `denied` or `failed`.
        package var status: String
        /// The error's one line when the probe did not succeed.
        package var detail: String?
    }

    /// The credential source (as `whoami` prints it).
    package var credentials: String
    /// When temporary credentials expire (ISO 8601), nil for long-term ones.
    package var expires: String?
    /// The region.
    package var region: String
    /// One entry per service.
    package var services: [ServiceCheck]
    /// Proxy settings in effect, credentials in proxy URLs removed.
    package var proxy: [String: String]
    /// The account's Lambda limits and usage lines, when GetAccountSettings answered.
    package var lambdaAccount: [String: String]
    /// What is wrong.
    package var findings: [DoctorFinding]
    /// The local clock against the last answer's `Date` header, nil when no answer carried one.
    package var clock: String?
}

/// One service's probe: a name, an endpoint and a cheap signed read-only call.
package struct ServiceProbe: Sendable {
    /// The service's command-line name.
    package var service: String
    /// Its endpoint URL.
    package var endpoint: String
    /// The operation the probe calls (named in reports and for AccessDenied).
    package var operation: String
    /// The IAM action the operation needs (`sqs:ListQueues`).
    package var action: String
    /// Sends the call.
    package var call: @Sendable () async throws -> Void

    /// Creates a probe.
    package init(service: String, endpoint: String, operation: String, action: String, call: @escaping @Sendable () async throws -> Void) {
        self.service = service
        self.endpoint = endpoint
        self.operation = operation
        self.action = action
        self.call = call
    }
}

/// Pure rules on the environment's facts.
package enum EnvironmentRules {
    /// Temporary credentials expiring this soon get a warning.
    package static let expiryWarning: TimeInterval = 15 * 60

    /// The finding for credentials expiring at `expiration`, judged at `now`.
    package static func expiry(_ expiration: Date?, now: Date) -> DoctorFinding? {
        guard let expiration else { return nil }
        let left = expiration.timeIntervalSince(now)
        if left <= 0 { return DoctorFinding(.error, "credentials-expired", "the credentials have expired", fix: .refreshCredentials) }
        guard left <= expiryWarning else { return nil }
        return DoctorFinding(.warning, "credentials-expire-soon", "the credentials expire in \(Int(left / 60)) minutes",
                             fix: .refreshCredentials)
    }

    /// The finding for one probe's failure.
    package static func probeFinding(service: String, action: String, error: Error) -> (status: String, finding: DoctorFinding) {
        if let service_ = error as? AWSServiceError, isDenied(service_.code) {
            return ("denied", DoctorFinding(.warning, "permission-missing", "\(service): credentials work but lack permission \(action)",
                                            fix: .grant(action: action)))
        }
        return ("failed", DoctorFinding(.error, "service-unreachable", "\(service): \(error)", fix: nil))
    }

    /// True for the codes AWS services use for a denied call.
    package static func isDenied(_ code: String) -> Bool {
        ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "AuthorizationErrorException"].contains(code)
    }

    /// Proxy variables in effect, with any `user:password@` removed from URLs.
    package static func proxySettings(_ environment: [String: String]) -> [String: String] {
        var found: [String: String] = [:]
        for key in ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            found[key] = redactUserInfo(value)
        }
        return found
    }

    /// `http://user:secret@host:3128` → `http://***@host:3128`.
    package static func redactUserInfo(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let schemeEnd = url.range(of: "://")?.upperBound ?? url.startIndex
        guard schemeEnd <= at else { return url }
        return String(url[..<schemeEnd]) + "***" + String(url[at...])
    }
}
