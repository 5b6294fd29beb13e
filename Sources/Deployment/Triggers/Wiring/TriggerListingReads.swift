import Synchronization

/// The reads of one function's resource policies and aliases that several trigger handlers make
/// while one listing runs (the S3, SNS and rule listings each read the function's policy, its
/// aliases and each alias's policy): made once per listing and shared. A listing writes nothing,
/// so what was read holds for all of it; outside a listing (`current` nil) every read goes to
/// Lambda as before.
final class TriggerListingReads: Sendable {
    /// The reads of the listing this task runs, if any.
    @TaskLocal static var current: TriggerListingReads?

    private struct State {
        var policies: [String: [PolicyStatement]] = [:]
        var aliases: [String: [String]] = [:]
    }

    private let state = Mutex(State())

    /// The statements of `function` (at `qualifier`), read once per listing.
    func policy(function: String, qualifier: String?, read: () async throws -> [PolicyStatement]) async rethrows
        -> [PolicyStatement]
    {
        let key = function + "\u{0}" + (qualifier ?? "")
        if let known = state.withLock({ $0.policies[key] }) { return known }
        let statements = try await read()
        state.withLock { $0.policies[key] = statements }
        return statements
    }

    /// The alias names of `function`, read once per listing.
    func aliases(function: String, read: () async throws -> [String]) async rethrows -> [String] {
        if let known = state.withLock({ $0.aliases[function] }) { return known }
        let names = try await read()
        state.withLock { $0.aliases[function] = names }
        return names
    }
}
