import AWSCore
import AWSLambda
import Foundation

/// The waiter every event-source-mapping change goes through: polls GetEventSourceMapping while
/// the mapping is in transition (`Creating`, `Enabling`, `Updating`, `Disabling`, `Deleting`),
/// with capped exponential backoff and a deadline on the injected clock, and stops at once when
/// it settles in a state it should not (`Disabled` when it should poll), with AWS's
/// `StateTransitionReason`. `mutate` waits first and waits out a `ResourceInUseException`.
package struct MappingWaiter: Sendable {
    /// The Lambda client.
    package var lambda: LambdaClient
    /// The clock and sleep.
    package var time: TimeSource
    /// How long to wait in all.
    package var timeout: Duration
    /// The first delay between polls.
    package var initialDelay: Duration
    /// The largest delay between polls.
    package var maxDelay: Duration
    /// How many `ResourceInUseException`s `mutate` waits out before giving up.
    package var maxInUseRetries: Int
    /// Receives progress lines for stderr.
    package var progress: @Sendable (String) -> Void

    /// Creates a waiter.
    package init(
        lambda: LambdaClient, time: TimeSource, timeout: Duration = .seconds(600), initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(5), maxInUseRetries: Int = 5, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.lambda = lambda
        self.time = time
        self.timeout = timeout
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxInUseRetries = maxInUseRetries
        self.progress = progress
    }

    /// The states a mapping passes through on its way to `Enabled`, `Disabled` or gone.
    package static let transitional: Set<String> = ["Creating", "Enabling", "Updating", "Disabling", "Deleting"]

    /// Where a mapping stands (pure).
    package enum Readiness: Equatable, Sendable {
        /// Settled: it can take the next change.
        case ready
        /// In transition; the text is the state.
        case busy(String)
        /// Settled where it should not be.
        case failed(LifecycleError)
    }

    /// Decides from the mapping alone. `enabled` is what the last change asked for (nil: either
    /// settled state will do): a mapping asked to poll that settles `Disabled` failed, and the
    /// error says why in AWS's words (e.g. the role may not read the queue).
    package static func readiness(of mapping: EventSourceMapping, enabled: Bool? = nil) -> Readiness {
        let state = mapping.state ?? "Enabled"
        if transitional.contains(state) { return .busy(state) }
        if state == "Disabled", enabled == true {
            var text = "event source mapping \(mapping.uuid) ended Disabled"
            if let source = mapping.eventSourceARN { text += " (\(source))" }
            if let reason = mapping.stateTransitionReason, !reason.isEmpty { text += ": \(reason)" }
            return .failed(LifecycleError(.waitFailed, text))
        }
        return .ready
    }

    /// The delay before poll number `attempt + 1` (pure): `initialDelay` doubling up to `maxDelay`.
    package func delay(afterAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(attempt, 1) where delay < maxDelay { delay = delay * 2 }
        return min(delay, maxDelay)
    }

    /// Polls until the mapping settles and returns it; `current` is a mapping already in hand
    /// (e.g. a create's answer). Throws `.waitFailed` on a wrong settled state, a mapping that
    /// vanished, or the deadline.
    @discardableResult
    package func waitUntilSettled(_ uuid: String, enabled: Bool? = nil, current: EventSourceMapping? = nil) async throws
        -> EventSourceMapping
    {
        try await poll(uuid, current: current) { mapping in
            guard let mapping else {
                throw LifecycleError(.waitFailed, "event source mapping \(uuid) disappeared while lambdactl waited for it")
            }
            switch Self.readiness(of: mapping, enabled: enabled) {
            case .ready: return (mapping, nil)
            case .busy(let state): return (nil, state)
            case .failed(let error): throw error
            }
        }
    }

    /// Polls until the mapping is gone (GetEventSourceMapping answers 404) after a delete.
    package func waitUntilDeleted(_ uuid: String) async throws {
        _ = try await poll(uuid, current: nil) { mapping -> (EventSourceMapping?, String?) in
            guard let mapping else { return (EventSourceMapping(uuid: uuid), nil) }
            return (nil, mapping.state ?? "Deleting")
        }
    }

    /// Waits until the mapping is settled, then runs `call`; a `ResourceInUseException` (someone
    /// else's change started meanwhile) is waited out and retried up to `maxInUseRetries` times.
    package func mutate<Result: Sendable>(_ uuid: String, _ call: () async throws -> Result) async throws -> Result {
        var retries = 0
        while true {
            try await waitUntilSettled(uuid)
            do {
                return try await call()
            } catch let error as AWSServiceError where error.code == "ResourceInUseException" && retries < maxInUseRetries {
                retries += 1
                progress("mapping \(uuid) is busy (\(error.code)); waiting and trying again (\(retries)/\(maxInUseRetries))")
            }
        }
    }

    /// The polling loop: `decide` answers a result to stop with, or the state still in progress.
    private func poll(
        _ uuid: String, current: EventSourceMapping?,
        decide: (EventSourceMapping?) throws -> (EventSourceMapping?, String?)
    ) async throws -> EventSourceMapping {
        let start = time.now()
        var seen: EventSourceMapping?? = current.map { .some($0) }
        var attempt = 0
        var lastReport = ""
        while true {
            let status: String
            if let mapping = seen {
                let (done, busy) = try decide(mapping)
                if let done { return done }
                status = busy ?? "?"
            } else {
                do {
                    seen = .some(try await lambda.getEventSourceMapping(uuid: uuid))
                    continue
                } catch let error as AWSServiceError where RetryPolicy.isThrottling(.service(code: error.code, status: error.status)) {
                    status = "throttled"
                }
            }
            attempt += 1
            let elapsed = time.now().timeIntervalSince(start)
            let remaining = FunctionWaiter.seconds(timeout) - elapsed
            guard remaining > 0 else {
                throw LifecycleError(
                    .waitFailed,
                    "gave up waiting after \(DurationText.format(seconds: elapsed)) for event source mapping \(uuid) "
                        + "(still \(status))", hint: .raiseWaitTimeout)
            }
            let report = "waiting for event source mapping \(uuid)… \(status) \(DurationText.format(seconds: elapsed))"
            if report != lastReport { progress(report) }
            lastReport = report
            try await time.sleep(min(delay(afterAttempt: attempt), .milliseconds(Int64((remaining * 1000).rounded(.up)))))
            seen = nil
        }
    }
}
