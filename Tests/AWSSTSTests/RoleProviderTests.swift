import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSTS

@Suite("Assume-role and web identity providers (fake STS)")
struct RoleProviderTests {
    static let config = """
        [profile base]
        region = us-west-2
        [profile a]
        role_arn = arn:aws:iam::1:role/A
        source_profile = b
        external_id = ext-1
        role_session_name = my-session
        duration_seconds = 1800
        [profile b]
        role_arn = arn:aws:iam::1:role/B
        source_profile = base
        [profile self]
        role_arn = arn:aws:iam::1:role/Self
        source_profile = self
        [profile loop1]
        role_arn = arn:aws:iam::1:role/L1
        source_profile = loop2
        [profile loop2]
        role_arn = arn:aws:iam::1:role/L2
        source_profile = loop1
        [profile env]
        role_arn = arn:aws:iam::1:role/Env
        credential_source = Environment
        [profile mfa]
        role_arn = arn:aws:iam::1:role/M
        source_profile = base
        mfa_serial = arn:aws:iam::1:mfa/me
        [profile both]
        role_arn = arn:aws:iam::1:role/X
        source_profile = base
        credential_source = Environment
        [profile neither]
        role_arn = arn:aws:iam::1:role/X
        [profile badsource]
        role_arn = arn:aws:iam::1:role/X
        credential_source = Laptop
        [profile baddur]
        role_arn = arn:aws:iam::1:role/X
        source_profile = base
        duration_seconds = 60
        [profile web]
        role_arn = arn:aws:iam::1:role/Web
        web_identity_token_file = ~/token
        """

    static let credentials = """
        [base]
        aws_access_key_id = BASEKEY
        aws_secret_access_key = BASESECRET
        [self]
        aws_access_key_id = SELFKEY
        aws_secret_access_key = SELFSECRET
        """

    func resolver(_ assumer: FakeRoleAssumer, environment: EnvironmentSnapshot? = nil) throws -> ProfileCredentialResolver {
        let config = try sharedConfig(config: Self.config, credentials: Self.credentials)
        let environment = environment ?? EnvironmentSnapshot(variables: [:], homeDirectory: "/nonexistent")
        return ProfileCredentialResolver(
            dependencies: roleDependencies(config, environment: environment, roleAssumer: assumer, region: nil))
    }

    @Test("a source_profile chain assumes each role with the previous one's credentials")
    func chain() async throws {
        let assumer = FakeRoleAssumer()
        let provider = try #require(try resolver(assumer).provider(forProfile: "a"))
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "ASIA-A")
        #expect(credentials.source == "profile:a (assume-role)")
        let calls = await assumer.calls
        #expect(calls.map(\.request.roleARN) == ["arn:aws:iam::1:role/B", "arn:aws:iam::1:role/A"])
        #expect(calls.map(\.sourceKeyID) == ["BASEKEY", "ASIA-B"])
        #expect(calls[1].request.externalID == "ext-1")
        #expect(calls[1].request.sessionName == "my-session")
        #expect(calls[1].request.durationSeconds == 1800)
        #expect(calls[0].request.sessionName == "lambdactl-1800000000")
        #expect(calls[0].region == "us-east-1")
    }

    @Test("a profile may name itself as source when it holds static keys")
    func selfSource() async throws {
        let assumer = FakeRoleAssumer()
        _ = try await #require(try resolver(assumer).provider(forProfile: "self")).credentials()
        #expect(await assumer.calls.first?.sourceKeyID == "SELFKEY")
    }

    @Test("credential_source = Environment signs with the environment keys")
    func environmentSource() async throws {
        let assumer = FakeRoleAssumer()
        let environment = EnvironmentSnapshot(
            variables: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"], homeDirectory: "/nonexistent")
        _ = try await #require(try resolver(assumer, environment: environment).provider(forProfile: "env")).credentials()
        #expect(await assumer.calls.first?.sourceKeyID == "ENVKEY")
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var profile: String
        var fragment: String
        var testDescription: String { profile }
    }

    @Test(
        "misconfigured role profiles are clear errors",
        arguments: [
            Invalid(profile: "loop1", fragment: "loops (loop1 → loop2 → loop1)"),
            Invalid(profile: "mfa", fragment: "mfa_serial is not supported: use"),
            Invalid(profile: "both", fragment: "has both source_profile and credential_source"),
            Invalid(profile: "neither", fragment: "needs source_profile or credential_source"),
            Invalid(profile: "badsource", fragment: "credential_source 'Laptop' is not one of"),
            Invalid(profile: "baddur", fragment: "from 900 to 43200"),
        ])
    func invalid(_ example: Invalid) throws {
        #expect {
            try resolver(FakeRoleAssumer()).provider(forProfile: example.profile)
        } throws: { error in
            "\(error)".contains(example.fragment) && (error as? CategorizedError)?.category == .configuration
        }
    }

    @Test("a profile web_identity_token_file is read fresh on every call")
    func profileWebIdentity() async throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write("token", "jwt-1\n")
        let assumer = FakeRoleAssumer()
        let provider = try #require(try resolver(assumer, environment: home.environment()).provider(forProfile: "web"))
        _ = try await provider.credentials()
        try home.write("token", "jwt-2")
        let credentials = try await provider.credentials()
        #expect(credentials.source == "profile:web (web-identity)")
        #expect(await assumer.webCalls.map(\.token) == ["jwt-1", "jwt-2"])
    }

    @Test("web identity from the environment uses AWS_ROLE_SESSION_NAME")
    func environmentWebIdentity() async throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("gha-token", "oidc")
        let assumer = FakeRoleAssumer()
        let provider = try #require(
            WebIdentityCredentialProvider.fromEnvironment(
                home.environment([
                    "AWS_ROLE_ARN": "arn:aws:iam::1:role/CI", "AWS_WEB_IDENTITY_TOKEN_FILE": file,
                    "AWS_ROLE_SESSION_NAME": "gha-run",
                ]),
                region: "eu-west-1", roleAssumer: assumer, time: fixedTime(), files: LocalFileSystem()))
        let credentials = try await provider.credentials()
        #expect(credentials.source == "web-identity")
        #expect(await assumer.webCalls == [WebIdentityRequest(roleARN: "arn:aws:iam::1:role/CI", sessionName: "gha-run", token: "oidc")])
    }
}
