import Foundation

/// Time and sleeping, injected so that tests run on fixed clocks without waiting.
package struct TimeSource: Sendable {
    /// The current wall-clock time.
    package var now: @Sendable () -> Date
    /// Suspends for `duration` (throws when the task is cancelled).
    package var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a time source from closures.
    package init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }
}
