import AWSCore

/// Why `init` stopped; each prints as one line that says what to do.
package struct InitError: CategorizedError, CustomStringConvertible, Equatable {
    /// Decides the exit code (`.usage`: 2, `.localInput`: 9, `.refused`: 4).
    package var category: ErrorCategory
    /// The line.
    package var message: String
    /// The file that exists, when that is the problem (the CLI words how to overwrite it).
    package var existing: String?

    /// Creates an error.
    package init(_ category: ErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    package var description: String { message }

    /// A file `init` would write exists (checked before any call).
    package static func exists(_ path: String) -> InitError {
        var error = InitError(.usage, "\(path) already exists; init does not overwrite it: move it away or choose another output file")
        error.existing = path
        return error
    }

    /// A file could not be written.
    static func unwritable(_ path: String, reason: String) -> InitError {
        InitError(.localInput, "cannot write \(path) (\(reason)); check the directory and its permissions")
    }
}
