import Foundation

/// One API as far as AWS's rate quotas go: an endpoint and an operation name. Quotas are per
/// region and per API, so `UpdateFunctionCode` in one region is limited apart from
/// `UpdateFunctionConfiguration` and from the same call in another region.
package struct RateLimitedAPI: Hashable, Sendable {
    /// The endpoint's URL (scheme, host, port, base path).
    package var endpoint: String
    /// The operation name.
    package var operation: String

    /// Creates the key of one API.
    package init(endpoint: String, operation: String) {
        self.endpoint = endpoint
        self.operation = operation
    }
}

/// The send rates of every API this process calls, shared by every client and task (held in
/// `ClientContext`, like `RetryQuota`). An API AWS has not throttled passes at full speed; after
/// a throttle its sends are spaced below the measured rate and sped up again as answers come
/// (`SendRate` holds the decisions; this actor only keeps one per API).
package actor SendRateLimiter {
    private var apis: [RateLimitedAPI: SendRate] = [:]

    /// Creates a limiter that limits nothing yet.
    package init() {}

    /// Takes a send slot for `api` at `now` (seconds); returns the time to send at, which is
    /// `now` unless AWS has throttled this API.
    package func reserve(_ api: RateLimitedAPI, at now: Double) -> Double {
        apis[api, default: SendRate()].reserve(at: now)
    }

    /// Notes an answer from `api` (a throttle or not) to a request whose slot was taken at
    /// `reservedAt` (the `now` given to `reserve`).
    package func noteAnswer(_ api: RateLimitedAPI, throttled: Bool, reservedAt: Double, at now: Double) {
        apis[api, default: SendRate()].noteAnswer(throttled: throttled, reservedAt: reservedAt, at: now)
    }

    /// The state of one API (tests and `--debug`), nil when it was never called.
    package func state(of api: RateLimitedAPI) -> SendRate? {
        apis[api]
    }
}
