import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSTS

/// STSRoleAssumer: the chain's STS calls, each signed with the source credentials (or unsigned),
/// against the STS endpoint of the region asked for.
@Suite("STS role assumer")
struct STSRoleAssumerTests {
    static let answer = xml(
        200,
        """
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIANEW</AccessKeyId>\
        <SecretAccessKey>new-secret</SecretAccessKey><SessionToken>new-token</SessionToken>\
        <Expiration>2026-11-23T12:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
        """)

    /// An assumer whose template context has credentials that must never be used.
    func assumer(_ transport: ScriptedTransport) -> STSRoleAssumer {
        let template = testContext(
            transport,
            credentials: StaticCredentials(Credentials(accessKeyID: "AKIDTEMPLATE", secretAccessKey: "x", source: "template")))
        return STSRoleAssumer(template: template, endpoint: { region in testEndpoint("sts", region: region) })
    }

    @Test("assumeRole signs with the source credentials in the region's scope and names both in the source")
    func assumeRoleSignsWithSource() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRole", Self.answer)
        let source = Credentials(
            accessKeyID: "AKIDSOURCE", secretAccessKey: "source-secret", sessionToken: "source-token", source: "profile:base")
        let credentials = try await assumer(transport).assumeRole(
            AssumeRoleRequest(roleARN: "arn:aws:iam::1:role/r", sessionName: "s", externalID: "e", durationSeconds: 1200),
            using: source, region: "eu-west-1")
        #expect(credentials.accessKeyID == "ASIANEW")
        #expect(credentials.sessionToken == "new-token")
        #expect(credentials.source == "assume-role arn:aws:iam::1:role/r (from profile:base)")
        let request = try #require(transport.sent.first)
        #expect(request.host == "sts.eu-west-1.amazonaws.com")
        let authorization = try #require(request.headers["Authorization"])
        #expect(authorization.contains("Credential=AKIDSOURCE/20150830/eu-west-1/sts/aws4_request"))
        #expect(request.headers["X-Amz-Security-Token"] == "source-token")
        let form = formParameters(request)
        #expect(form["ExternalId"] == "e")
        #expect(form["DurationSeconds"] == "1200")
        #expect(form["RoleSessionName"] == "s")
    }

    @Test("assumeRoleWithWebIdentity is unsigned and never asks the template's credentials")
    func webIdentity() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRoleWithWebIdentity", Self.answer)
        let credentials = try await assumer(transport).assumeRoleWithWebIdentity(
            WebIdentityRequest(roleARN: "arn:aws:iam::1:role/ci", sessionName: "gh", token: "tok"), region: "us-west-2")
        #expect(credentials.accessKeyID == "ASIANEW")
        let request = try #require(transport.sent.first)
        #expect(request.host == "sts.us-west-2.amazonaws.com")
        #expect(request.headers["Authorization"] == nil)
        #expect(formParameters(request)["WebIdentityToken"] == "tok")
        #expect(formParameters(request)["DurationSeconds"] == nil)
    }

    @Test("an STS refusal reaches the caller as the service error")
    func refusal() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRole", queryError(403, "AccessDenied", "not authorized to perform sts:AssumeRole"))
        let error = await #expect(throws: AWSServiceError.self) {
            try await assumer(transport).assumeRole(
                AssumeRoleRequest(roleARN: "arn:aws:iam::1:role/r", sessionName: "s"),
                using: Credentials(accessKeyID: "A", secretAccessKey: "B", source: "env"), region: "eu-west-1")
        }
        #expect(error?.code == "AccessDenied")
        #expect(error?.status == 403)
    }

    @Test("the endpoint resolver's failure stops the call before anything is sent")
    func endpointFailure() async throws {
        struct NoEndpoint: Error {}
        let transport = ScriptedTransport()
        let assumer = STSRoleAssumer(template: testContext(transport), endpoint: { _ in throw NoEndpoint() })
        await #expect(throws: NoEndpoint.self) {
            try await assumer.assumeRoleWithWebIdentity(
                WebIdentityRequest(roleARN: "arn:aws:iam::1:role/ci", sessionName: "gh", token: "tok"), region: "xx")
        }
        #expect(transport.sent.isEmpty)
    }

    @Test("the unsigned provider refuses to hand out credentials")
    func noCredentialProvider() async {
        await #expect(throws: CredentialsError.self) { try await NoCredentialProvider().credentials() }
    }
}
