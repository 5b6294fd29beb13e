import Deployment
import Foundation

/// A per-process folder under the temporary directory for packages built on the way to an
/// upload; `main()` removes it when the command ends. The one adapter for the real scratch
/// folder: `DirectoryPackager` is handed `create` and never picks a path itself.
enum ScratchDirectory {
    /// `$TMPDIR/lambdactl-<pid>`.
    static var url: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-\(getpid())")
    }

    /// Creates the folder (mode 0700) and returns it.
    @Sendable static func create() throws -> URL {
        let url = url
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LifecycleError.localInput(
                "cannot create the scratch folder \(url.path): \(error.localizedDescription); set TMPDIR to a writable folder")
        }
        return url
    }

    /// Removes the folder and everything in it; nothing happens when it does not exist.
    static func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
