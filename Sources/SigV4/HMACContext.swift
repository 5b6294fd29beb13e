import COpenSSL

/// An OpenSSL 3 `EVP_MAC` HMAC-SHA256 context keyed once and re-initialised per message
/// (≈2.5× the rate of one-shot `HMAC()`, which fetches and keys a new context every call).
/// Not thread-safe: `SigningKeyCache` only uses it under its lock.
final class HMACContext {
    private let context: OpaquePointer

    /// Keys a new context; nil when OpenSSL cannot provide HMAC (then callers fall back to one-shots).
    init?(key: [UInt8]) {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { return nil }
        let ok = "digest".withCString { name in
            "SHA256".withCString { digest in
                var params = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return key.withUnsafeBufferPointer { keyBytes in
                    EVP_MAC_init(context, keyBytes.baseAddress, keyBytes.count, &params) == 1
                }
            }
        }
        guard ok else {
            EVP_MAC_CTX_free(context)
            return nil
        }
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// HMAC-SHA256 of `text`'s UTF-8 under the context's key; nil on an OpenSSL failure.
    func mac(_ text: String) -> [UInt8]? {
        var text = text
        var out = [UInt8](repeating: 0, count: 32)
        let ok = text.withUTF8 { bytes in
            out.withUnsafeMutableBufferPointer { mac(UnsafeRawBufferPointer(bytes), into: $0.baseAddress!) }
        }
        return ok ? out : nil
    }

    /// Writes the HMAC-SHA256 of `bytes` under the context's key to the 32 bytes at `out`;
    /// false on an OpenSSL failure.
    func mac(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        guard EVP_MAC_init(context, nil, 0, nil) == 1,
            EVP_MAC_update(context, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count) == 1
        else { return false }
        var length = 0
        return EVP_MAC_final(context, out, &length, 32) == 1 && length == 32
    }
}
