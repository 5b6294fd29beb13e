import Foundation

/// Signs requests with AWS Signature Version 4. A pure value: the same request, credentials
/// and date always give the same bytes; the date is always an argument.
package struct Signer: Sendable {
    /// The credentials signed with.
    package let credentials: SigningCredentials
    /// The service rules applied.
    package let config: SigningConfig
    private let cache: SigningKeyCache

    /// Creates a signer; copies share one signing-key cache, or `cache` when given (so that
    /// signers made per request by one client derive a key once per day).
    package init(credentials: SigningCredentials, config: SigningConfig, cache: SigningKeyCache = SigningKeyCache()) {
        self.credentials = credentials
        self.config = config
        self.cache = cache
    }

    /// The stages of a header-signed request, for `--dry-run` and tests.
    package struct Stages: Sendable {
        /// Stage 1.
        package let canonical: CanonicalRequest
        /// Stage 2.
        package let stringToSign: StringToSign
        /// Stage 3: lower-case hex signature.
        package let signature: String
        /// Headers to add to the request (the `Authorization` header last).
        package let headers: [(name: String, value: String)]
    }

    /// The stages of a presigned URL.
    package struct PresignStages: Sendable {
        /// Stage 1.
        package let canonical: CanonicalRequest
        /// Stage 2.
        package let stringToSign: StringToSign
        /// Stage 3: lower-case hex signature.
        package let signature: String
        /// Query parameters to append to the request's query (undecoded values).
        package let query: [(name: String, value: String)]
    }

    /// How many signing keys this signer (and its copies) derived; for tests.
    package var keyDerivations: Int { cache.derivations }

    /// Returns the headers to add: `X-Amz-Date`, `X-Amz-Security-Token` (when a token),
    /// `x-amz-content-sha256` (when `signBodyHeader`), `Authorization`.
    package func signingHeaders(for request: SignableRequest, date: Date) -> [(name: String, value: String)] {
        var signed = sign(request, date: date)
        signed.headers.append(("Authorization", signed.authorization()))
        return signed.headers
    }

    /// The three stages and the `Authorization` value of header signing.
    package func stages(for request: SignableRequest, date: Date)
        -> (canonical: CanonicalRequest, stringToSign: StringToSign, signature: String, authorization: String)
    {
        let stages = headerStages(for: request, date: date)
        return (stages.canonical, stages.stringToSign, stages.signature, stages.headers.last!.value)
    }

    /// Header signing, stage by stage. Headers of `request` that the signer sets itself
    /// (`x-amz-date`, `authorization`, and the token and content hash when it adds them) are
    /// replaced rather than signed twice.
    package func headerStages(for request: SignableRequest, date: Date) -> Stages {
        var signed = sign(request, date: date)
        let authorization = signed.authorization()
        signed.headers.append(("Authorization", authorization))
        let hash = signed.stringToSign[(signed.stringToSign.count - 64)...]
        let canonical = CanonicalRequest(
            text: String(decoding: signed.canonical, as: UTF8.self),
            signedHeaders: String(decoding: signed.signedNames, as: UTF8.self),
            hash: String(decoding: hash, as: UTF8.self))
        var signature = [UInt8]()
        signed.signature.withUnsafeBufferPointer { CanonicalBytes.appendHex($0, to: &signature) }
        let stringToSign = StringToSign(text: String(decoding: signed.stringToSign, as: UTF8.self))
        return Stages(
            canonical: canonical, stringToSign: stringToSign, signature: String(decoding: signature, as: UTF8.self),
            headers: signed.headers)
    }

    /// Header signing in byte buffers: the canonical request, string to sign and signature of
    /// `request` at `date`, and the headers to add but `Authorization`.
    private func sign(_ request: SignableRequest, date: Date) -> HeaderSignature {
        let amzDate = AMZDate(date)
        let scope = CredentialScope(day: String(amzDate.day), region: config.region, service: config.service)
        let token = credentials.sessionToken
        var added: [(name: String, value: String)] = [("X-Amz-Date", amzDate.timestamp)]
        added.reserveCapacity(4)
        if config.signBodyHeader { added.append(("x-amz-content-sha256", request.payloadHash)) }
        if let token, !config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }

        // Stage 1: METHOD \n URI \n QUERY \n HEADERS \n SIGNED \n PAYLOAD-HASH
        var canonical = [UInt8]()
        canonical.reserveCapacity(1024)
        CanonicalBytes.append(request.method, to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        CanonicalBytes.appendURI(request.path, config: config, to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        CanonicalBytes.appendQuery(request.query, to: &canonical)
        canonical.append(UInt8(ascii: "\n"))
        var signedNames = [UInt8]()
        signedNames.reserveCapacity(128)
        _ = CanonicalBytes.writeHeaders(
            request.headers, extra: added, replaced: replacedHeader, block: &canonical, signed: &signedNames)
        canonical.append(UInt8(ascii: "\n"))
        canonical.append(contentsOf: signedNames)
        canonical.append(UInt8(ascii: "\n"))
        CanonicalBytes.append(request.payloadHash, to: &canonical)

        // Stage 2: ALGORITHM \n TIMESTAMP \n SCOPE \n hex(SHA256(canonical request))
        var stringToSign = [UInt8]()
        stringToSign.reserveCapacity(192)
        CanonicalBytes.append(StringToSign.algorithm, to: &stringToSign)
        stringToSign.append(UInt8(ascii: "\n"))
        CanonicalBytes.append(amzDate.timestamp, to: &stringToSign)
        stringToSign.append(UInt8(ascii: "\n"))
        let scopeStart = stringToSign.count
        CanonicalBytes.append(scope.day, to: &stringToSign)
        stringToSign.append(UInt8(ascii: "/"))
        CanonicalBytes.append(scope.region, to: &stringToSign)
        stringToSign.append(UInt8(ascii: "/"))
        CanonicalBytes.append(scope.service, to: &stringToSign)
        CanonicalBytes.append("/aws4_request", to: &stringToSign)
        let scopeRange = scopeStart..<stringToSign.count
        stringToSign.append(UInt8(ascii: "\n"))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            canonical.withUnsafeBytes { Digest.sha256($0, into: digest.baseAddress!) }
            CanonicalBytes.appendHex(UnsafeBufferPointer(digest), to: &stringToSign)
        }

        // Stage 3: HMAC-SHA256 under the (cached) signing key.
        let signature = cache.signature(secret: credentials.secretAccessKey, scope: scope, message: stringToSign)
        if let token, config.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }
        return HeaderSignature(
            accessKeyID: credentials.accessKeyID, canonical: canonical, signedNames: signedNames,
            stringToSign: stringToSign, scope: scopeRange, signature: signature, headers: added)
    }

    /// True for the lower-cased name of a request header the signer sets itself.
    private func replacedHeader(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 10: return name.elementsEqual("x-amz-date".utf8)
        case 13: return name.elementsEqual("authorization".utf8)
        case 20:
            return credentials.sessionToken != nil && name.elementsEqual("x-amz-security-token".utf8)
                || config.signBodyHeader && name.elementsEqual("x-amz-content-sha256".utf8)
        default: return false
        }
    }

    /// Presigned URL query parameters (`X-Amz-Algorithm`, `-Credential`, `-Date`, `-Expires`,
    /// `-SignedHeaders`, [`-Security-Token`], `-Signature`), to append to `request.query`.
    /// `x-amz-content-sha256` is never added; pass `UNSIGNED-PAYLOAD` as the hash for S3.
    package func presignedQuery(for request: SignableRequest, date: Date, expires: Int) -> [(name: String, value: String)] {
        presignStages(for: request, date: date, expires: expires).query
    }

    /// Query signing (presigned URL), stage by stage.
    package func presignStages(for request: SignableRequest, date: Date, expires: Int) -> PresignStages {
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
        var lowered = CanonicalHeaders.asciiLowercased(name)
        return lowered.withUTF8 { replacedHeader($0) }
    }
}

