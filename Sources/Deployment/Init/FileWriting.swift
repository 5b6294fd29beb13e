import Foundation

/// The file writes `init` makes, handed in by the composition root so that Deployment never
/// reaches for the file system itself (the CLI's `LocalFileWriting`; tests may pass another).
package protocol FileWriting: Sendable {
    /// True when something is at `path`.
    func exists(_ path: String) -> Bool
    /// True when `path` is a directory with entries, or a file.
    func isTaken(_ path: String) -> Bool
    /// Creates the directory and its parents.
    func createDirectory(_ path: String) throws
    /// Writes `data` to `path` (replacing it) with the permission bits `permissions`.
    func write(_ data: Data, to path: String, permissions: Int) throws
    /// Creates a symbolic link at `path` to `target`.
    func createSymlink(_ path: String, to target: String) throws
}
