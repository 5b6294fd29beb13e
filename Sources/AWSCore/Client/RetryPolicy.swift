import Foundation

/// Why an attempt failed, as far as retrying is concerned.
package enum AttemptFailure: Sendable, Equatable {
    /// AWS answered with an error.
    case service(code: String, status: Int)
    /// The transport failed (timeout, reset, refused).
    case transport(TransportError)
}

/// The SDKs' "standard" retry mode as pure decisions: which failures are retryable and how long
/// to wait. See the AWS SDKs and Tools Reference Guide, "Retry behavior" (standard mode).
package struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (`AWS_MAX_ATTEMPTS`, profile `max_attempts`; default 3).
    package var maxAttempts: Int
    /// The cap on one backoff (20 s in standard mode).
    package var maxBackoff: Duration
    /// The base of the exponential backoff (1 s in standard mode).
    package var base: Duration

    /// Creates a policy.
    package init(maxAttempts: Int = 3, maxBackoff: Duration = .seconds(20), base: Duration = .seconds(1)) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.base = base
    }

    /// Error codes AWS services use for throttling, whatever the HTTP status.
    package static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Error codes that mean a transient server-side problem.
    package static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
        "ServiceUnavailable", "ServiceUnavailableException", "ServiceException",
    ]

    /// True when the failure is worth another attempt; `serviceCodes` are the service's own
    /// throttling codes (`ServiceDescriptor.throttlingCodes`).
    package static func isRetryable(_ failure: AttemptFailure, serviceCodes: Set<String> = []) -> Bool {
        switch failure {
        case .transport:
            return true
        case .service(let code, let status):
            if throttlingCodes.contains(code) || serviceCodes.contains(code) || transientCodes.contains(code) {
                return true
            }
            return status == 429 || status == 500 || status == 502 || status == 503 || status == 504
        }
    }

    /// True when the failure is a throttling answer (standard or one of `serviceCodes`).
    package static func isThrottling(_ failure: AttemptFailure, serviceCodes: Set<String> = []) -> Bool {
        if case .service(let code, let status) = failure {
            return throttlingCodes.contains(code) || serviceCodes.contains(code) || status == 429
        }
        return false
    }

    /// How long to wait before attempt `attempt + 1`, or nil when no further attempt is due.
    /// `jitter` is a random number in 0..<1 (injected so tests are exact); `throttlingCodes`
    /// are the service's own (its descriptor's), on top of the standard ones.
    package func delay(
        after attempt: Int, for failure: AttemptFailure, jitter: Double, throttlingCodes: Set<String> = []
    ) -> Duration? {
        guard attempt < maxAttempts, Self.isRetryable(failure, serviceCodes: throttlingCodes) else { return nil }
        let exponent = min(attempt - 1, 30)
        let ceiling = base * Double(1 << exponent)
        let capped = min(ceiling, maxBackoff)
        return capped * max(0, min(jitter, 1))
    }
}

/// The standard mode's retry quota: retries spend tokens, successes refill them, so a dead
/// endpoint does not multiply traffic. Shared by every client of one process.
package actor RetryQuota {
    /// Tokens now available.
    package private(set) var available: Int
    private let capacity: Int

    /// The cost of retrying after a timeout or connection failure.
    package static let timeoutCost = 10
    /// The cost of retrying after any other retryable failure.
    package static let retryCost = 5

    /// Creates a quota with `capacity` tokens (500 in the SDKs).
    package init(capacity: Int = 500) {
        self.capacity = capacity
        self.available = capacity
    }

    /// Takes the tokens for one retry; returns the amount taken, or nil when the quota is spent.
    package func acquire(for failure: AttemptFailure) -> Int? {
        let cost: Int
        if case .transport = failure { cost = Self.timeoutCost } else { cost = Self.retryCost }
        guard available >= cost else { return nil }
        available -= cost
        return cost
    }

    /// Gives back `amount` after a retried request succeeded, or 1 after a first-try success.
    package func release(_ amount: Int) {
        available = min(capacity, available + amount)
    }
}