/// Header signing's products as bytes, turned into `String`s only where needed.
private struct HeaderSignature {
    /// The access key id of the credential.
    var accessKeyID: String
    /// The canonical request.
    var canonical: [UInt8]
    /// The `;`-joined signed header names.
    var signedNames: [UInt8]
    /// The string to sign; its last 64 bytes are the canonical request's hex hash.
    var stringToSign: [UInt8]
    /// Where the credential scope is within `stringToSign`.
    var scope: Range<Int>
    /// The 32-byte signature.
    var signature: [UInt8]
    /// The headers to add, but `Authorization`.
    var headers: [(name: String, value: String)]

    /// The `Authorization` header value.
    func authorization() -> String {
        var out = [UInt8]()
        out.reserveCapacity(128 + accessKeyID.utf8.count + scope.count + signedNames.count)
        CanonicalBytes.append(StringToSign.algorithm, to: &out)
        CanonicalBytes.append(" Credential=", to: &out)
        CanonicalBytes.append(accessKeyID, to: &out)
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: stringToSign[scope])
        CanonicalBytes.append(", SignedHeaders=", to: &out)
        out.append(contentsOf: signedNames)
        CanonicalBytes.append(", Signature=", to: &out)
        signature.withUnsafeBufferPointer { CanonicalBytes.appendHex($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
