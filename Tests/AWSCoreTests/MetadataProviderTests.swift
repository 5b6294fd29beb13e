import AWSCore
import AWSTestSupport
import Foundation
import Testing

@Suite("Container and EC2 instance metadata providers (scripted transport only)")
struct MetadataProviderTests {
    static let document = #"{"AccessKeyId": "CK", "SecretAccessKey": "CS", "Token": "CT", "Expiration": "2030-01-01T00:00:00Z"}"#

    @Test("the relative URI goes to 169.254.170.2 with the authorization token")
    func containerRelative() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(Self.document) }
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(
                variables: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "secret-token"],
                homeDirectory: "/"),
            files: InMemoryFileSystem(), transport: transport)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "CK")
        #expect(credentials.sessionToken == "CT")
        let request = try #require(transport.requests.first)
        #expect(request.urlString == "http://169.254.170.2/v2/credentials/abc")
        #expect(request.headers["Authorization"] == "secret-token")
    }

    @Test("the token file is read on each call and wins over the token variable")
    func containerTokenFile() async throws {
        let file = "/var/run/secrets/token"
        let files = InMemoryFileSystem(text: [file: "file-token\n"])
        let transport = ScriptedTransport { _ in jsonResponse(Self.document) }
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(
                variables: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9911/creds",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": file,
                ],
                homeDirectory: "/"),
            files: files, transport: transport)
        _ = try await provider.credentials()
        files.write(file, Data("rotated".utf8))
        _ = try await provider.credentials()
        let requests = transport.requests
        #expect(requests.map { $0.headers["Authorization"] } == ["file-token", "rotated"])
        #expect(requests.first?.port == 9911)
    }

    @Test(
        "full URIs: https or loopback/ECS hosts only",
        arguments: [
            ("https://creds.example.com/x", true), ("http://localhost:8080/x", true), ("http://127.0.0.2/x", true),
            ("http://169.254.170.23/v1/credentials", true), ("http://example.com/x", false),
        ])
    func containerFullURI(_ uri: String, _ allowed: Bool) async {
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(variables: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], homeDirectory: "/"),
            files: InMemoryFileSystem(), transport: ScriptedTransport { _ in jsonResponse(Self.document) })
        let succeeded = (try? await provider.credentials()) != nil
        #expect(succeeded == allowed)
    }

    @Test("no container variables is notFound")
    func containerNotConfigured() async {
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), files: InMemoryFileSystem(),
            transport: ScriptedTransport.unreachable())
        await #expect(throws: CredentialsError.notFound(provider: "container")) { try await provider.credentials() }
    }

    static func imdsScript(_ request: HTTPRequest) throws -> HTTPResponse {
        switch (request.method, request.path) {
        case ("PUT", "/latest/api/token"):
            return HTTPResponse(status: 200, body: Data("imds-token".utf8))
        case ("GET", "/latest/meta-data/iam/security-credentials/"):
            return HTTPResponse(status: 200, body: Data("my-role\n".utf8))
        case ("GET", "/latest/meta-data/iam/security-credentials/my-role"):
            return jsonResponse(#"{"Code": "Success", "AccessKeyId": "IK", "SecretAccessKey": "IS", "Token": "IT", "Expiration": "2030-01-01T00:00:00Z"}"#)
        default:
            return HTTPResponse(status: 404)
        }
    }

    @Test("IMDSv2: token first, then the role name, then its credentials, with 1 s timeouts")
    func imdsFlow() async throws {
        let transport = ScriptedTransport(Self.imdsScript)
        let provider = IMDSCredentialProvider(
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), transport: transport)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "IK")
        #expect(credentials.source == "ec2-instance-metadata (my-role, IMDSv2)")
        let requests = transport.requests
        #expect(requests.map { "\($0.method) \($0.urlString)" } == [
            "PUT http://169.254.169.254/latest/api/token",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/my-role",
        ])
        #expect(requests[0].headers["X-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(requests[1].headers["X-aws-ec2-metadata-token"] == "imds-token")
        #expect(transport.timeouts.allSatisfy { $0 == .seconds(1) })
    }

    @Test("AWS_EC2_METADATA_SERVICE_ENDPOINT moves it")
    func imdsEndpointOverride() async throws {
        let transport = ScriptedTransport(Self.imdsScript)
        let provider = IMDSCredentialProvider(
            environment: EnvironmentSnapshot(
                variables: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://[fd00:ec2::254]/"], homeDirectory: "/"),
            transport: transport)
        _ = try await provider.credentials()
        #expect(transport.requests.first?.urlString == "http://[fd00:ec2::254]/latest/api/token")
    }

    @Test("AWS_EC2_METADATA_DISABLED=true sends nothing")
    func imdsDisabled() async {
        let transport = ScriptedTransport(Self.imdsScript)
        let provider = IMDSCredentialProvider(
            environment: EnvironmentSnapshot(variables: ["AWS_EC2_METADATA_DISABLED": "True"], homeDirectory: "/"),
            transport: transport)
        await #expect(throws: CredentialsError.notFound(provider: "ec2-instance-metadata")) {
            try await provider.credentials()
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a connection failure is retried once, then a soft miss in the chain or an error when asked for")
    func imdsUnreachable() async {
        let transport = ScriptedTransport.unreachable()
        let soft = IMDSCredentialProvider(environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), transport: transport)
        await #expect(throws: CredentialsError.notFound(provider: "ec2-instance-metadata")) { try await soft.credentials() }
        #expect(transport.requests.count == 2)
        let hard = IMDSCredentialProvider(
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), transport: transport,
            connectionFailureIsMiss: false)
        await #expect {
            try await hard.credentials()
        } throws: { error in
            (error as? CredentialsError)?.isNotFound == false
        }
    }
}
