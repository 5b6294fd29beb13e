/// How SigV4 treats one service's requests, declared in its descriptor. See AWS General
/// Reference, "Create a canonical request" (S3 is the service that encodes its path only once).
package struct SigningRules: Sendable, Equatable {
    /// URI-encode the (already encoded) wire path a second time in the canonical request.
    package var doubleURIEncode: Bool
    /// Remove `.`/`..` segments and collapse `//` in the canonical path.
    package var normalizePath: Bool
    /// Add and sign `x-amz-content-sha256` with the payload's hash.
    package var signPayloadHashHeader: Bool

    /// Creates rules.
    package init(doubleURIEncode: Bool, normalizePath: Bool, signPayloadHashHeader: Bool) {
        self.doubleURIEncode = doubleURIEncode
        self.normalizePath = normalizePath
        self.signPayloadHashHeader = signPayloadHashHeader
    }

    /// Every service but S3: path encoded twice and normalised, no payload-hash header.
    package static let standard = SigningRules(doubleURIEncode: true, normalizePath: true, signPayloadHashHeader: false)

    /// The object-store rules (S3): the path as sent, encoded once and never normalised (keys may
    /// hold `//` and `..`), and `x-amz-content-sha256` signed.
    package static let literalPath = SigningRules(
        doubleURIEncode: false, normalizePath: false, signPayloadHashHeader: true)
}
