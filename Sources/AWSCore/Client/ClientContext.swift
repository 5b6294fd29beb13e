import Foundation

/// What every service client of one process shares: the transport, credentials, retry state,
/// clock correction, time, randomness and the `--debug` sink. Built once in `AppEnvironment`.
public struct ClientContext: Sendable {
    /// The only way bytes leave the process.
    public var transport: HTTPTransport
    /// Where credentials come from (usually a cached chain).
    public var credentials: CredentialProvider
    /// Retry decisions.
    public var retryPolicy: RetryPolicy
    /// The shared retry quota.
    public var quota: RetryQuota
    /// The shared clock correction.
    public var skew: ClockSkew
    /// The clock and sleep.
    public var time: TimeSource
    /// A random number in 0..<1 for backoff jitter.
    public var jitter: @Sendable () -> Double
    /// Receives `--debug` lines (already redacted), or nil.
    public var debug: (@Sendable (String) -> Void)?
    /// The `User-Agent` header.
    public var userAgent: String
    /// The timeout of one attempt.
    public var timeout: Duration

    /// Creates a context.
    public init(
        transport: HTTPTransport, credentials: CredentialProvider, retryPolicy: RetryPolicy = RetryPolicy(),
        quota: RetryQuota = RetryQuota(), skew: ClockSkew = ClockSkew(), time: TimeSource = .system,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        debug: (@Sendable (String) -> Void)? = nil, userAgent: String = "lambdactl",
        timeout: Duration = .seconds(60)
    ) {
        self.transport = transport
        self.credentials = credentials
        self.retryPolicy = retryPolicy
        self.quota = quota
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
    public func replacingCredentials(_ credentials: CredentialProvider) -> ClientContext {
        var copy = self
        copy.credentials = credentials
        return copy
    }
}
