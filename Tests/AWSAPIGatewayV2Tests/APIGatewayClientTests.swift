import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSAPIGatewayV2

/// APIGatewayClient on the wire: rest-json paths with encoded ids, camelCase bodies,
/// `nextToken` paging and `X-Amzn-ErrorType` errors.
@Suite("API Gateway v2 client")
struct APIGatewayClientTests {
    let transport = ScriptedTransport()
    var gateway: APIGatewayClient { APIGatewayClient(context: testContext(transport), endpoint: testEndpoint("apigateway")) }

    @Test("GetApis follows nextToken as a query item and stops on a repeated token")
    func paging() async throws {
        transport.on(
            "GET /v2/apis",
            jsonResponse(200, ["items": [["apiId": "a1", "name": "one"]], "nextToken": "t"]),
            jsonResponse(200, ["items": [["apiId": "a2", "name": "two"]], "nextToken": "t"]),
            jsonResponse(200, ["items": [["apiId": "a3", "name": "three"]]]))
        let apis = try await gateway.getAPIs()
        #expect(apis.map(\.apiId) == ["a1", "a2"])
        #expect(transport.sent.map(\.query) == [[], [QueryItem("nextToken", "t")]])
    }

    @Test("CreateRoute posts routeKey and the integration target under the encoded API id")
    func createRoute() async throws {
        transport.on("POST /v2/apis/{api}/routes", jsonResponse(201, ["routeId": "r1", "routeKey": "GET /x", "target": "integrations/i1"]))
        let route = try await gateway.createRoute(apiID: "a b", routeKey: "GET /x", integrationID: "i1")
        #expect(route == Route(routeId: "r1", routeKey: "GET /x", target: "integrations/i1"))
        let request = try #require(transport.sent.first)
        #expect(request.path == "/v2/apis/a%20b/routes")
        #expect(jsonBody(request) as NSDictionary == ["routeKey": "GET /x", "target": "integrations/i1"] as NSDictionary)
        #expect(request.headers["Authorization"]?.contains("/us-east-1/apigateway/aws4_request") == true)
    }

    @Test("CreateIntegration is an AWS_PROXY integration with payload format 2.0")
    func createIntegration() async throws {
        transport.on("POST /v2/apis/{api}/integrations", jsonResponse(201, ["integrationId": "i1"]))
        let integration = try await gateway.createLambdaIntegration(apiID: "a1", functionARN: "arn:aws:lambda:eu-west-1:1:function:f")
        #expect(integration.integrationId == "i1")
        let body = jsonBody(try #require(transport.sent.first))
        #expect(body["integrationType"] as? String == "AWS_PROXY")
        #expect(body["integrationUri"] as? String == "arn:aws:lambda:eu-west-1:1:function:f")
        #expect(body["payloadFormatVersion"] as? String == "2.0")
    }

    @Test("DeleteRoute and DeleteIntegration are DELETEs of the item's path")
    func deletes() async throws {
        transport.on("DELETE /v2/apis/{api}/routes/{route}", HTTPResponse(status: 204))
        transport.on("DELETE /v2/apis/{api}/integrations/{integration}", HTTPResponse(status: 204))
        try await gateway.deleteRoute(apiID: "a1", routeID: "r1")
        try await gateway.deleteIntegration(apiID: "a1", integrationID: "i1")
        #expect(transport.routes == ["DELETE /v2/apis/a1/routes/r1", "DELETE /v2/apis/a1/integrations/i1"])
    }

    @Test("an error answer carries the X-Amzn-ErrorType code and the message")
    func errorDecoding() async throws {
        transport.on(
            "GET /v2/apis/{api}/stages",
            HTTPResponse(
                status: 404, headers: HTTPHeaders([("X-Amzn-ErrorType", "NotFoundException"), ("x-amzn-RequestId", "r-7")]),
                body: Data(#"{"message":"Invalid API identifier specified"}"#.utf8)))
        let error = await #expect(throws: AWSServiceError.self) { try await gateway.getStages(apiID: "nope") }
        #expect(error?.code == "NotFoundException")
        #expect(error?.message == "Invalid API identifier specified")
        #expect(error?.requestID == "r-7")
        #expect(error?.status == 404)
    }
}
