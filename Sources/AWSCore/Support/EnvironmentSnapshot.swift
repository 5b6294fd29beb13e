import Foundation

/// The process environment captured once and passed in, so code below the CLI never reads
/// `ProcessInfo` itself and tests pass a fixed one.
package struct EnvironmentSnapshot: Sendable, Equatable {
    /// The environment variables.
    package var variables: [String: String]
    /// The user's home directory, for `~/.aws/`.
    package var homeDirectory: String

    /// Creates a snapshot from explicit values.
    package init(variables: [String: String], homeDirectory: String? = nil) {
        self.variables = variables
        self.homeDirectory = homeDirectory ?? variables["HOME"] ?? NSHomeDirectory()
    }

    /// The running process's environment.
    package static func current() -> EnvironmentSnapshot {
        EnvironmentSnapshot(variables: ProcessInfo.processInfo.environment)
    }

    /// The value of `name` when set and not empty.
    package subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}

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

    /// The real clock.
    package static let system = TimeSource(
        now: { Date() },
        sleep: { try await Task.sleep(for: $0) })
}
