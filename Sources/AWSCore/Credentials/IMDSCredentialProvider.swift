import Foundation

/// Credentials of the EC2 instance profile: IMDSv2 (a session token from `PUT /latest/api/token`,
/// then the role name and the role's credentials), falling back to IMDSv1 (no token) only when
/// the token call is refused with 403, 404 or 405 and `AWS_EC2_METADATA_V1_DISABLED` is not set,
/// as the SDKs do. Short timeouts and one retry; `AWS_EC2_METADATA_DISABLED=true` turns it off and
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it. The source says which version was used. See EC2
/// User Guide, "Use IMDSv2" and "Retrieve security credentials from instance metadata".
package struct IMDSCredentialProvider: CredentialProvider {
    /// The environment read.
    package let environment: EnvironmentSnapshot
    /// The transport the requests go through.
    package let transport: any HTTPTransport
    /// When true (last in the chain), a connection failure to the default endpoint means "not on
    /// EC2": `notFound`. A failure to reach `AWS_EC2_METADATA_SERVICE_ENDPOINT` is always an error.
    package let connectionFailureIsMiss: Bool
    /// Per-attempt timeout.
    package let timeout: Duration
    /// Receives `--debug` lines, or nil.
    package let debug: (@Sendable (String) -> Void)?

    /// Creates the provider.
    package init(
        environment: EnvironmentSnapshot, transport: any HTTPTransport, connectionFailureIsMiss: Bool = true,
        timeout: Duration = .seconds(1), debug: (@Sendable (String) -> Void)? = nil
    ) {
        self.environment = environment
        self.transport = transport
        self.connectionFailureIsMiss = connectionFailureIsMiss
        self.timeout = timeout
        self.debug = debug
    }

    /// `ec2-instance-metadata`.
    package var name: String { "ec2-instance-metadata" }

    /// The default endpoint.
    package static let defaultEndpoint = "http://169.254.169.254"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    /// True when `AWS_EC2_METADATA_DISABLED` turns the provider off.
    package var isDisabled: Bool { isTrue(environment["AWS_EC2_METADATA_DISABLED"]) }

    /// Fetches token (or falls back to IMDSv1), role name and credentials.
    package func credentials() async throws -> Credentials {
        if isDisabled { throw CredentialsError.notFound(provider: name) }
        let configured = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
        var endpoint = configured ?? Self.defaultEndpoint
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        do {
            let token = try await fetchToken(endpoint)
            let roleText = try await get(endpoint + Self.credentialsPath, token: token, what: "the role name")
            guard let role = roleText.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else {
                throw CredentialsError.notFound(provider: name)
            }
            let document = try await get(endpoint + Self.credentialsPath + role, token: token, what: "credentials")
            let source = "\(name) (\(role), \(token == nil ? "IMDSv1" : "IMDSv2"))"
            return try CredentialDocument.credentials(
                from: Data(document.utf8), tokenKey: "Token", provider: name, source: source)
        } catch is TransportError where connectionFailureIsMiss && configured == nil {
            throw CredentialsError.notFound(provider: name)
        } catch let error as TransportError {
            let hint = configured == nil
                ? "are you on EC2? (AWS_EC2_METADATA_SERVICE_ENDPOINT moves the endpoint)"
                : "check AWS_EC2_METADATA_SERVICE_ENDPOINT"
            throw CredentialsError.failed(
                provider: name, message: "cannot reach the instance metadata service at \(endpoint) (\(error.reason)): \(hint)")
        }
    }

    /// The IMDSv2 session token, or nil when IMDSv1 is to be used.
    private func fetchToken(_ endpoint: String) async throws -> String? {
        var request = try MetadataFetch.request(method: "PUT", url: endpoint + "/latest/api/token", provider: name)
        request.headers.set("X-aws-ec2-metadata-token-ttl-seconds", "21600")
        let response = try await MetadataFetch.send(
            request, via: transport, timeout: timeout, attempts: 2, provider: name, debug: debug, answerIsSecret: true)
        if response.status == 200 {
            return String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard [403, 404, 405].contains(response.status) else {
            throw CredentialsError.failed(
                provider: name, message: "the metadata token request answered HTTP \(response.status): check the instance metadata options")
        }
        if isTrue(environment["AWS_EC2_METADATA_V1_DISABLED"]) {
            throw CredentialsError.failed(
                provider: name,
                message: "the IMDSv2 token request answered HTTP \(response.status) and AWS_EC2_METADATA_V1_DISABLED forbids IMDSv1: enable IMDSv2 on the instance or unset AWS_EC2_METADATA_V1_DISABLED")
        }
        debug?("\(name): the token request answered HTTP \(response.status); falling back to IMDSv1")
        return nil
    }

    private func get(_ url: String, token: String?, what: String) async throws -> String {
        var request = try MetadataFetch.request(method: "GET", url: url, provider: name)
        if let token { request.headers.set("X-aws-ec2-metadata-token", token) }
        let response = try await MetadataFetch.send(
            request, via: transport, timeout: timeout, attempts: 2, provider: name, debug: debug)
        if response.status == 404 { throw CredentialsError.notFound(provider: name) }
        guard response.status == 200 else {
            throw CredentialsError.failed(
                provider: name, message: "fetching \(what) answered HTTP \(response.status): attach an instance profile")
        }
        return String(decoding: response.body, as: UTF8.self)
    }
}
