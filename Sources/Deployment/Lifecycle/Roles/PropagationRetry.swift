import AWSCore
import Foundation

/// Retries a call that AWS refuses while a role's new permission propagates: bounded, with
/// backoff (2 s doubling to 10 s), on the injected clock. Used for "The provided execution role
/// does not have permissions to call CreateNetworkInterface on EC2" after the VPC policy was
/// attached, as `FunctionCreator.create` does for a role that cannot be assumed yet.
package struct PropagationRetry: Sendable {
    /// The clock and sleep.
    package var time: TimeSource
    /// How long to keep trying.
    package var budget: Duration
    /// Progress lines.
    package var progress: @Sendable (String) -> Void

    /// Creates a retry.
    package init(time: TimeSource, budget: Duration = .seconds(90), progress: @escaping @Sendable (String) -> Void) {
        self.time = time
        self.budget = budget
        self.progress = progress
    }

    /// True for Lambda's refusal of a VPC function whose role cannot create network interfaces (yet).
    package static func isVPCPermissionError(_ error: AWSServiceError) -> Bool {
        error.code == "InvalidParameterValueException" && error.message.contains("CreateNetworkInterface")
    }

    /// The delay before attempt `attempt + 1` (pure): 2 s, 4 s, 8 s, then 10 s.
    package static func delay(afterAttempt attempt: Int) -> Duration {
        .seconds(min(2 << min(attempt, 4), 10))
    }

    /// Runs `body`, retrying errors `retryable` accepts until the budget would be exceeded.
    package func run<T: Sendable>(
        while retryable: @Sendable (AWSServiceError) -> Bool, _ body: () async throws -> T
    ) async throws -> T {
        let start = time.now()
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as AWSServiceError where retryable(error) {
                let delay = Self.delay(afterAttempt: attempt)
                let elapsed = time.now().timeIntervalSince(start)
                guard elapsed + FunctionWaiter.seconds(delay) <= FunctionWaiter.seconds(budget) else { throw error }
                progress("waiting for the role's new permissions to reach Lambda… \(DurationText.format(seconds: elapsed))")
                try await time.sleep(delay)
                attempt += 1
            }
        }
    }
}
