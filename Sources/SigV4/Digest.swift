import COpenSSL
import Foundation

/// OpenSSL's SHA-256, fetched once. `EVP_sha256()` makes OpenSSL 3 look the algorithm up in
/// its provider store again on every digest (≈ 60% of a short digest's cost); an explicitly
/// fetched `EVP_MD` is immutable and documented as safe to share between threads. Held as
/// its address so that the process-wide constant is `Sendable`; falls back to `EVP_sha256()`.
private let fetchedSHA256 = Int(bitPattern: EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256())

/// A streaming SHA-256 (OpenSSL 3 `EVP_Digest*`), for hashing upload files chunk by chunk.
/// Non-copyable so the OpenSSL context has exactly one owner and is freed exactly once; not
/// `Sendable` (it owns a raw OpenSSL pointer): create, feed and finalise it within one task.
package struct SHA256Hasher: ~Copyable {
    private let context: OpaquePointer

    /// Starts a new digest.
    package init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed (out of memory)") }
        EVP_DigestInit_ex(context, Digest.sha256Algorithm, nil)
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds `bytes` into the digest.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Feeds `bytes` into the digest.
    package mutating func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Ends the digest and returns the 32-byte hash.
    package consuming func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        return out
    }
}

/// SHA-256 and HMAC-SHA256 one-shots over OpenSSL 3 libcrypto.
package enum Digest {
    /// The fetched SHA-256 `EVP_MD` (see `fetchedSHA256`).
    static var sha256Algorithm: OpaquePointer? { OpaquePointer(bitPattern: fetchedSHA256) }

    /// The SHA-256 of `bytes`.
    package static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_Digest(bytes.baseAddress, bytes.count, &out, &length, sha256Algorithm, nil)
        return out
    }

    /// Writes the SHA-256 of `bytes` to the 32 bytes at `out`.
    static func sha256(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        var length: UInt32 = 0
        EVP_Digest(bytes.baseAddress, bytes.count, out, &length, sha256Algorithm, nil)
    }

    /// The SHA-256 of `bytes`.
    package static func sha256(_ bytes: some ContiguousBytes) -> [UInt8] {
        bytes.withUnsafeBytes { sha256($0) }
    }

    /// The SHA-256 of the UTF-8 of `text`.
    package static func sha256(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { sha256(UnsafeRawBufferPointer($0)) }
    }

    /// HMAC-SHA256 of `data` under `key`.
    package static func hmacSHA256(key: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let empty: [UInt8] = [0]
        empty.withUnsafeBytes { fallback in
            _ = HMAC(
                sha256Algorithm, key.baseAddress ?? fallback.baseAddress, Int32(key.count),
                (data.baseAddress ?? fallback.baseAddress)?.assumingMemoryBound(to: UInt8.self), data.count,
                &out, &length)
        }
        return out
    }

    /// HMAC-SHA256 of the UTF-8 of `text` under `key`.
    package static func hmacSHA256(key: [UInt8], _ text: String) -> [UInt8] {
        var text = text
        return key.withUnsafeBytes { keyBytes in
            text.withUTF8 { hmacSHA256(key: keyBytes, data: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Payload hashes for the last line of a canonical request and `x-amz-content-sha256`.
package enum PayloadHash {
    /// `UNSIGNED-PAYLOAD`: the body is not part of the signature (S3 only).
    package static let unsigned = "UNSIGNED-PAYLOAD"
    /// The SHA-256 of an empty body.
    package static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Lower-case hex SHA-256 of `bytes`.
    package static func sha256Hex(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { hex(of: $0) }
    }

    /// Lower-case hex SHA-256 of `bytes`, without intermediate arrays.
    static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            Digest.sha256(bytes, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: 64) { out in
                for index in 0..<32 {
                    out[2 * index] = Hex.lower(digest[index] >> 4)
                    out[2 * index + 1] = Hex.lower(digest[index] & 0x0F)
                }
                return 64
            }
        }
    }

    /// Lower-case hex SHA-256 of the UTF-8 of `text`.
    package static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(of: UnsafeRawBufferPointer($0)) }
    }
}
