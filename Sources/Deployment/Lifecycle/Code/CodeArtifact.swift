import AWSCore
import Foundation
import SigV4

/// A zip ready to upload: where it is, its size and its SHA-256, computed once.
package struct CodeArtifact: Sendable, Equatable {
    /// The zip file on disk.
    package var path: String
    /// Its size in bytes.
    package var size: Int64
    /// Its SHA-256.
    package var sha256: [UInt8]

    /// Creates an artifact from known values.
    package init(path: String, size: Int64, sha256: [UInt8]) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }

    /// Lambda's `CodeSha256`: the base64 of the SHA-256 of the zip bytes.
    package var codeSHA256: String { LambdaPackaging.codeSHA256(sha256) }

    /// Lower-case hex SHA-256 (S3 keys and `x-amz-content-sha256`).
    package var sha256Hex: String { sha256.map { String(format: "%02x", $0) }.joined() }

    /// Reads `path` in 1 MiB chunks and hashes it (OpenSSL EVP SHA-256, streamed).
    package static func load(zipAt path: String, files: any FileSystemView) throws -> CodeArtifact {
        var hasher = SHA256Hasher()
        var size: Int64 = 0
        let opened = try files.read(path, chunkSize: 1 << 20) { chunk in
            size += Int64(chunk.count)
            hasher.update(chunk)
        }
        guard opened else { throw LifecycleError(.unreadable(.code, path: path)) }
        return CodeArtifact(path: path, size: size, sha256: hasher.finalize())
    }
}

/// Turns a code directory into a zip artifact. The zip writer's implementation plugs in
/// here; `CodeLoader` uses whichever packager the composition root hands it.
package protocol CodePackager: Sendable {
    /// Packages the directory at `path` into a zip of `kind` (function or layer), with
    /// `includes` put back although excluded by default (config `include:`), and returns it.
    func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact
}

/// Resolves a code path: an existing `.zip` is hashed as it is; a directory goes through the
/// packager.
package struct CodeLoader: Sendable {
    /// Packages directories; nil when this build cannot package directories.
    package var packager: (any CodePackager)?
    /// Patterns put back into every directory package although excluded (config `include:`).
    package var includes: [String]
    /// Where code paths (and the deploy config's other files) are read.
    package var files: any FileSystemView

    /// Creates a loader.
    package init(packager: (any CodePackager)?, files: any FileSystemView, includes: [String] = []) {
        self.packager = packager
        self.files = files
        self.includes = includes
    }

    /// Checks `path` without reading it (before any mutating call).
    package func validate(_ path: String) throws {
        guard let kind = files.kind(at: path) else {
            throw LifecycleError(.missingPath(.code, path: path))
        }
        if kind == .directory {
            guard packager != nil else {
                throw LifecycleError(.directoryUnsupported(.code, path: path))
            }
        } else if !path.lowercased().hasSuffix(".zip") {
            throw LifecycleError(.notZip(.code, path: path))
        } else if !Self.hasZipSignature(path, files: files) {
            throw LifecycleError.localInput(
                "\(path) is named .zip but is not a zip archive (Lambda would refuse it); rebuild it or pass the directory")
        }
    }

    /// True when the file starts like a zip: a local file header (`PK\u{3}\u{4}`) or, for an
    /// empty archive, the end-of-central-directory record (`PK\u{5}\u{6}`).
    static func hasZipSignature(_ path: String, files: any FileSystemView) -> Bool {
        guard let head = files.prefix(4, at: path), head.count == 4 else { return false }
        let bytes = [UInt8](head)
        return bytes[0] == 0x50 && bytes[1] == 0x4B && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6))
    }

    /// The artifact for `path`; a directory is packaged as `kind` (a function unless told).
    package func load(_ path: String, kind: PackageKind = .function) async throws -> CodeArtifact {
        try validate(path)
        if files.kind(at: path) == .directory, let packager {
            return try await packager.package(directory: path, kind: kind, includes: includes)
        }
        return try CodeArtifact.load(zipAt: path, files: files)
    }
}
