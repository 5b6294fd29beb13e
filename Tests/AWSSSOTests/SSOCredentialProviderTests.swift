import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSSO

@Suite("IAM Identity Center (SSO) provider")
struct SSOCredentialProviderTests {
    static let config = """
        [profile new]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Deployer
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-west-1
        [profile legacy]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 444455556666
        sso_role_name = ReadOnly
        [profile broken]
        sso_session = missing
        sso_account_id = 1
        sso_role_name = r
        """

    static let answer = #"{"roleCredentials": {"accessKeyId": "SK", "secretAccessKey": "SS", "sessionToken": "ST", "expiration": 1893456000000}}"#

    @Test(
        "the cache file name is the SHA-1 of the session name, or of the start URL for legacy profiles",
        arguments: [
            // echo -n corp | sha1sum ; echo -n https://legacy.awsapps.com/start | sha1sum
            ("new", "ee0bfd2552fbd840c02cc48b6e823320543c450f"),
            ("legacy", "79e435d7a515078e81c9dffc35f38d5687ebd3a7"),
        ])
    func cacheKey(_ profileName: String, _ expected: String) throws {
        let config = try sharedConfig(config: Self.config)
        let settings = try #require(try SSOSettings.from(profile: try config.requireProfile(profileName), config: config))
        #expect(settings.cacheKey == expected)
    }

    /// The SHA-1 hex from the system's `sha1sum`, so cache files are named without our code.
    static func sha1Hex(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s' \"$0\" | sha1sum | cut -d' ' -f1", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func provider(_ profile: String, home: TempHome, transport: ScriptedTransport, variables: [String: String] = [:])
        throws -> any CredentialProvider
    {
        let config = try sharedConfig(config: Self.config)
        let resolver = ProfileCredentialResolver(
            dependencies: credentialDependencies(
                config, environment: home.environment(variables), transport: transport,
                factories: [SSOCredentialFactory()]))
        return try #require(try resolver.provider(forProfile: profile))
    }

    @Test("a valid cached token is exchanged at the portal with the bearer header")
    func exchange() async throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(
            ".aws/sso/cache/\(Self.sha1Hex("corp")).json",
            #"{"accessToken": "bearer-1", "expiresAt": "2030-01-01T00:00:00Z", "region": "eu-west-1"}"#)
        let transport = ScriptedTransport { _ in jsonResponse(Self.answer) }
        let credentials = try await provider("new", home: home, transport: transport).credentials()
        #expect(credentials.accessKeyID == "SK")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))
        #expect(credentials.source == "profile:new (sso)")
        let request = try #require(transport.requests.first)
        #expect(request.urlString
            == "https://portal.sso.eu-west-1.amazonaws.com/federation/credentials?account_id=111122223333&role_name=Deployer")
        #expect(request.headers["x-amz-sso_bearer_token"] == "bearer-1")
        #expect(request.headers["Authorization"] == nil)
    }

    @Test("AWS_ENDPOINT_URL_SSO moves the portal")
    func endpointOverride() async throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(
            ".aws/sso/cache/\(Self.sha1Hex("https://legacy.awsapps.com/start")).json",
            #"{"accessToken": "bearer-2", "expiresAt": "2030-01-01T00:00:00.000Z"}"#)
        let transport = ScriptedTransport { _ in jsonResponse(Self.answer) }
        _ = try await provider(
            "legacy", home: home, transport: transport, variables: ["AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:7000/sso"]
        ).credentials()
        #expect(transport.requests.first?.urlString.hasPrefix("http://127.0.0.1:7000/sso/federation/credentials") == true)
    }

    @Test(
        "a missing or expired token tells the user to run aws sso login",
        arguments: [nil, #"{"accessToken": "old", "expiresAt": "2020-01-01T00:00:00Z"}"#])
    func loginHint(_ cacheContents: String?) async throws {
        let home = try TempHome()
        defer { home.remove() }
        if let cacheContents { try home.write(".aws/sso/cache/\(Self.sha1Hex("corp")).json", cacheContents) }
        let transport = ScriptedTransport { _ in jsonResponse(Self.answer) }
        let provider = try provider("new", home: home, transport: transport)
        await #expect {
            try await provider.credentials()
        } throws: { error in
            "\(error)".hasSuffix("run `aws sso login --profile new`")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a refused token also tells the user to log in")
    func refused() async throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(
            ".aws/sso/cache/\(Self.sha1Hex("corp")).json", #"{"accessToken": "x", "expiresAt": "2030-01-01T00:00:00Z"}"#)
        let provider = try provider("new", home: home, transport: ScriptedTransport { _ in HTTPResponse(status: 401) })
        await #expect {
            try await provider.credentials()
        } throws: { error in
            "\(error)".contains("HTTP 401") && "\(error)".hasSuffix("run `aws sso login --profile new`")
        }
    }

    @Test("an sso_session without its section is an error")
    func missingSession() throws {
        let config = try sharedConfig(config: Self.config)
        #expect(throws: CredentialsError.self) {
            try SSOSettings.from(profile: try config.requireProfile("broken"), config: config)
        }
    }
}
