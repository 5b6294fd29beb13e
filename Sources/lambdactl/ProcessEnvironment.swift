import AWSCore
import Foundation

/// The running process's environment, captured once: the one place the CLI reads `ProcessInfo`.
/// `AppEnvironment` injects this snapshot below the CLI, and the CLI's own reads (colours, the
/// deploy config's `${VAR}`s) go through the same value.
enum ProcessEnvironment {
    /// The variables and the home directory (`HOME`, else the account's).
    static let snapshot: EnvironmentSnapshot = {
        let variables = ProcessInfo.processInfo.environment
        return EnvironmentSnapshot(variables: variables, homeDirectory: variables["HOME"] ?? NSHomeDirectory())
    }()
}
