import Foundation

/// The process environment captured once and passed in, so code below the CLI never reads
/// `ProcessInfo` itself and tests pass a fixed one.
public struct EnvironmentSnapshot: Sendable, Equatable {
    /// The environment variables.
    public var variables: [String: String]
    /// The user's home directory, for `~/.aws/`.
    public var homeDirectory: String

    /// Creates a snapshot from explicit values.
    public init(variables: [String: String], homeDirectory: String? = nil) {
        self.variables = variables
        self.homeDirectory = homeDirectory ?? variables["HOME"] ?? NSHomeDirectory()
    }

    /// The running process's environment.
    public static func current() -> EnvironmentSnapshot {
        EnvironmentSnapshot(variables: ProcessInfo.processInfo.environment)
    }

    /// The value of `name` when set and not empty.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Time and sleeping, injected so that tests run on fixed clocks without waiting.
public struct TimeSource: Sendable {
    /// The current wall-clock time.
    public var now: @Sendable () -> Date
    /// Suspends for `duration` (throws when the task is cancelled).
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a time source from closures.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The real clock.
    public static let system = TimeSource(
        now: { Date() },
        sleep: { try await Task.sleep(for: $0) })
}
