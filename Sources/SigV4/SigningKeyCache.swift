import Synchronization

/// Remembers the last derived signing key per signer, so signing many requests on the same
/// day costs one HMAC instead of five. Shared by copies of a `Signer`; lock-protected.
public final class SigningKeyCache: Sendable {
    private struct Entry: Sendable {
        var scope: CredentialScope
        var key: SigningKey
    }

    private let state = Mutex<(entry: Entry?, derivations: Int)>((nil, 0))

    /// Creates an empty cache.
    public init() {}

    /// How many keys have been derived (for tests and diagnostics).
    public var derivations: Int { state.withLock { $0.derivations } }

    /// The key of `secret` for `scope`, derived only when the scope changed.
    public func key(secret: String, scope: CredentialScope) -> SigningKey {
        if let cached = state.withLock({ $0.entry }), cached.scope == scope { return cached.key }
        let key = SigningKey(secret: secret, scope: scope)
        state.withLock {
            $0.entry = Entry(scope: scope, key: key)
            $0.derivations += 1
        }
        return key
    }
}
