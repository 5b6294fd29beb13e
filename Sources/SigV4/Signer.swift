import Foundation

/// Signs requests with AWS Signature Version 4. A pure value: the same request, credentials
/// and date always give the same bytes; the date is always an argument.
public struct Signer: Sendable {
    /// The credentials signed with.
    public let credentials: SigningCredentials
    /// The service rules applied.
    public let config: SigningConfig
    private let cache: SigningKeyCache

    /// Creates a signer; copies share one signing-key cache, or `cache` when given (so that
    /// signers made per request by one client derive a key once per day).
    public init(credentials: SigningCredentials, config: SigningConfig, cache: SigningKeyCache = SigningKeyCache()) {
        self.credentials = credentials
        self.config = config
        self.cache = cache
    }

    /// The stages of a header-signed request, for `--dry-run` and tests.
    public struct Stages: Sendable {
        /// Stage 1.
        public let canonical: CanonicalRequest
        /// Stage 2.
        public let stringToSign: StringToSign
        /// Stage 3: lower-case hex signature.
        public let signature: String
        /// Headers to add to the request (the `Authorization` header last).
        public let headers: [(name: String, value: String)]
    }

    /// The stages of a presigned URL.
    public struct PresignStages: Sendable {
        /// Stage 1.
        public let canonical: CanonicalRequest
        /// Stage 2.
        public let stringToSign: StringToSign
        /// Stage 3: lower-case hex signature.
        public let signature: String
        /// Query parameters to append to the request's query (undecoded values).
        public let query: [(name: String, value: String)]
    }

    /// How many signing keys this signer (and its copies) derived; for tests.
    public var keyDerivations: Int { cache.derivations }

    /// Returns the headers to add: `X-Amz-Date`, `X-Amz-Security-Token` (when a token),
    /// `x-amz-content-sha256` (when `signBodyHeader`), `Authorization`.
    public func signingHeaders(for request: SignableRequest, date: Date) -> [(name: String, value: String)] {
        headerStages(for: request, date: date).headers
    }

    /// The three stages and the `Authorization` value of header signing.
    public func stages(for request: SignableRequest, date: Date)
        -> (canonical: CanonicalRequest, stringToSign: StringToSign, signature: String, authorization: String)
    {
        let stages = headerStages(for: request, date: date)
        return (stages.canonical, stages.stringToSign, stages.signature, stages.headers.last!.value)
    }

    /// Header signing, stage by stage. Headers of `request` that the signer sets itself
    /// (`x-amz-date`, `authorization`, and the token and content hash when it adds them) are
    /// replaced rather than signed twice.
    public func headerStages(for request: SignableRequest, date: Date) -> Stages {
        let amzDate = AMZDate(date)
        let scope = CredentialScope(day: String(amzDate.day), region: config.region, service: config.service)
        let token = credentials.sessionToken
        var added: [(name: String, value: String)] = [("X-Amz-Date", amzDate.timestamp)]
        if config.signBodyHeader { added.append(("x-amz-content-sha256", request.payloadHash)) }
        if let token, !config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }

        var signed = request.headers.filter { !replacedHeader($0.name) }
        signed.append(contentsOf: added)
        let canonical = CanonicalRequest(
            method: request.method, uri: CanonicalRequest.canonicalURI(path: request.path, config: config),
            query: CanonicalRequest.canonicalQuery(request.query), headers: CanonicalHeaders(signed),
            payloadHash: request.payloadHash)
        let stringToSign = StringToSign(canonical, scope: scope, date: amzDate)
        let signature = cache.signature(secret: credentials.secretAccessKey, scope: scope, stringToSign: stringToSign)
        if let token, config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }
        let authorization = Concatenation.join([
            StringToSign.algorithm, " Credential=", credentials.accessKeyID, "/", scope.text, ", SignedHeaders=",
            canonical.signedHeaders, ", Signature=", signature,
        ])
        added.append(("Authorization", authorization))
        return Stages(canonical: canonical, stringToSign: stringToSign, signature: signature, headers: added)
    }

    /// Presigned URL query parameters (`X-Amz-Algorithm`, `-Credential`, `-Date`, `-Expires`,
    /// `-SignedHeaders`, [`-Security-Token`], `-Signature`), to append to `request.query`.
    /// `x-amz-content-sha256` is never added; pass `UNSIGNED-PAYLOAD` as the hash for S3.
    public func presignedQuery(for request: SignableRequest, date: Date, expires: Int) -> [(name: String, value: String)] {
        presignStages(for: request, date: date, expires: expires).query
    }

    /// Query signing (presigned URL), stage by stage.
    public func presignStages(for request: SignableRequest, date: Date, expires: Int) -> PresignStages {
        let amzDate = AMZDate(date)
        let scope = CredentialScope(day: String(amzDate.day), region: config.region, service: config.service)
        let headers = CanonicalHeaders(request.headers.filter { !replacedHeader($0.name) })
        var added: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", StringToSign.algorithm),
            ("X-Amz-Credential", credentials.accessKeyID + "/" + scope.text),
            ("X-Amz-Date", amzDate.timestamp),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", headers.signedNames),
        ]
        let token = credentials.sessionToken
        if let token, !config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }
        let canonical = CanonicalRequest(
            method: request.method, uri: CanonicalRequest.canonicalURI(path: request.path, config: config),
            query: CanonicalRequest.canonicalQuery(request.query + added), headers: headers,
            payloadHash: request.payloadHash)
        let stringToSign = StringToSign(canonical, scope: scope, date: amzDate)
        let signature = cache.signature(secret: credentials.secretAccessKey, scope: scope, stringToSign: stringToSign)
        if let token, config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }
        added.append(("X-Amz-Signature", signature))
        return PresignStages(canonical: canonical, stringToSign: stringToSign, signature: signature, query: added)
    }

    /// True for request headers the signer sets itself.
    private func replacedHeader(_ name: String) -> Bool {
        switch CanonicalHeaders.asciiLowercased(name) {
        case "x-amz-date", "authorization": return true
        case "x-amz-security-token": return credentials.sessionToken != nil
        case "x-amz-content-sha256": return config.signBodyHeader
        default: return false
        }
    }
}
