import Foundation

/// Packages `--code DIRECTORY` with the zip writer into this process's scratch directory,
/// so create-function, update-code and publish-layer take a directory as they take a zip.
public struct DirectoryPackager: CodePackager {
    /// Receives the packaging warnings (world-unreadable files, `extensions/` in a function, …).
    let warn: @Sendable (String) -> Void

    /// Creates a packager that reports warnings to `warn`.
    public init(warn: @escaping @Sendable (String) -> Void) {
        self.warn = warn
    }

    public func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        let output = try ScratchDirectory.create().appendingPathComponent("\(UUID().uuidString).zip").path
        let result = try await PackageBuilder().build(
            PackageRequest(roots: [path], output: output, includes: includes, kind: kind))
        for warning in result.warnings { warn(warning) }
        return try CodeArtifact.load(zipAt: result.path)
    }
}

/// A per-process folder under the temporary directory for packages built on the way to an
/// upload; removed when the command ends (`ScratchDirectory.remove()`).
public enum ScratchDirectory {
    /// `$TMPDIR/lambdactl-<pid>`.
    public static var url: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-\(getpid())")
    }

    /// Creates the folder (mode 0700) and returns it.
    static func create() throws -> URL {
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
    public static func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
