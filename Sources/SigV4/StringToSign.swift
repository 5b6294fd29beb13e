/// The credential scope `yyyyMMdd/region/service/aws4_request`.
package struct CredentialScope: Sendable, Equatable {
    /// `yyyyMMdd` of the signing time.
    package let day: String
    /// Region, e.g. `us-east-1`.
    package let region: String
    /// Service signing name, e.g. `lambda`.
    package let service: String

    /// Creates a scope.
    package init(day: String, region: String, service: String) {
        self.day = day
        self.region = region
        self.service = service
    }

    /// `day/region/service/aws4_request`.
    package var text: String { Concatenation.join([day, "/", region, "/", service, "/aws4_request"]) }
}

/// Stage 2 of SigV4 ("Create a string to sign"):
///
///     AWS4-HMAC-SHA256 \n timestamp \n scope \n hex(SHA256(canonical request))
package struct StringToSign: Sendable, Equatable {
    /// The algorithm name written into the string to sign and the `Authorization` header.
    package static let algorithm = "AWS4-HMAC-SHA256"
    /// The string to sign.
    package let text: String

    /// Builds the string to sign for `canonical`, signed at `date` within `scope`.
    package init(_ canonical: CanonicalRequest, scope: CredentialScope, date: AMZDate) {
        text = Concatenation.join([Self.algorithm, "\n", date.timestamp, "\n", scope.text, "\n", canonical.hash])
    }

    /// A string to sign already assembled by the signer.
    init(text: String) {
        self.text = text
    }
}

/// Stage 3 of SigV4 ("Calculate the signature"): the key derived from the secret,
/// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
package struct SigningKey: Sendable, Equatable {
    /// The 32 key bytes.
    package let bytes: [UInt8]

    /// Derives the key of `secret` for `scope` (four HMAC-SHA256 rounds).
    package init(secret: String, scope: CredentialScope) {
        var key = Digest.hmacSHA256(key: Array(("AWS4" + secret).utf8), scope.day)
        key = Digest.hmacSHA256(key: key, scope.region)
        key = Digest.hmacSHA256(key: key, scope.service)
        bytes = Digest.hmacSHA256(key: key, "aws4_request")
    }

    /// The lower-case hex HMAC-SHA256 of `stringToSign` under this key.
    package func signature(for stringToSign: StringToSign) -> String {
        Hex.lowercase(Digest.hmacSHA256(key: bytes, stringToSign.text))
    }
}

/// Joins strings through one byte buffer (cheaper than chains of `+`).
enum Concatenation {
    /// `parts` concatenated.
    static func join(_ parts: [String]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { bytes.append(contentsOf: part.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
