import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSTS

/// STSClient on the wire: the query protocol's form body, signing, answers and errors.
@Suite("STS client")
struct STSClientTests {
    static let credentialsXML = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>\
        <Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>\
        <SessionToken>role-token</SessionToken><Expiration>2026-11-23T12:00:00Z</Expiration></Credentials>\
        </AssumeRoleResult></AssumeRoleResponse>
        """

    func client(_ transport: ScriptedTransport, credentials: any CredentialProvider = StaticCredentials()) -> STSClient {
        STSClient(context: testContext(transport, credentials: credentials), endpoint: testEndpoint("sts"))
    }

    @Test("GetCallerIdentity is a signed form POST to / and reads account, ARN and user id")
    func callerIdentity() async throws {
        let transport = ScriptedTransport()
        transport.on(
            "GetCallerIdentity",
            xml(
                200,
                """
                <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/dev</Arn>\
                <UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>\
                </GetCallerIdentityResponse>
                """))
        let identity = try await client(transport).getCallerIdentity()
        #expect(identity == CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/dev", userID: "AIDAEXAMPLE"))
        let request = try #require(transport.sent.first)
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.host == "sts.us-east-1.amazonaws.com")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(bodyText(request) == "Action=GetCallerIdentity&Version=2011-06-15")
        let authorization = try #require(request.headers["Authorization"])
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/sts/aws4_request"))
        #expect(request.headers["X-Amz-Security-Token"] == "TOKEN-SECRET")
    }

    @Test("an answer without Account is a decoding error naming the operation")
    func callerIdentityWithoutAccount() async throws {
        let transport = ScriptedTransport()
        transport.on("GetCallerIdentity", xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>"))
        let error = await #expect(throws: AWSResponseDecodingError.self) { try await client(transport).getCallerIdentity() }
        #expect(error?.operation == "GetCallerIdentity")
    }

    @Test("an STS error answer becomes a service error with code, message, request id and status")
    func errorAnswer() async throws {
        let transport = ScriptedTransport()
        transport.on(
            "GetCallerIdentity",
            queryError(403, "InvalidClientTokenId", "The security token included in the request is invalid.", requestID: "rid-9"))
        let error = await #expect(throws: AWSServiceError.self) { try await client(transport).getCallerIdentity() }
        #expect(error?.code == "InvalidClientTokenId")
        #expect(error?.message == "The security token included in the request is invalid.")
        #expect(error?.requestID == "rid-9")
        #expect(error?.status == 403)
    }

    @Test("AssumeRole sends role, session, external id and duration, and reads the credentials")
    func assumeRole() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRole", xml(200, Self.credentialsXML))
        let credentials = try await client(transport).assumeRole(
            roleARN: "arn:aws:iam::123456789012:role/deploy", sessionName: "s 1", externalID: "ext+1", durationSeconds: 900)
        #expect(credentials.accessKeyID == "ASIAROLE")
        #expect(credentials.secretAccessKey == "role-secret")
        #expect(credentials.sessionToken == "role-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_795_435_200))
        #expect(credentials.source == "assume-role arn:aws:iam::123456789012:role/deploy")
        let request = try #require(transport.sent.first)
        #expect(
            bodyText(request)
                == "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy"
                + "&RoleSessionName=s%201&ExternalId=ext%2B1&DurationSeconds=900")
        #expect(request.headers["Authorization"] != nil)
    }

    @Test("AssumeRole leaves out the optional parameters it was not given")
    func assumeRoleMinimal() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRole", xml(200, Self.credentialsXML))
        _ = try await client(transport).assumeRole(roleARN: "arn:aws:iam::1:role/r", sessionName: "s")
        let form = formParameters(try #require(transport.sent.first))
        #expect(form == ["Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::1:role/r", "RoleSessionName": "s"])
    }

    @Test("an answer without Credentials is a decoding error")
    func assumeRoleWithoutCredentials() async throws {
        let transport = ScriptedTransport()
        transport.on("AssumeRole", xml(200, "<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>"))
        let error = await #expect(throws: AWSResponseDecodingError.self) {
            try await client(transport).assumeRole(roleARN: "arn:aws:iam::1:role/r", sessionName: "s")
        }
        #expect(error?.operation == "AssumeRole")
    }

    @Test("AssumeRoleWithWebIdentity goes unsigned: no Authorization, no token, no credentials asked for")
    func webIdentityUnsigned() async throws {
        let transport = ScriptedTransport()
        transport.on(
            "AssumeRoleWithWebIdentity",
            xml(200, Self.credentialsXML.replacingOccurrences(of: "AssumeRole", with: "AssumeRoleWithWebIdentity")))
        let credentials = try await client(transport, credentials: NoCredentialProvider()).assumeRoleWithWebIdentity(
            roleARN: "arn:aws:iam::1:role/ci", sessionName: "gh", token: "eyJ.token", durationSeconds: 3600)
        #expect(credentials.accessKeyID == "ASIAROLE")
        #expect(credentials.source == "web-identity arn:aws:iam::1:role/ci")
        let request = try #require(transport.sent.first)
        #expect(request.headers["Authorization"] == nil)
        #expect(request.headers["X-Amz-Security-Token"] == nil)
        #expect(request.headers["X-Amz-Date"] == nil)
        #expect(
            formParameters(request) == [
                "Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::1:role/ci",
                "RoleSessionName": "gh", "WebIdentityToken": "eyJ.token", "DurationSeconds": "3600",
            ])
    }

    @Test("fractional-second expirations are read too")
    func fractionalExpiration() {
        #expect(ISO8601.parse("2026-11-23T12:00:00.500Z") == Date(timeIntervalSince1970: 1_795_435_200.5))
        #expect(ISO8601.parse("not a date") == nil)
    }
}
