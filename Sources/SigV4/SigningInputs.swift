/// The secret half of AWS credentials as the signer needs it.
public struct SigningCredentials: Sendable, Equatable {
    /// The access key id (`AKIA…`/`ASIA…`), shown in the credential scope.
    public var accessKeyID: String
    /// The secret access key; never leaves the signer.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String?) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// What the signer does differently per service.
public struct SigningConfig: Sendable, Equatable {
    /// Region of the credential scope, e.g. `us-east-1`.
    public var region: String
    /// Signing name of the service, e.g. `lambda`, `s3`.
    public var service: String
    /// URI-encode the (already encoded) wire path a second time; true for every service but S3.
    public var doubleURIEncode: Bool
    /// Remove `.`/`..` segments and collapse `//`; true for every service but S3.
    public var normalizePath: Bool
    /// Add and sign `x-amz-content-sha256` (S3) in header signing.
    public var signBodyHeader: Bool
    /// Add `X-Amz-Security-Token` after signing, unsigned (a few services; none of ours).
    public var omitSessionToken: Bool

    /// Creates a config.
    public init(
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
    public static func standard(region: String, service: String) -> SigningConfig {
        SigningConfig(region: region, service: service)
    }

    /// The S3 rules: path encoded once, never normalised, `x-amz-content-sha256` signed.
    public static func s3(region: String) -> SigningConfig {
        SigningConfig(region: region, service: "s3", doubleURIEncode: false, normalizePath: false, signBodyHeader: true)
    }
}

/// A request as the signer sees it.
public struct SignableRequest: Sendable {
    /// HTTP method, e.g. `GET`.
    public var method: String
    /// The wire path, already URI-encoded once, e.g. `/2015-03-31/functions/arn%3Aaws%3A…/invocations`.
    public var path: String
    /// Query parameters, decoded (the signer encodes them).
    public var query: [(name: String, value: String)]
    /// Headers in request order; must include `host` (with a non-default port).
    public var headers: [(name: String, value: String)]
    /// Lower-case hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    /// Creates a request.
    public init(
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
