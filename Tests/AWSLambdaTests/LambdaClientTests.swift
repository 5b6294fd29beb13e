import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSLambda

/// LambdaClient on the wire: rest-json paths (names and ARNs as one encoded segment), bodies,
/// `NextMarker` paging and `X-Amzn-ErrorType` errors. (Paging, paths: moved from DeploymentTests.)
@Suite("The Lambda client's paging, paths and errors")
struct LambdaClientTests {
    let transport = ScriptedTransport()
    var lambda: LambdaClient { LambdaClient(context: testContext(transport), endpoint: testEndpoint("lambda")) }

    /// A function configuration as Lambda answers it.
    static func configuration(_ name: String = "f", version: String = "$LATEST") -> String {
        """
        {"FunctionName":"\(name)","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:\(name)",\
        "Runtime":"python3.13","Handler":"app.handler","CodeSha256":"SHA","MemorySize":128,"Timeout":3,\
        "Version":"\(version)","State":"Active","LastUpdateStatus":"Successful","RevisionId":"r1"}
        """
    }

    @Test("list calls follow NextMarker through every page")
    func pages() async throws {
        transport.on(
            "GET /2015-03-31/functions",
            json(200, #"{"Functions":[{"FunctionName":"a"},{"FunctionName":"b"}],"NextMarker":"m1"}"#),
            json(200, #"{"Functions":[{"FunctionName":"c"}],"NextMarker":"m2"}"#),
            json(200, #"{"Functions":[{"FunctionName":"d"}]}"#))
        let functions = try await lambda.listFunctions()
        #expect(functions.compactMap(\.functionName) == ["a", "b", "c", "d"])
        #expect(transport.sent.map(\.query) == [[], [QueryItem("Marker", "m1")], [QueryItem("Marker", "m2")]])
    }

    @Test("a repeating marker ends paging instead of looping forever")
    func repeatingMarker() async throws {
        transport.on(
            "GET /2015-03-31/functions/f/aliases", json(200, #"{"Aliases":[{"Name":"a","FunctionVersion":"1"}],"NextMarker":"same"}"#))
        let aliases = try await lambda.listAliases("f")
        #expect(aliases.count == 2)
        #expect(transport.sent.count == 2)
    }

    @Test("a full ARN is one percent-encoded path segment")
    func arnPath() async throws {
        let arn = "arn:aws:lambda:eu-west-1:123456789012:function:f"
        transport.on(
            "GET /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af/configuration",
            json(200, Self.configuration()))
        let config = try await lambda.getFunctionConfiguration(arn)
        #expect(config.functionName == "f")
    }

    @Test("PublishVersion posts CodeSha256 and RevisionId and decodes the new version")
    func publishVersion() async throws {
        transport.on("POST /2015-03-31/functions/{name}/versions", json(201, Self.configuration(version: "4")))
        let published = try await lambda.publishVersion("f", codeSHA256: "SHA", revisionID: "r1")
        #expect(published.version == "4")
        let request = try #require(transport.sent.first)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(jsonBody(request) as NSDictionary == ["CodeSha256": "SHA", "RevisionId": "r1"] as NSDictionary)
        #expect(request.headers["Authorization"]?.contains("/us-east-1/lambda/aws4_request") == true)
    }

    @Test("AddPermission posts the statement under the qualifier, RemovePermission encodes the statement id")
    func permissions() async throws {
        transport.on("POST /2015-03-31/functions/{name}/policy", json(201, #"{"Statement":"{}"}"#))
        transport.on("DELETE /2015-03-31/functions/{name}/policy/{sid}", HTTPResponse(status: 204))
        try await lambda.addPermission(
            "f", statement: PermissionStatement(statementID: "s1", action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com"),
            qualifier: "live")
        try await lambda.removePermission("f", statementID: "a b")
        let add = transport.sent[0]
        #expect(add.query == [QueryItem("Qualifier", "live")])
        #expect(jsonBody(add)["StatementId"] as? String == "s1")
        #expect(jsonBody(add)["Principal"] as? String == "apigateway.amazonaws.com")
        #expect(transport.sent[1].path == "/2015-03-31/functions/f/policy/a%20b")
    }

    @Test("GetPolicy's 404 is no policy; otherwise the policy document comes back as AWS wrote it")
    func policy() async throws {
        transport.on(
            "GET /2015-03-31/functions/{name}/policy",
            restJSONError(404, "ResourceNotFoundException", "No policy is associated with the given resource."),
            json(200, #"{"Policy":"{\"Statement\":[{\"Sid\":\"a\"},{\"Sid\":\"b\"}]}"}"#))
        #expect(try await lambda.policyDocument("f") == nil)
        #expect(try await lambda.policyDocument("f") == #"{"Statement":[{"Sid":"a"},{"Sid":"b"}]}"#)
    }

    @Test("an error answer carries the code (cut at ':'), message, request id and status")
    func errorDecoding() async throws {
        transport.on(
            "GET /2015-03-31/functions/{name}/configuration",
            restJSONError(
                409, "ResourceConflictException:http://internal.amazon.com/", "An update is in progress", requestID: "7c1e"))
        let error = await #expect(throws: AWSServiceError.self) { try await lambda.getFunctionConfiguration("f") }
        #expect(error?.code == "ResourceConflictException")
        #expect(error?.message == "An update is in progress")
        #expect(error?.requestID == "7c1e")
        #expect(error?.status == 409)
        #expect(error?.operation == "GetFunctionConfiguration")
    }
}
