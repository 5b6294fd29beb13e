/// Where one service's requests go and how they are signed.
public struct ServiceEndpoint: Sendable, Equatable {
    /// `https` or `http`.
    public var scheme: String
    /// Host name.
    public var host: String
    /// Port, when not the scheme's default.
    public var port: Int?
    /// A path prefix of a custom endpoint (e.g. `/aws`), without a trailing slash; usually empty.
    public var basePath: String
    /// The region in the credential scope.
    public var signingRegion: String
    /// The service name in the credential scope (`ServiceDescriptor.signingName`).
    public var signingName: String

    /// Creates an endpoint.
    public init(
        scheme: String = "https", host: String, port: Int? = nil, basePath: String = "",
        signingRegion: String, signingName: String
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.signingRegion = signingRegion
        self.signingName = signingName
    }

    /// The endpoint as a URL string, for `whoami` and messages.
    public var urlString: String {
        let defaultPort = scheme == "https" ? 443 : 80
        let portText = port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(portText)\(basePath)"
    }
}
