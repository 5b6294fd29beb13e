import Foundation

/// Credentials from the ECS / EKS Pod Identity container endpoint:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on `http://169.254.170.2`) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https, loopback or the ECS/EKS link-local hosts only), with
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every call) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`
/// sent as `Authorization`. See AWS SDKs and Tools Reference Guide, "Container credential provider".
public struct ContainerCredentialProvider: CredentialProvider {
    /// The environment read.
    public let environment: EnvironmentSnapshot
    /// The transport the request goes through.
    public let transport: any HTTPTransport
    /// Per-attempt timeout.
    public let timeout: Duration

    /// Creates the provider.
    public init(environment: EnvironmentSnapshot, transport: any HTTPTransport, timeout: Duration = .seconds(2)) {
        self.environment = environment
        self.transport = transport
        self.timeout = timeout
    }

    /// `container`.
    public var name: String { "container" }

    /// Hosts allowed over plain http besides loopback.
    static let allowedHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"]

    /// Fetches the credentials; `notFound` when neither URI variable is set.
    public func credentials() async throws -> Credentials {
        var request = try makeRequest()
        if let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw CredentialsError.failed(
                    provider: name, message: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile)")
            }
            request.headers.set("Authorization", String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            request.headers.set("Authorization", token)
        }
        let response = try await MetadataFetch.send(request, via: transport, timeout: timeout, attempts: 2, provider: name)
        guard (200..<300).contains(response.status) else {
            throw CredentialsError.failed(
                provider: name, message: "the container endpoint answered HTTP \(response.status): check the task or pod role")
        }
        return try CredentialDocument.credentials(from: response.body, tokenKey: "Token", provider: name, source: name)
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
        guard request.scheme == "https" || Self.isLoopback(request.host) || Self.allowedHosts.contains(request.host) else {
            throw CredentialsError.failed(
                provider: name,
                message: "AWS_CONTAINER_CREDENTIALS_FULL_URI host \(request.host) is not allowed over http: use https or a loopback address")
        }
        return request
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// Plain HTTP fetches for the metadata endpoints: URL parsing and a retrying send.
enum MetadataFetch {
    /// A request for `url` (pure); throws a `.failed` error naming the URL when it is not http(s).
    static func request(method: String, url: String, provider: String) throws -> HTTPRequest {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let rawHost = components.host, !rawHost.isEmpty
        else {
            throw CredentialsError.failed(provider: provider, message: "'\(url)' is not an http(s) URL")
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        // IPv6 literals (IMDS's fd00:ec2::254) keep their brackets in URLs and the Host header.
        let host = rawHost.contains(":") && !rawHost.hasPrefix("[") ? "[\(rawHost)]" : rawHost
        let query = (components.queryItems ?? []).map { QueryItem($0.name, $0.value ?? "") }
        return HTTPRequest(method: method, scheme: scheme, host: host, port: components.port, path: path, query: query)
    }

    /// Sends `request`, retrying transport failures and 5xx answers up to `attempts` times in all.
    static func send(
        _ request: HTTPRequest, via transport: any HTTPTransport, timeout: Duration, attempts: Int, provider: String
    ) async throws -> HTTPResponse {
        var lastError: Error = CredentialsError.failed(provider: provider, message: "no attempt made")
        for attempt in 1...max(1, attempts) {
            do {
                let response = try await transport.send(request, timeout: timeout)
                if response.status >= 500 && attempt < attempts { continue }
                return response
            } catch let error as TransportError {
                lastError = error
            }
        }
        throw lastError
    }
}
