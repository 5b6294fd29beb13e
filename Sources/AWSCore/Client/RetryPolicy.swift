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
    /// Throttled attempts one call may make (default 10, never fewer than `maxAttempts`).
    ///
    /// Standard mode counts a throttle like any failure, so with 3 attempts a call that meets
    /// AWS's rate quota three times fails, and at 5 quota tokens a throttle, 100 throttled
    /// retries empty the shared retry quota: a 50-function deploy would fail on throttles
    /// alone. Here every throttling answer switches on the API's rate limiter
    /// (`SendRateLimiter`), which gives each retry its own send slot below the rate AWS took,
    /// so a throttled retry cannot multiply traffic and needs no backoff of its own. Hence:
    /// throttling answers do not use up `maxAttempts`, spend no retry-quota tokens and wait
    /// only for the limiter's slot; up to this many of them are retried per call. Other
    /// failures keep standard mode's limits, and `maxAttempts` 1 still means no retry at all.
    package var maxThrottledAttempts: Int

    /// Creates a policy.
    package init(
        maxAttempts: Int = 3, maxBackoff: Duration = .seconds(20), base: Duration = .seconds(1),
        maxThrottledAttempts: Int = 10
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.base = base
        self.maxThrottledAttempts = max(self.maxAttempts, maxThrottledAttempts)
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

    /// How long to wait before the next attempt of a call whose failed attempts so far are
    /// `tally` (this one included), or nil when no further attempt is due. Throttling answers
    /// have their own budget (`maxThrottledAttempts`) and no backoff, since the rate limiter,
    /// not the backoff, spaces them; other failures follow standard mode by their own count.
    package func delay(
        after tally: AttemptTally, for failure: AttemptFailure, jitter: Double, throttlingCodes: Set<String> = []
    ) -> Duration? {
        guard Self.isThrottling(failure, serviceCodes: throttlingCodes) else {
            return delay(after: max(1, tally.other), for: failure, jitter: jitter, throttlingCodes: throttlingCodes)
        }
        guard maxAttempts > 1, tally.throttled < maxThrottledAttempts else { return nil }
        return .zero
    }
}

/// The failed attempts of one call so far, by kind (see `RetryPolicy.delay(after:for:jitter:throttlingCodes:)`).
package struct AttemptTally: Sendable, Equatable {
    /// Attempts AWS answered with a throttle.
    package var throttled: Int
    /// Attempts that failed otherwise (errors, transport failures).
    package var other: Int

    /// Creates a tally.
    package init(throttled: Int = 0, other: Int = 0) {
        self.throttled = throttled
        self.other = other
    }

    /// Counts one more failed attempt.
    package mutating func count(_ failure: AttemptFailure, throttlingCodes: Set<String>) {
        if RetryPolicy.isThrottling(failure, serviceCodes: throttlingCodes) { throttled += 1 } else { other += 1 }
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
