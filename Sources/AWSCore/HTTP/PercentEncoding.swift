import SigV4

/// RFC 3986 percent-encoding as AWS Signature Version 4 defines it ("URI encode"):
/// every byte but `A-Z a-z 0-9 - _ . ~` is encoded as `%XX` with upper-case hex.
/// The same encoder the signer uses, so what goes on the wire is what was signed.
package enum PercentEncoding {
    /// Encodes `text`; `/` is kept when `keepSlash` is true (for paths).
    package static func encode(_ text: String, keepSlash: Bool = false) -> String {
        URIEncoding.encode(text, keepSlash: keepSlash)
    }
}
