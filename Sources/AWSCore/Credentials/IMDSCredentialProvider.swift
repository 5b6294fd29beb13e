import Foundation

/// Credentials of the EC2 instance profile through IMDSv2: a session token first
/// (`PUT /latest/api/token`), then the role name and the role's credentials. Short timeouts and
/// one retry; `AWS_EC2_METADATA_DISABLED=true` turns it off and `AWS_EC2_METADATA_SERVICE_ENDPOINT`
/// moves it. See EC2 User Guide, "Use IMDSv2" and "Retrieve security credentials from instance metadata".
public struct IMDSCredentialProvider: CredentialProvider {
    /// The environment read.
    public let environment: EnvironmentSnapshot
    /// The transport the requests go through.
    public let transport: any HTTPTransport
    /// When true (last in the chain), a connection failure means "not on EC2": `notFound`.
    public let connectionFailureIsMiss: Bool
    /// Per-attempt timeout.
    public let timeout: Duration

    /// Creates the provider.
    public init(
        environment: EnvironmentSnapshot, transport: any HTTPTransport, connectionFailureIsMiss: Bool = true,
        timeout: Duration = .seconds(1)
    ) {
        self.environment = environment
        self.transport = transport
        self.connectionFailureIsMiss = connectionFailureIsMiss
        self.timeout = timeout
    }

    /// `ec2-instance-metadata`.
    public var name: String { "ec2-instance-metadata" }

    /// The default endpoint.
    public static let defaultEndpoint = "http://169.254.169.254"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    /// Fetches token, role name and credentials.
    public func credentials() async throws -> Credentials {
        if isTrue(environment["AWS_EC2_METADATA_DISABLED"]) { throw CredentialsError.notFound(provider: name) }
        var endpoint = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? Self.defaultEndpoint
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        do {
            let token = try await fetchToken(endpoint)
            let roleText = try await get(endpoint + Self.credentialsPath, token: token, what: "the role name")
            guard let role = roleText.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else {
                throw CredentialsError.notFound(provider: name)
            }
            let document = try await get(endpoint + Self.credentialsPath + role, token: token, what: "credentials")
            let source = "\(name) (\(role))"
            return try CredentialDocument.credentials(
                from: Data(document.utf8), tokenKey: "Token", provider: name, source: source)
        } catch is TransportError where connectionFailureIsMiss {
            throw CredentialsError.notFound(provider: name)
        } catch let error as TransportError {
            throw CredentialsError.failed(
                provider: name, message: "cannot reach the instance metadata service at \(endpoint) (\(error)): are you on EC2?")
        }
    }

    private func fetchToken(_ endpoint: String) async throws -> String {
        var request = try MetadataFetch.request(method: "PUT", url: endpoint + "/latest/api/token", provider: name)
        request.headers.set("X-aws-ec2-metadata-token-ttl-seconds", "21600")
        let response = try await MetadataFetch.send(request, via: transport, timeout: timeout, attempts: 2, provider: name)
        guard response.status == 200 else {
            throw CredentialsError.failed(
                provider: name, message: "the metadata token request answered HTTP \(response.status): enable IMDSv2 on the instance")
        }
        return String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func get(_ url: String, token: String, what: String) async throws -> String {
        var request = try MetadataFetch.request(method: "GET", url: url, provider: name)
        request.headers.set("X-aws-ec2-metadata-token", token)
        let response = try await MetadataFetch.send(request, via: transport, timeout: timeout, attempts: 2, provider: name)
        if response.status == 404 { throw CredentialsError.notFound(provider: name) }
        guard response.status == 200 else {
            throw CredentialsError.failed(
                provider: name, message: "fetching \(what) answered HTTP \(response.status): attach an instance profile")
        }
        return String(decoding: response.body, as: UTF8.self)
    }
}
