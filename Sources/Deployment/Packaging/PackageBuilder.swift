import AWSCore
import ZipArchive

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What to package and how.
package struct PackageRequest: Sendable, Equatable {
    /// Directories (contents go to the archive root) and files (stored under their base name).
    package var roots: [String]
    /// The zip file to write.
    package var output: String
    /// Extra gitignore-style patterns to leave out.
    package var excludes: [String]
    /// Patterns to put back although excluded (by default, `--exclude` or `.lambdaignore`).
    package var includes: [String]
    /// Compression level 0–9.
    package var level: Int
    /// Store symlink targets' content instead of links.
    package var followSymlinks: Bool
    /// The function's runtime, when known (`provided.al2023` requires `bootstrap`).
    package var runtime: String?
    /// A function package or a layer (decides the `extensions/` warning).
    package var kind: PackageKind

    /// Creates a request.
    package init(
        roots: [String], output: String, excludes: [String] = [], includes: [String] = [], level: Int = 6,
        followSymlinks: Bool = false, runtime: String? = nil, kind: PackageKind = .function
    ) {
        self.roots = roots
        self.output = output
        self.excludes = excludes
        self.includes = includes
        self.level = level
        self.followSymlinks = followSymlinks
        self.runtime = runtime
        self.kind = kind
    }
}

/// What was written.
package struct PackageResult: Sendable, Equatable {
    /// Where the zip is.
    package var path: String
    /// Number of entries.
    package var entries: Int
    /// Size of the zip.
    package var zippedBytes: UInt64
    /// Sum of the entries' sizes.
    package var unzippedBytes: UInt64
    /// Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`.
    package var codeSha256: String
    /// Things worth knowing that did not stop packaging.
    package var warnings: [PackageWarning]
}

/// Builds a deployment package: checks the inputs, writes the zip to a temporary file beside
/// the output and renames it into place only when everything succeeded.
package struct PackageBuilder: Sendable {
    /// Lambda's limit for a direct upload (zipped).
    package static let directUploadLimit: UInt64 = 50 * 1024 * 1024
    /// Lambda's limit for function and layers unzipped (262,144,000 bytes).
    package static let unzippedLimit: UInt64 = 262_144_000

    private let writerOptions: ZipWriterOptions
    /// Appended to the output's name for the file written before the rename (`.tmp-<pid>`):
    /// unique to the process, so two runs never write the same temporary file.
    private let temporarySuffix: String

    /// Creates a builder; `concurrency` defaults to the writer's.
    package init(concurrency: Int? = nil, temporarySuffix: String) {
        var options = ZipWriterOptions()
        if let concurrency { options.concurrency = concurrency }
        writerOptions = options
        self.temporarySuffix = temporarySuffix
    }

    /// Checks, scans and writes; `progress` gets uncompressed bytes done and total.
    package func build(
        _ request: PackageRequest, progress: (@Sendable (UInt64, UInt64) -> Void)? = nil
    ) async throws -> PackageResult {
        guard !request.roots.isEmpty else { throw PackagingError.noInputs }
        guard (0...9).contains(request.level) else { throw PackagingError.badLevel(request.level) }
        let output = try OutputLocation(request.output)
        try output.checkOutside(roots: request.roots)
        let tree: ScannedTree
        do {
            tree = try TreeScanner(
                policy: LambdaPackaging.archivePolicy, excludes: request.excludes, includes: request.includes, followSymlinks: request.followSymlinks).scan(roots: request.roots)
        } catch let error as ZipArchiveError {
            throw PackagingError.archive(error)
        }
        var warnings = try PackageChecks.check(tree, runtime: request.runtime, kind: request.kind)
        var options = writerOptions
        options.level = request.level
        let temporary = output.path + temporarySuffix
        let summary: ZipSummary
        do {
            summary = try await ZipWriter(options: options).write(tree.entries, to: temporary, progress: progress)
            guard rename(temporary, output.path) == 0 else {
                throw ZipArchiveError.writeFailed(path: output.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            if case ZipArchiveError.writeFailed(let path, let reason) = error, path == temporary {
                throw PackagingError.archive(.writeFailed(path: request.output, reason: reason))
            }
            if let error = error as? ZipArchiveError { throw PackagingError.archive(error) }
            throw error
        }
        if summary.zippedBytes > Self.directUploadLimit {
            warnings.append(.overDirectUpload(zippedBytes: summary.zippedBytes))
        }
        return PackageResult(
            path: request.output, entries: summary.entries, zippedBytes: summary.zippedBytes,
            unzippedBytes: summary.unzippedBytes, codeSha256: LambdaPackaging.codeSHA256(summary.sha256), warnings: warnings)
    }
}
