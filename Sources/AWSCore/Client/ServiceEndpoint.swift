/// Where one service's requests go and how they are signed.
package struct ServiceEndpoint: Sendable, Equatable {
    /// `https` or `http`.
    package var scheme: String
    /// Host name.
    package var host: String
    /// Port, when not the scheme's default.
    package var port: Int?
    /// A path prefix of a custom endpoint (e.g. `/aws`), without a trailing slash; usually empty.
    package var basePath: String
    /// The region in the credential scope.
    package var signingRegion: String
    /// The service name in the credential scope (`ServiceDescriptor.signingName`).
    package var signingName: String

    /// Creates an endpoint.
    package init(
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
    package var urlString: String {
        let defaultPort = scheme == "https" ? 443 : 80
        let portText = port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(portText)\(basePath)"
    }
}
