import Foundation

/// One file `init` writes: its path relative to the output file's directory, its text, and
/// whether it is executable (a custom runtime's `bootstrap`).
package struct InitFile: Sendable, Equatable {
    /// The path, relative to the directory of the config file written.
    package var path: String
    /// The content.
    package var contents: String
    /// Written with mode 0755 instead of 0644.
    package var executable: Bool
    /// Written with mode 0600 (an env file with the function's values).
    package var secret: Bool

    /// Creates a file.
    package init(path: String, contents: String, executable: Bool = false, secret: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
        self.secret = secret
    }
}

/// What `init` wrote (or would write): the files, with notes for the user (what to fill in,
/// what could not be expressed). Reported on stdout; the notes are also comments in the file.
package struct InitResult: Sendable, Equatable, Encodable {
    /// Paths written, the config file first.
    package var files: [String]
    /// The functions described.
    package var functions: [String]
    /// What the user should know: placeholders to fill in, what was left out and why.
    package var notes: [String]
    /// True when an app file names functions not yet tagged for the app: its first deploy adopts them.
    package var adopt: Bool

    /// Creates a result.
    package init(files: [String], functions: [String], notes: [String], adopt: Bool = false) {
        self.files = files
        self.functions = functions
        self.notes = notes
        self.adopt = adopt
    }
}

/// Writes `init`'s files through `FileWriting`: refuses, before writing anything, when one
/// exists and `overwrite` is off.
package struct InitWriter: Sendable {
    /// The directory relative paths are written under.
    package var directory: String
    /// Whether existing files may be replaced.
    package var overwrite: Bool
    /// The file writes.
    package var files: any FileWriting

    /// Creates a writer.
    package init(directory: String, overwrite: Bool, files: any FileWriting) {
        self.directory = directory
        self.overwrite = overwrite
        self.files = files
    }

    /// The absolute path of `relative`.
    package func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).standardizedFileURL.path
    }

    /// The first of `paths` that exists (when overwriting is off), for the refusal before any call.
    package func existing(_ paths: [String]) -> String? {
        guard !overwrite else { return nil }
        return paths.first { files.exists(path($0)) }
    }

    /// Writes every file, creating directories; throws a local-input error naming the file.
    package func write(_ written: [InitFile]) throws {
        if let taken = existing(written.map(\.path)) { throw InitError.exists(taken) }
        for file in written {
            let target = path(file.path)
            do {
                try files.createDirectory(URL(fileURLWithPath: target).deletingLastPathComponent().path)
                try files.write(Data(file.contents.utf8), to: target, permissions: file.executable ? 0o755 : file.secret ? 0o600 : 0o644)
            } catch {
                throw InitError.unwritable(target, reason: error.localizedDescription)
            }
        }
    }
}
