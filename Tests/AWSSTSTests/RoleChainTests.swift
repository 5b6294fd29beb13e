import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSTS

@Suite("Web identity's place in the credential chain")
struct RoleChainTests {
    struct ChainCase: Sendable, CustomTestStringConvertible {
        var name: String
        var variables: [String: String]
        var profile: String?
        var expectedSource: String
        var testDescription: String { name }
    }

    static let config = "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\n"
    static let credentials = """
        [default]
        aws_access_key_id = DEFAULTKEY
        aws_secret_access_key = s
        [dev]
        aws_access_key_id = DEVKEY
        aws_secret_access_key = s
        """
    static let envKeys = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"]

    static let cases: [ChainCase] = [
        ChainCase(name: "environment keys before web identity and the default profile",
                  variables: envKeys.merging(["AWS_ROLE_ARN": "arn:aws:iam::1:role/CI", "AWS_WEB_IDENTITY_TOKEN_FILE": "TOKEN"]) { $1 },
                  profile: nil, expectedSource: "environment"),
        ChainCase(name: "web identity before the default profile",
                  variables: ["AWS_ROLE_ARN": "arn:aws:iam::1:role/CI", "AWS_WEB_IDENTITY_TOKEN_FILE": "TOKEN"],
                  profile: nil, expectedSource: "web-identity"),
    ]

    @Test("the chain with the role factory picks providers in the SDKs' order", arguments: cases)
    func order(_ example: ChainCase) async throws {
        let home = try TempHome()
        defer { home.remove() }
        let token = try home.write("token", "jwt")
        let variables = example.variables.mapValues { $0 == "TOKEN" ? token : $0 }
        let config = try sharedConfig(config: Self.config, credentials: Self.credentials)
        let builder = CredentialChainBuilder(
            dependencies: roleDependencies(config, environment: home.environment(variables)))
        let provider = try builder.build(profile: example.profile)
        let credentials = try await provider.credentials()
        #expect(credentials.source == example.expectedSource)
        #expect(await provider.lastSource == example.expectedSource)
    }
}
