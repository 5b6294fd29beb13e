import AWSTestSupport
import Foundation
@testable import AWSCore

/// An AWSClient over `transport` for the signing name `lambda`, with `StaticCredentials`; `time`
/// replaces `clock` when given (the virtual time of concurrent tests).
func makeClient(
    _ transport: ScriptedTransport, clock: ManualClock = ManualClock(), maxAttempts: Int = 3,
    quota: RetryQuota = RetryQuota(), jitter: Double = 0.5, debug: (@Sendable (String) -> Void)? = nil,
    protocol serviceProtocol: AWSProtocol = .restJSON, time: TimeSource? = nil,
    rateLimiter: SendRateLimiter = SendRateLimiter()
) -> AWSClient {
    let context = ClientContext(
        transport: transport, credentials: StaticCredentials(), retryPolicy: RetryPolicy(maxAttempts: maxAttempts),
        quota: quota, rateLimiter: rateLimiter, time: time ?? clock.timeSource, jitter: { jitter }, debug: debug)
    return AWSClient(
        context: context,
        endpoint: ServiceEndpoint(host: "lambda.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "lambda"),
        serviceProtocol: serviceProtocol)
}
