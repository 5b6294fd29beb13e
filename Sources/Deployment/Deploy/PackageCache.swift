import Foundation

/// Packages each directory once per deploy: the plan hashes it, and the use cases that upload
/// it (create, update-code, publish-layer) get the same zip instead of building it again.
package actor PackageCache: CodePackager {
    /// The packager that builds a zip on a miss.
    private let base: any CodePackager
    /// Artifacts by kind and directory path, built or being built: functions planned at once
    /// that share a directory wait for one zip instead of each building it.
    private var built: [String: Task<CodeArtifact, any Error>] = [:]

    /// Creates a cache over `base`.
    package init(wrapping base: any CodePackager) {
        self.base = base
    }

    /// The artifact for `path`, built on first use.
    package func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        let key = (["\(kind.rawValue):\(path)"] + includes).joined(separator: "\u{0}")
        if let building = built[key] { return try await building.value }
        let base = base
        let building = Task { try await base.package(directory: path, kind: kind, includes: includes) }
        built[key] = building
        do {
            return try await building.value
        } catch {
            built[key] = nil  // a failure is not cached: the next call tries again
            throw error
        }
    }
}
