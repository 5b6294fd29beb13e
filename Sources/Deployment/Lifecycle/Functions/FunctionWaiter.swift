import AWSCore
import AWSLambda
import Foundation

/// The one waiter: polls GetFunctionConfiguration until the function can take another change
/// (`State` Active or Inactive, `LastUpdateStatus` Successful), with capped exponential backoff
/// and a deadline, and stops at once on `Failed` with the reason Lambda gives. Every mutating
/// call goes through `mutate`, which waits first and retries a 409 `ResourceConflictException`.
package struct FunctionWaiter: Sendable {
    /// The Lambda client.
    package var lambda: LambdaClient
    /// The clock and sleep (the client context's, so tests run on a manual clock).
    package var time: TimeSource
    /// How long to wait in all before giving up (`--wait-timeout`).
    package var timeout: Duration
    /// The first delay between polls.
    package var initialDelay: Duration
    /// The largest delay between polls.
    package var maxDelay: Duration
    /// How many times a 409 conflict is waited out and retried before giving up.
    package var maxConflictRetries: Int
    /// Receives progress lines for stderr.
    package var progress: @Sendable (String) -> Void

    /// Creates a waiter.
    package init(
        lambda: LambdaClient, time: TimeSource, timeout: Duration = .seconds(600),
        initialDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(5), maxConflictRetries: Int = 5,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.lambda = lambda
        self.time = time
        self.timeout = timeout
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxConflictRetries = maxConflictRetries
        self.progress = progress
    }

    /// Where a function stands, decided from its configuration alone.
    package enum Readiness: Equatable, Sendable {
        /// It can take the next change.
        case ready
        /// Still settling; the text names the state (`Pending`, `InProgress`).
        case busy(String)
        /// Creation or the last update failed.
        case failed(LifecycleError)
    }

    /// Decides readiness from a configuration (pure). `beforeChange`: the question is whether the
    /// function can take a new change, and a previous update that failed does not block one (the
    /// function keeps running its last good settings, and a new update is how the user fixes it).
    package static func readiness(of configuration: FunctionConfiguration, beforeChange: Bool = false) -> Readiness {
        let name = configuration.functionName ?? "the function"
        let state = configuration.state ?? "Active"
        let update = configuration.lastUpdateStatus ?? "Successful"
        if state == "Failed" {
            return .failed(
                Self.failure(name, what: "State Failed", code: configuration.stateReasonCode,
                    reason: configuration.stateReason))
        }
        if update == "Failed" && !(beforeChange && (state == "Active" || state == "Inactive")) {
            return .failed(
                Self.failure(name, what: "LastUpdateStatus Failed", code: configuration.lastUpdateStatusReasonCode,
                    reason: configuration.lastUpdateStatusReason))
        }
        if state != "Active" && state != "Inactive" { return .busy(state) }
        if update != "Successful" && update != "Failed" { return .busy(update) }
        return .ready
    }

    static func failure(_ name: String, what: String, code: String?, reason: String?) -> LifecycleError {
        var text = "\(name): \(what)"
        if let code, !code.isEmpty { text += " (\(code))" }
        if let reason, !reason.isEmpty { text += ": \(reason)" }
        return LifecycleError(.waitFailed, text)
    }

    /// The delay before poll number `attempt + 1`: `initialDelay` doubling up to `maxDelay` (pure).
    package func delay(afterAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(attempt, 1) {
            delay = delay * 2
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }

    /// Polls until the function is ready and returns its configuration; throws `.waitFailed`
    /// on `Failed` (at once) or when the deadline passes. `beforeChange` as in `readiness`.
    @discardableResult
    package func waitUntilReady(_ function: String, current: FunctionConfiguration? = nil, beforeChange: Bool = false) async throws
        -> FunctionConfiguration
    {
        let start = time.now()
        var configuration = current
        var attempt = 0
        var lastReport = ""
        while true {
            let readiness: Readiness
            if let seen = configuration {
                readiness = Self.readiness(of: seen, beforeChange: beforeChange)
            } else {
                do {
                    let seen = try await lambda.getFunctionConfiguration(function)
                    configuration = seen
                    readiness = Self.readiness(of: seen, beforeChange: beforeChange)
                } catch let error as AWSServiceError where RetryPolicy.isThrottling(.service(code: error.code, status: error.status)) {
                    // Still throttled after the client's own retries: a wait has a deadline of
                    // its own, so keep polling (with the same backoff) instead of giving up.
                    readiness = .busy("throttled")
                }
            }
            switch readiness {
            case .ready:
                guard let seen = configuration else { continue }
                return seen
            case .failed(let error): throw error
            case .busy(let status):
                attempt += 1
                let elapsed = time.now().timeIntervalSince(start)
                let remaining = Self.seconds(timeout) - elapsed
                guard remaining > 0 else {
                    throw LifecycleError(
                        .waitFailed,
                        "gave up waiting after \(DurationText.format(seconds: elapsed)) for \(function) to become "
                            + "ready (still \(status))", hint: .raiseWaitTimeout)
                }
                // The last pause is cut to the deadline, so the whole budget is used and one
                // final poll happens at the deadline.
                let pause = min(delay(afterAttempt: attempt), .milliseconds(Int64((remaining * 1000).rounded(.up))))
                // One line per status and whole second, not one per poll; named, since an app's
                // functions wait side by side.
                let report = "\(function): waiting for update… \(status) \(DurationText.format(seconds: elapsed))"
                if report != lastReport { progress(report) }
                lastReport = report
                try await time.sleep(pause)
                configuration = nil
            }
        }
    }

    /// Waits until the function is ready, then runs `call`; a 409 conflict (someone else's
    /// update started meanwhile) is waited out and retried up to `maxConflictRetries` times.
    package func mutate<Result: Sendable>(
        _ function: String, current: FunctionConfiguration? = nil, _ call: () async throws -> Result
    ) async throws -> Result {
        var known = current
        var conflicts = 0
        while true {
            try await waitUntilReady(function, current: known, beforeChange: true)
            known = nil
            do {
                return try await call()
            } catch let error as AWSServiceError where error.isUpdateInProgress && conflicts < maxConflictRetries {
                conflicts += 1
                progress("\(function) is busy (\(error.code)); waiting and trying again (\(conflicts)/\(maxConflictRetries))")
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
