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

/// A region, endpoint or setting that could not be resolved or is invalid. The problems that
/// concern an explicit setting are values (`Problem`), worded by the caller (`message(_:)`).
package struct ConfigurationError: CategorizedError, CustomStringConvertible, Equatable {
    /// What is wrong.
    package enum Problem: Sendable, Equatable {
        /// A sentence that names no explicit setting.
        case message(String)
        /// No region anywhere.
        case noRegion
        /// A region that is not shaped like a region name.
        case notARegionName(String)
        /// A region in no partition, with no endpoint URL configured.
        case unknownRegion(String)
        /// An endpoint URL that is not http(s); `origin` says where it was set.
        case notAnEndpointURL(String, origin: EndpointURLOrigin)
    }

    /// What is wrong.
    package var problem: Problem

    /// Creates an error with `message`.
    package init(_ message: String) {
        problem = .message(message)
    }

    /// Creates an error for `problem`.
    package init(_ problem: Problem) {
        self.problem = problem
    }

    /// Always `.configuration`.
    package var category: ErrorCategory { .configuration }

    /// The one-line sentence, saying what to do, with explicit settings named by `naming`.
    package func message(_ naming: some SettingNaming) -> String {
        switch problem {
        case .message(let text):
            text
        case .noRegion:
            "no region: pass \(naming.name(.region)), set AWS_REGION, or add region to your profile"
        case .notARegionName(let region):
            "region '\(region)' is not a region name like us-east-1: fix \(naming.name(.region)) or AWS_REGION"
        case .unknownRegion(let region):
            "no such region '\(region)' (check \(naming.name(.region)) / AWS_REGION)"
        case .notAnEndpointURL(let text, let origin):
            "\(origin.text(naming)) is '\(text)', not an http(s) URL: use a URL like https://host:port/path"
        }
    }

    package var description: String { message(PlainSettingNaming()) }
}
