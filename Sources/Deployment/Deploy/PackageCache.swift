import Foundation

/// Packages each directory once per deploy: the plan hashes it, and the use cases that upload
/// it (create, update-code, publish-layer) get the same zip instead of building it again.
package actor PackageCache: CodePackager {
    /// The packager that builds a zip on a miss.
    private let base: any CodePackager
    /// Built artifacts by kind and directory path.
    private var built: [String: CodeArtifact] = [:]

    /// Creates a cache over `base`.
    package init(wrapping base: any CodePackager) {
        self.base = base
    }

    /// The artifact for `path`, built on first use.
    package func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        let key = (["\(kind.rawValue):\(path)"] + includes).joined(separator: "\u{0}")
        if let artifact = built[key] { return artifact }
        let artifact = try await base.package(directory: path, kind: kind, includes: includes)
        built[key] = artifact
        return artifact
    }
}
