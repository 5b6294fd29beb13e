import Foundation

/// What every service client of one process shares: the transport, credentials, retry state
/// (quota and per-API send rates),
/// clock correction, time, randomness and the `--debug` sink. Built once in `AppEnvironment`.
package struct ClientContext: Sendable {
    /// The only way bytes leave the process.
    package var transport: HTTPTransport
    /// Where credentials come from (usually a cached chain).
    package var credentials: CredentialProvider
    /// Retry decisions.
    package var retryPolicy: RetryPolicy
    /// The shared retry quota.
    package var quota: RetryQuota
    /// The shared per-API send rates (limits nothing until AWS throttles an API).
    package var rateLimiter: SendRateLimiter
    /// The shared clock correction.
    package var skew: ClockSkew
    /// The clock and sleep.
    package var time: TimeSource
    /// A random number in 0..<1 for backoff jitter.
    package var jitter: @Sendable () -> Double
    /// Receives `--debug` lines (already redacted), or nil.
    package var debug: (@Sendable (String) -> Void)?
    /// The `User-Agent` header.
    package var userAgent: String
    /// The timeout of one attempt.
    package var timeout: Duration

    /// Creates a context; the clock is always the caller's (the CLI passes the system clock).
    package init(
        transport: HTTPTransport, credentials: CredentialProvider, retryPolicy: RetryPolicy = RetryPolicy(),
        quota: RetryQuota = RetryQuota(), rateLimiter: SendRateLimiter = SendRateLimiter(),
        skew: ClockSkew = ClockSkew(), time: TimeSource,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        debug: (@Sendable (String) -> Void)? = nil, userAgent: String = "lambdactl",
        timeout: Duration = .seconds(60)
    ) {
        self.transport = transport
        self.credentials = credentials
        self.retryPolicy = retryPolicy
        self.quota = quota
        self.rateLimiter = rateLimiter
        self.skew = skew
        self.time = time
        self.jitter = jitter
        self.debug = debug
        self.userAgent = userAgent
        self.timeout = timeout
    }
}

extension ClientContext {
    /// The same context with other credentials (for STS calls made on behalf of the chain).
    package func replacingCredentials(_ credentials: CredentialProvider) -> ClientContext {
        var copy = self
        copy.credentials = credentials
        return copy
    }
}
