import Foundation

/// A shared config or credentials file that exists but cannot be used.
package enum ConfigFileError: CategorizedError, CustomStringConvertible, Equatable {
    /// A line that is neither a comment, a `[section]` nor `key = value`.
    case malformed(path: String, line: Int, reason: String)
    /// The file exists but could not be read (permissions, not UTF-8, a directory).
    case unreadable(path: String, reason: String)

    /// Always `.configuration`.
    package var category: ErrorCategory { .configuration }

    package var description: String {
        switch self {
        case .malformed(let path, let line, let reason):
            return "\(path) line \(line): \(reason)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason); fix its permissions or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere"
        }
    }
}

/// A region, endpoint or setting that could not be resolved or is invalid.
package struct ConfigurationError: CategorizedError, CustomStringConvertible, Equatable {
    /// The one-line message, saying what to do.
    package var message: String

    /// Creates an error with `message`.
    package init(_ message: String) {
        self.message = message
    }

    /// Always `.configuration`.
    package var category: ErrorCategory { .configuration }

    package var description: String { message }
}
