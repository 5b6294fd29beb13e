import Foundation

/// What a path names.
package enum FileKind: Sendable, Equatable {
    /// A regular file (or anything else that is not a directory).
    case file
    /// A directory.
    case directory
}

/// The few file operations the use cases and the credential providers need, passed in by the
/// composition root so nothing below the CLI reaches for `FileManager.default`. The real one is
/// `LocalFileSystem`; tests hand in an in-memory one (`AWSTestSupport`).
package protocol FileSystemView: Sendable {
    /// What is at `path` (symlinks followed); nil when nothing is.
    func kind(at path: String) -> FileKind?
    /// True when the file at `path` can be read.
    func isReadable(at path: String) -> Bool
    /// The whole file; nil when it cannot be read.
    func contents(at path: String) -> Data?
    /// Up to `count` bytes from the start of the file; nil when it cannot be read.
    func prefix(_ count: Int, at path: String) -> Data?
    /// Hands the file to `body` in chunks of at most `chunkSize` bytes, in order; false when it
    /// cannot be opened.
    func read(_ path: String, chunkSize: Int, _ body: (Data) throws -> Void) throws -> Bool
    /// Replaces the file at `path` with `data` in one step (a temporary file renamed over it),
    /// readable and writable by the owner only; false when it cannot be written.
    func replaceOwnerOnly(_ path: String, with data: Data) -> Bool
}
