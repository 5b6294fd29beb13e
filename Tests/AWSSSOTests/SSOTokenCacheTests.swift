import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSSO

@Suite("The SSO token cache is read and rewritten through the file-system view it is handed")
struct SSOTokenCacheTests {
    static let cachePath = "/home/u/.aws/sso/cache/\(SSOCredentialProviderTests.sha1Hex("corp")).json"

    func provider(files: InMemoryFileSystem, transport: ScriptedTransport) throws -> any CredentialProvider {
        let resolver = ProfileCredentialResolver(
            dependencies: credentialDependencies(
                try sharedConfig(config: SSOCredentialProviderTests.config),
                environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/home/u"), transport: transport,
                factories: [SSOCredentialFactory()], files: files))
        return try #require(try resolver.provider(forProfile: "new"))
    }

    @Test("an expired token is refreshed and the refreshed one is written back to the cache")
    func refreshRewritesCache() async throws {
        let files = InMemoryFileSystem(text: [
            Self.cachePath: #"""
                {"accessToken": "old", "expiresAt": "2026-01-01T00:00:00Z", "refreshToken": "r-1",
                 "clientId": "c", "clientSecret": "s", "registrationExpiresAt": "2030-01-01T00:00:00Z"}
                """#,
        ])
        let transport = ScriptedTransport { request in
            request.path == "/token"
                ? jsonResponse(#"{"accessToken": "fresh", "expiresIn": 3600, "refreshToken": "r-2"}"#)
                : jsonResponse(SSOCredentialProviderTests.answer)
        }
        let credentials = try await provider(files: files, transport: transport).credentials()
        #expect(credentials.accessKeyID == "SK")
        #expect(transport.requests.map(\.path) == ["/token", "/federation/credentials"])
        #expect(transport.requests.last?.headers["x-amz-sso_bearer_token"] == "fresh")
        let cached = try #require(files.contents(at: Self.cachePath))
        let object = try #require(try JSONSerialization.jsonObject(with: cached) as? [String: Any])
        #expect(object["accessToken"] as? String == "fresh")
        #expect(object["refreshToken"] as? String == "r-2")
        #expect(object["expiresAt"] as? String == "2027-01-15T09:00:00Z")
    }

    @Test("no cache file in the view is the login hint, whatever the disk holds")
    func missingCache() async throws {
        await #expect {
            try await provider(files: InMemoryFileSystem(), transport: ScriptedTransport.unreachable()).credentials()
        } throws: { error in
            "\(error)".contains("no cached SSO token: run `aws sso login --profile new`")
        }
    }
}
