import Foundation

/// Packages each directory once per deploy: the plan hashes it, and the use cases that upload
/// it (create, update-code, publish-layer) get the same zip instead of building it again.
public actor PackageCache: CodePackager {
    /// The packager that builds a zip on a miss.
    private let base: any CodePackager
    /// Built artifacts by directory path.
    private var built: [String: CodeArtifact] = [:]

    /// Creates a cache over `base`.
    public init(wrapping base: any CodePackager) {
        self.base = base
    }

    /// The artifact for `path`, built on first use.
    public func package(directory path: String) async throws -> CodeArtifact {
        try await package(directory: path, includes: [])
    }

    /// The artifact for `path` with `includes`, built on first use.
    public func package(directory path: String, includes: [String]) async throws -> CodeArtifact {
        let key = ([path] + includes).joined(separator: "\u{0}")
        if let artifact = built[key] { return artifact }
        let artifact = includes.isEmpty
            ? try await base.package(directory: path) : try await base.package(directory: path, includes: includes)
        built[key] = artifact
        return artifact
    }
}
