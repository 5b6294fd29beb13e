/// The secret half of AWS credentials as the signer needs it.
package struct SigningCredentials: Sendable, Equatable {
    /// The access key id (`AKIA…`/`ASIA…`), shown in the credential scope.
    package var accessKeyID: String
    /// The secret access key; never leaves the signer.
    package var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    package var sessionToken: String?

    /// Creates credentials.
    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String?) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// What the signer does differently per service.
package struct SigningConfig: Sendable, Equatable {
    /// Region of the credential scope, e.g. `us-east-1`.
    package var region: String
    /// Signing name of the service, e.g. `lambda`, `s3`.
    package var service: String
    /// URI-encode the (already encoded) wire path a second time; true for every service but S3.
    package var doubleURIEncode: Bool
    /// Remove `.`/`..` segments and collapse `//`; true for every service but S3.
    package var normalizePath: Bool
    /// Add and sign `x-amz-content-sha256` (S3) in header signing.
    package var signBodyHeader: Bool
    /// Add `X-Amz-Security-Token` after signing, unsigned (a few services; none of ours).
    package var omitSessionToken: Bool

    /// Creates a config.
    package init(
        region: String, service: String, doubleURIEncode: Bool = true, normalizePath: Bool = true,
        signBodyHeader: Bool = false, omitSessionToken: Bool = false
    ) {
        self.region = region
        self.service = service
        self.doubleURIEncode = doubleURIEncode
        self.normalizePath = normalizePath
        self.signBodyHeader = signBodyHeader
        self.omitSessionToken = omitSessionToken
    }

    /// The rules of every service but S3.
    package static func standard(region: String, service: String) -> SigningConfig {
        SigningConfig(region: region, service: service)
    }

    /// The S3 rules: path encoded once, never normalised, `x-amz-content-sha256` signed.
    package static func s3(region: String) -> SigningConfig {
        SigningConfig(region: region, service: "s3", doubleURIEncode: false, normalizePath: false, signBodyHeader: true)
    }
}

/// A request as the signer sees it.
package struct SignableRequest: Sendable {
    /// HTTP method, e.g. `GET`.
    package var method: String
    /// The wire path, already URI-encoded once, e.g. `/2015-03-31/functions/arn%3Aaws%3A…/invocations`.
    package var path: String
    /// Query parameters, decoded (the signer encodes them).
    package var query: [(name: String, value: String)]
    /// Headers in request order; must include `host` (with a non-default port).
    package var headers: [(name: String, value: String)]
    /// Lower-case hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    package var payloadHash: String

    /// Creates a request.
    package init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)], payloadHash: String = PayloadHash.empty
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }
}
