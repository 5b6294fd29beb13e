import AWSCore
import Foundation

/// Packages a code directory with the zip writer into a scratch folder the caller provides,
/// so create-function, update-code and publish-layer take a directory as they take a zip.
package struct DirectoryPackager: CodePackager {
    /// Returns the folder to write packages into, creating it when needed (the composition
    /// root's; it also removes it when the command ends).
    let scratch: @Sendable () throws -> URL
    /// Receives the packaging warnings (world-unreadable files, `extensions/` in a function, …).
    let warn: @Sendable (PackageWarning) -> Void
    /// Where the written zip is read back to hash it.
    let files: any FileSystemView
    /// Appended to a zip's name while it is written (unique to the process).
    let temporarySuffix: String

    /// Creates a packager that writes into `scratch()` and reports warnings to `warn`.
    package init(
        scratch: @escaping @Sendable () throws -> URL, files: any FileSystemView, temporarySuffix: String,
        warn: @escaping @Sendable (PackageWarning) -> Void
    ) {
        self.scratch = scratch
        self.files = files
        self.temporarySuffix = temporarySuffix
        self.warn = warn
    }

    package func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        let output = try scratch().appendingPathComponent("\(UUID().uuidString).zip").path
        let result = try await PackageBuilder(temporarySuffix: temporarySuffix).build(
            PackageRequest(roots: [path], output: output, includes: includes, kind: kind))
        for warning in result.warnings { warn(warning) }
        return try CodeArtifact.load(zipAt: result.path, files: files)
    }
}
