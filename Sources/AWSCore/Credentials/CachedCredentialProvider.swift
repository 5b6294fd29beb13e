import Foundation

/// Keeps the last credentials and refreshes them `refreshMargin` before they expire. Concurrent
/// callers during a refresh all wait for the same one fetch. Long-term keys are kept for good.
public actor CachedCredentialProvider: CredentialProvider {
    /// The provider that does the fetching.
    public let base: any CredentialProvider
    /// The clock.
    public let time: TimeSource
    /// How long before expiry to refresh (5 minutes by default).
    public let refreshMargin: TimeInterval
    private var cached: Credentials?
    private var refresh: Task<Credentials, any Error>?

    /// Creates the cache.
    public init(_ base: any CredentialProvider, time: TimeSource = .system, refreshMargin: TimeInterval = 300) {
        self.base = base
        self.time = time
        self.refreshMargin = refreshMargin
    }

    /// The base provider's name.
    public nonisolated var name: String { base.name }

    /// Which provider supplied the credentials last fetched, for `whoami`.
    public var lastSource: String? { cached?.source }

    /// Cached credentials while fresh, else the result of one shared refresh. When a refresh fails
    /// but the cached credentials have not yet expired, those are returned.
    public func credentials() async throws -> Credentials {
        let now = time.now()
        if let cached, !cached.expires(within: refreshMargin, of: now) { return cached }
        let task: Task<Credentials, any Error>
        if let refresh {
            task = refresh
        } else {
            let base = self.base
            task = Task { try await base.credentials() }
            refresh = task
        }
        do {
            let fresh = try await task.value
            finish(task, with: fresh)
            return fresh
        } catch {
            finish(task, with: nil)
            if let cached, !cached.expires(within: 0, of: time.now()) { return cached }
            throw error
        }
    }

    private func finish(_ task: Task<Credentials, any Error>, with value: Credentials?) {
        guard refresh == task else { return }
        refresh = nil
        if let value { cached = value }
    }
}
