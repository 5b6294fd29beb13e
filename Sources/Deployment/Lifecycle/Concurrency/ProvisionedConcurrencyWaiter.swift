import AWSCore
import AWSLambda
import Foundation

/// Waits on provisioned concurrency's own status: polls GetProvisionedConcurrencyConfig until
/// `READY`, stops at once on `FAILED` with AWS's `StatusReason`, gives up at the deadline.
package struct ProvisionedConcurrencyWaiter: Sendable {
    /// The Lambda client.
    package var lambda: LambdaClient
    /// The clock and sleep.
    package var time: TimeSource
    /// How long to wait in all.
    package var timeout: Duration
    /// The pause between polls.
    package var pollInterval: Duration
    /// Progress lines for stderr.
    package var progress: @Sendable (String) -> Void

    /// Creates a waiter.
    package init(
        lambda: LambdaClient, time: TimeSource, timeout: Duration = .seconds(600), pollInterval: Duration = .seconds(1),
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.lambda = lambda
        self.time = time
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.progress = progress
    }

    /// Where an allocation stands (pure).
    package enum Outcome: Equatable, Sendable {
        case ready
        case busy(String)
        case failed(LifecycleError)
    }

    /// Decides from one config what the wait does next (pure).
    package static func outcome(of config: ProvisionedConcurrencyConfig?, target: String) -> Outcome {
        guard let config else {
            return .failed(LifecycleError(.waitFailed, "\(target): the provisioned-concurrency configuration disappeared while waiting"))
        }
        switch config.status {
        case ProvisionedConcurrencyStatus.ready: return .ready
        case ProvisionedConcurrencyStatus.failed:
            let reason = config.statusReason.flatMap { $0.isEmpty ? nil : $0 } ?? "AWS gave no reason"
            return .failed(LifecycleError(.waitFailed, "\(target): provisioned concurrency FAILED: \(reason)"))
        default: return .busy(config.status ?? "IN_PROGRESS")
        }
    }

    /// Polls until the qualifier's provisioned concurrency is READY and returns its config.
    @discardableResult
    package func waitUntilReady(_ function: String, qualifier: String, current: ProvisionedConcurrencyConfig? = nil)
        async throws -> ProvisionedConcurrencyConfig
    {
        let target = "\(function):\(qualifier)"
        let start = time.now()
        var seen = current
        var lastReport = ""
        while true {
            let config: ProvisionedConcurrencyConfig?
            if let known = seen { config = known } else {
                config = try await lambda.getProvisionedConcurrency(function, qualifier: qualifier)
            }
            seen = nil
            switch Self.outcome(of: config, target: target) {
            case .ready: return config ?? ProvisionedConcurrencyConfig(requested: nil, status: ProvisionedConcurrencyStatus.ready)
            case .failed(let error): throw error
            case .busy(let status):
                let elapsed = time.now().timeIntervalSince(start)
                guard elapsed < FunctionWaiter.seconds(timeout) else {
                    throw LifecycleError(
                        .waitFailed,
                        "gave up waiting after \(DurationText.format(seconds: elapsed)) for provisioned concurrency on "
                            + "\(target) (still \(status))", hint: .raiseWaitTimeout)
                }
                let allocated = "allocated \(config?.allocated ?? 0) of \(config?.requested ?? 0)"
                let report = "waiting for provisioned concurrency on \(target)… \(status) (\(allocated)) "
                    + DurationText.format(seconds: elapsed)
                if report != lastReport { progress(report) }
                lastReport = report
                try await time.sleep(pollInterval)
            }
        }
    }
}
