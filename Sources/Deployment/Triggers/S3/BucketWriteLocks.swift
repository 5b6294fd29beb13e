/// One writer per bucket inside one lambdactl process: S3 has no conditional write, so two
/// read-modify-writes of one bucket's notification configuration at once would lose one.
/// Shared by every attach and detach a handler instance runs (a deploy of many functions).
package actor BucketWriteLocks {
    private var tails: [String: Task<Void, Never>] = [:]

    /// Creates an empty set of locks.
    package init() {}

    /// Runs `body` once every earlier body for `bucket` has finished.
    package func withLock<T: Sendable>(_ bucket: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tails[bucket]
        let task = Task<T, Error> {
            await previous?.value
            return try await body()
        }
        tails[bucket] = Task { _ = try? await task.value }
        return try await task.value
    }
}
