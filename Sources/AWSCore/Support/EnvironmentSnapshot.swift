import Foundation

/// The process environment captured once and passed in, so code below the CLI never reads
/// `ProcessInfo` itself and tests pass a fixed one.
package struct EnvironmentSnapshot: Sendable, Equatable {
    /// The environment variables.
    package var variables: [String: String]
    /// The user's home directory, for `~/.aws/`.
    package var homeDirectory: String

    /// Creates a snapshot from explicit values; the home directory defaults to `HOME`, else `/`.
    /// (The CLI's `ProcessEnvironment` reads the running process's.)
    package init(variables: [String: String], homeDirectory: String? = nil) {
        self.variables = variables
        self.homeDirectory = homeDirectory ?? variables["HOME"] ?? "/"
    }

    /// The value of `name` when set and not empty.
    package subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
