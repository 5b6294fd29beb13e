/// Stage 1 of SigV4: the canonical request ("Create a canonical request", AWS IAM User Guide,
/// "Elements of an AWS API request signature"):
///
///     METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n \n SignedHeaders \n PayloadHash
package struct CanonicalRequest: Sendable, Equatable {
    /// The canonical request text (no trailing newline).
    package let text: String
    /// The `;`-joined, sorted, lower-case names of the signed headers.
    package let signedHeaders: String
    /// Lower-case hex SHA-256 of `text`: the last line of the string to sign.
    package let hash: String

    /// Builds the canonical request of `request` under `config`'s path rules, signing every
    /// header of `request` except the never-signed ones (`CanonicalHeaders.isUnsigned`).
    package init(_ request: SignableRequest, config: SigningConfig) {
        let uri = Self.canonicalURI(path: request.path, config: config)
        let query = Self.canonicalQuery(request.query)
        let headers = CanonicalHeaders(request.headers)
        self.init(method: request.method, uri: uri, query: query, headers: headers, payloadHash: request.payloadHash)
    }

    /// Assembles a canonical request from its already canonical parts.
    package init(method: String, uri: String, query: String, headers: CanonicalHeaders, payloadHash: String) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(
            method.utf8.count + uri.utf8.count + query.utf8.count + headers.text.utf8.count
                + headers.signedNames.utf8.count + payloadHash.utf8.count + 6)
        for (index, part) in [method, uri, query, headers.text, headers.signedNames, payloadHash].enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(contentsOf: part.utf8)
        }
        self.hash = bytes.withUnsafeBytes { Hex.lowercase(Digest.sha256($0)) }
        let text = String(decoding: bytes, as: UTF8.self)
        self.text = text
        self.signedHeaders = headers.signedNames
    }

    /// A canonical request already assembled by the signer.
    init(text: String, signedHeaders: String, hash: String) {
        self.text = text
        self.signedHeaders = signedHeaders
        self.hash = hash
    }

    /// The canonical URI of a wire path: normalised when `config.normalizePath`, then encoded
    /// again when `config.doubleURIEncode` (`%3A` becomes `%253A`); `/` for an empty path.
    package static func canonicalURI(path: String, config: SigningConfig) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(path.utf8.count * 3)
        CanonicalBytes.appendURI(path, config: config, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3986 §5.2.4 "Remove Dot Segments", also collapsing runs of `/` (what AWS services
    /// and botocore do); keeps a leading and a trailing `/`.
    package static func normalize(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        if isNormal(path) { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        let lead = path.utf8.first == UInt8(ascii: "/") ? "/" : ""
        let trail = path.utf8.last == UInt8(ascii: "/") && !segments.isEmpty ? "/" : ""
        return lead + segments.joined(separator: "/") + trail
    }

    /// True when `path` starts with `/` and has no empty, `.` or `..` segment (but may end in `/`).
    static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return false }
            var segmentLength = 0
            var dots = 0
            for byte in UnsafeBufferPointer(rebasing: bytes[1...]) {
                if byte == UInt8(ascii: "/") {
                    if segmentLength == 0 || dots == segmentLength && dots <= 2 { return false }
                    segmentLength = 0
                    dots = 0
                } else {
                    segmentLength += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return !(segmentLength > 0 && dots == segmentLength && dots <= 2)
        }
    }

    /// The canonical query string: each name and value URI-encoded (RFC 3986 unreserved set),
    /// sorted by encoded name then encoded value, joined as `name=value` with `&`.
    package static func canonicalQuery(_ pairs: [(name: String, value: String)]) -> String {
        if pairs.isEmpty { return "" }
        var encoded = pairs.map { (name: URIEncoding.encode($0.name), value: URIEncoding.encode($0.value)) }
        encoded.sort { lhs, rhs in
            let order = ByteOrder.compare(lhs.name, rhs.name)
            return order == 0 ? ByteOrder.compare(lhs.value, rhs.value) < 0 : order < 0
        }
        var text = ""
        for (index, pair) in encoded.enumerated() {
            if index > 0 { text += "&" }
            text += pair.name
            text += "="
            text += pair.value
        }
        return text
    }
}
