import Foundation

/// Keeps the last credentials and refreshes them `refreshMargin` before they expire. Concurrent
/// callers during a refresh all wait for the same one fetch. Long-term keys are kept for good.
/// Credentials that have already expired are refused, naming their source. When a refresh fails
/// while the cached credentials are still valid, those are used, one warning says so, and the
/// next refresh waits `retryInterval` instead of running before every request.
package actor CachedCredentialProvider: CredentialProvider {
    /// The provider that does the fetching.
    package let base: any CredentialProvider
    /// The clock.
    package let time: TimeSource
    /// How long before expiry to refresh (5 minutes by default).
    package let refreshMargin: TimeInterval
    /// How long to keep using still-valid credentials after a refresh before trying another.
    package let retryInterval: TimeInterval
    /// Receives the one warning about a failed refresh, or nil.
    package let warn: (@Sendable (String) -> Void)?
    private var cached: Credentials?
    private var refresh: Task<Credentials, any Error>?
    private var nextRefresh: Date?
    private var warned = false

    /// Creates the cache.
    package init(
        _ base: any CredentialProvider, time: TimeSource, refreshMargin: TimeInterval = 300,
        retryInterval: TimeInterval = 60, warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.base = base
        self.time = time
        self.refreshMargin = refreshMargin
        self.retryInterval = retryInterval
        self.warn = warn
    }

    /// The base provider's name.
    package nonisolated var name: String { base.name }

    /// Which provider supplied the credentials last fetched, for `whoami`.
    package var lastSource: String? { cached?.source }

    /// Cached credentials while fresh, else the result of one shared refresh. When a refresh fails
    /// but the cached credentials have not yet expired, those are returned.
    package func credentials() async throws -> Credentials {
        let now = time.now()
        if let cached {
            if !cached.expires(within: refreshMargin, of: now) { return cached }
            if !cached.expires(within: 0, of: now), let nextRefresh, now < nextRefresh { return cached }
        }
        let task: Task<Credentials, any Error>
        if let refresh {
            task = refresh
        } else {
            let base = self.base
            let time = self.time
            task = Task {
                let fresh = try await base.credentials()
                try fresh.refuseIfExpired(now: time.now())
                return fresh
            }
            refresh = task
        }
        do {
            let fresh = try await task.value
            finish(task, with: fresh)
            return fresh
        } catch {
            finish(task, with: nil)
            guard let cached, !cached.expires(within: 0, of: time.now()) else { throw error }
            warnOnce(about: error, keeping: cached)
            return cached
        }
    }

    private func finish(_ task: Task<Credentials, any Error>, with value: Credentials?) {
        guard refresh == task else { return }
        refresh = nil
        // After a failure, wait before the next try; after a success, refresh as usual.
        nextRefresh = value == nil ? time.now().addingTimeInterval(retryInterval) : nil
        if let value { cached = value }
    }

    private func warnOnce(about error: any Error, keeping cached: Credentials) {
        guard !warned else { return }
        warned = true
        let until = cached.expiration.map { " until they expire at \(ISO8601DateFormatter().string(from: $0))" } ?? ""
        warn?("refreshing credentials failed (\(error)); using the cached ones from \(cached.source)\(until)")
    }
}
