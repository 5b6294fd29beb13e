import Synchronization

/// Remembers the last derived signing key per signer, so signing many requests on the same
/// day costs one HMAC instead of five; the key's `EVP_MAC` context is kept keyed as well.
/// Shared by copies of a `Signer`; lock-protected.
package final class SigningKeyCache: Sendable {
    private struct Entry {
        var secret: String
        var scope: CredentialScope
        var key: SigningKey
        var context: HMACContext?
    }

    private struct State: ~Copyable {
        var entry: Entry?
        var derivations = 0
    }

    private let state = Mutex(State())

    /// Creates an empty cache.
    package init() {}

    /// How many keys have been derived (for tests and diagnostics).
    package var derivations: Int { state.withLock { $0.derivations } }

    /// The key of `secret` for `scope`, derived only when the secret or scope changed.
    package func key(secret: String, scope: CredentialScope) -> SigningKey {
        state.withLock { entry(in: &$0, secret: secret, scope: scope).key }
    }

    /// The lower-case hex signature of `stringToSign` with the key of `secret` for `scope`.
    package func signature(secret: String, scope: CredentialScope, stringToSign: StringToSign) -> String {
        state.withLock { state in
            let entry = entry(in: &state, secret: secret, scope: scope)
            if let mac = entry.context?.mac(stringToSign.text) { return Hex.lowercase(mac) }
            return entry.key.signature(for: stringToSign)
        }
    }

    /// The 32-byte HMAC-SHA256 of `message` with the key of `secret` for `scope` (the signer's
    /// byte-level path).
    func signature(secret: String, scope: CredentialScope, message: [UInt8]) -> [UInt8] {
        state.withLock { state in
            let entry = entry(in: &state, secret: secret, scope: scope)
            return message.withUnsafeBytes { message in
                var out = [UInt8](repeating: 0, count: 32)
                if let context = entry.context,
                    out.withUnsafeMutableBufferPointer({ context.mac(message, into: $0.baseAddress!) })
                {
                    return out
                }
                return entry.key.bytes.withUnsafeBytes { Digest.hmacSHA256(key: $0, data: message) }
            }
        }
    }

    /// The cached entry for `secret` and `scope`, replaced by a fresh derivation when either differs.
    private func entry(in state: inout State, secret: String, scope: CredentialScope) -> Entry {
        if let entry = state.entry, entry.scope == scope, entry.secret == secret { return entry }
        let key = SigningKey(secret: secret, scope: scope)
        let entry = Entry(secret: secret, scope: scope, key: key, context: HMACContext(key: key.bytes))
        state.entry = entry
        state.derivations += 1
        return entry
    }
}
