import Foundation

/// Credentials from the ECS / EKS Pod Identity container endpoint:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on `http://169.254.170.2`) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https, or plain http to loopback and the ECS/EKS hosts
/// only), with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every call) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` sent as `Authorization`. See AWS SDKs and Tools Reference
/// Guide, "Container credential provider".
package struct ContainerCredentialProvider: CredentialProvider {
    /// The environment read.
    package let environment: EnvironmentSnapshot
    /// Where the token file is read.
    package let files: any FileSystemView
    /// The transport the request goes through.
    package let transport: any HTTPTransport
    /// Per-attempt timeout.
    package let timeout: Duration
    /// Receives `--debug` lines, or nil.
    package let debug: (@Sendable (String) -> Void)?

    /// Creates the provider.
    package init(
        environment: EnvironmentSnapshot, files: any FileSystemView, transport: any HTTPTransport,
        timeout: Duration = .seconds(2),
        debug: (@Sendable (String) -> Void)? = nil
    ) {
        self.environment = environment
        self.files = files
        self.transport = transport
        self.timeout = timeout
        self.debug = debug
    }

    /// `container`.
    package var name: String { "container" }

    /// The container hosts AWS documents (ECS, EKS Pod Identity over IPv4 and IPv6).
    static let containerHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]"]

    /// The variable that points at the endpoint, for messages.
    var variable: String {
        environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil
            ? "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" : "AWS_CONTAINER_CREDENTIALS_FULL_URI"
    }

    /// Fetches the credentials; `notFound` when neither URI variable is set.
    package func credentials() async throws -> Credentials {
        var request = try makeRequest()
        if let token = try authorizationToken() { request.headers.set("Authorization", token) }
        let response: HTTPResponse
        do {
            response = try await MetadataFetch.send(
                request, via: transport, timeout: timeout, attempts: 2, provider: name, debug: debug)
        } catch let error as TransportError {
            throw CredentialsError.failed(
                provider: name,
                message: "cannot reach the container credentials endpoint \(request.urlString) (\(error.reason)): check \(variable)")
        }
        guard (200..<300).contains(response.status) else {
            throw CredentialsError.failed(
                provider: name,
                message: "the container endpoint \(request.urlString) answered HTTP \(response.status): check the task or pod role and \(variable)")
        }
        return try CredentialDocument.credentials(from: response.body, tokenKey: "Token", provider: name, source: name)
    }

    /// The `Authorization` value from the token file (trimmed) or variable; refuses one with CR or LF.
    func authorizationToken() throws -> String? {
        let token: String
        let origin: String
        if let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let data = files.contents(at: tokenFile) else {
                throw CredentialsError.failed(
                    provider: name, message: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile)")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            origin = "the file AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names"
        } else if let value = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            token = value
            origin = "AWS_CONTAINER_AUTHORIZATION_TOKEN"
        } else {
            return nil
        }
        guard !token.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            throw CredentialsError.failed(
                provider: name,
                message: "the token in \(origin) contains a line break (CR or LF), which a header cannot carry: write the token on one line")
        }
        return token
    }

    /// The GET request the environment describes (pure).
    func makeRequest() throws -> HTTPRequest {
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            return try MetadataFetch.request(method: "GET", url: "http://169.254.170.2" + path, provider: name)
        }
        guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] else {
            throw CredentialsError.notFound(provider: name)
        }
        let request = try MetadataFetch.request(method: "GET", url: full, provider: name)
        guard request.scheme == "https" || Self.allowsPlainHTTP(host: request.host) else {
            throw CredentialsError.failed(
                provider: name,
                message: "AWS_CONTAINER_CREDENTIALS_FULL_URI host \(request.host) is not allowed over http: use https, a loopback address (127.0.0.1, [::1], localhost) or 169.254.170.2 / 169.254.170.23 / [fd00:ec2::23]")
        }
        return request
    }

    /// True for the hosts the SDKs accept over plain http (pure, no name lookup): literal
    /// loopback addresses (`127.0.0.0/8`, `[::1]`), `localhost`, and the documented container hosts.
    static func allowsPlainHTTP(host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "[::1]" || lower == "::1" || containerHosts.contains(lower) { return true }
        if lower == "fd00:ec2::23" { return true }
        return isLoopbackIPv4(lower)
    }

    /// True when `host` is a dotted-quad IPv4 literal in `127.0.0.0/8`.
    static func isLoopbackIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part).map { $0 <= 255 } ?? false)
        }
    }
}
