import AWSAPIGatewayV2
import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Testing

/// A fake gateway and Lambda behind the routes use cases.
struct RoutesRig {
    let gateway = FakeAPIGateway()
    let lambda = FakeFunctionPermissions()
    let transport: ScriptedTransport
    let client: APIGatewayClient

    init() {
        let gateway = gateway
        transport = ScriptedTransport { gateway.handle($0) }
        client = APIGatewayClient(
            context: testContext(transport, clock: ManualClock(start: .logsTestStart), attempts: 3, jitter: 0.5),
            endpoint: ServiceEndpoint(host: "apigateway.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", signingName: "apigateway"))
    }

    func attach(_ routes: [String], api: String = "shop", cors: [String] = []) async throws -> AttachRoutesResult {
        try await AttachRoutes(gateway: client, lambda: lambda).run(
            AttachRoutesRequest(function: "hello", api: api, routes: try routes.map(RouteKey.init), corsOrigins: cors))
    }

    var writes: [String] {
        transport.sent.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }
}

@Suite("AttachRoutes")
struct AttachRoutesTests {
    @Test("the first run creates the API, integration, routes, stage and permission")
    func firstRun() async throws {
        let rig = RoutesRig()
        let result = try await rig.attach(["GET /items", "ANY /items/{proxy+}"])
        #expect(result.routes == ["ANY /items/{proxy+}", "GET /items"])
        #expect(result.invokeURL == "https://\(result.apiID).example")
        #expect(result.changes.count == 6)
        #expect(rig.lambda.calls == ["add lambdactl-apigateway-\(result.apiID)"])
        let statement = try #require(rig.lambda.statements.first)
        #expect(statement.sourceARN == "arn:aws:execute-api:eu-west-1:123456789012:\(result.apiID)/*/*")
        let integration = try #require(
            rig.transport.sent.first { $0.method == "POST" && $0.path.hasSuffix("/integrations") })
        let body = jsonBody(integration)
        #expect(body["integrationType"] as? String == "AWS_PROXY")
        #expect(body["payloadFormatVersion"] as? String == "2.0")
        #expect(body["integrationUri"] as? String == "arn:aws:lambda:eu-west-1:123456789012:function:hello")
        let stage = try #require(rig.transport.sent.first { $0.path.hasSuffix("/stages") && $0.method == "POST" })
        #expect(jsonBody(stage)["stageName"] as? String == "$default")
        #expect(jsonBody(stage)["autoDeploy"] as? Bool == true)
    }

    @Test("a second identical run changes nothing and sends no write")
    func idempotent() async throws {
        let rig = RoutesRig()
        _ = try await rig.attach(["GET /items", "POST /items"])
        let writesBefore = rig.writes.count
        let second = try await rig.attach(["GET /items", "POST /items"])
        #expect(second.changes.isEmpty)
        #expect(rig.writes.count == writesBefore)
        #expect(rig.lambda.calls.count == 1)
    }

    @Test("an existing API is found by name or ID across pages, and only missing routes are added")
    func findsAcrossPages() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "a1", name: "other")
        rig.gateway.addAPI(id: "a2", name: "shop")
        let first = try await rig.attach(["GET /items"], api: "a2")
        let second = try await rig.attach(["GET /items", "DELETE /items/{id}"], api: "shop")
        #expect(first.apiID == "a2")
        #expect(second.changes == ["created route DELETE /items/{id}"])
        #expect(rig.gateway.routeKeys["a2"] == ["DELETE /items/{id}", "GET /items"])
        #expect(!rig.writes.contains { $0 == "POST /v2/apis" })
    }

    @Test("a route taken by another integration is a conflict, not overwritten")
    func conflict() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "a1", name: "shop")
        rig.gateway.addRoute(apiID: "a1", key: "GET /items", target: "integrations/someone-else")
        await #expect {
            try await rig.attach(["GET /items"])
        } throws: { error in
            (error as? RoutesError)?.category == .conflict
        }
    }

    @Test("a conflict is found before anything is written: no integration, route or CORS change is left behind")
    func conflictWritesNothing() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "a1", name: "shop")
        rig.gateway.addRoute(apiID: "a1", key: "GET /items", target: "integrations/someone-else")
        await #expect(throws: RoutesError.self) {
            _ = try await rig.attach(["POST /orders", "GET /items"], cors: ["https://x.example"])
        }
        #expect(rig.writes.isEmpty, "written before the conflict was found: \(rig.writes)")
    }

    @Test("an equivalent permission statement is reused")
    func existingPermission() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "a1", name: "shop")
        rig.lambda.add(
            PolicyStatement(
                sid: "handmade", principals: ["apigateway.amazonaws.com"], actions: ["lambda:InvokeFunction"],
                sourceARN: "arn:aws:execute-api:eu-west-1:123456789012:a1/*/*"))
        _ = try await rig.attach(["GET /items"])
        #expect(rig.lambda.calls.isEmpty)
    }

    @Test("--cors-origin sets the API's CORS configuration once")
    func cors() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "a1", name: "shop")
        let first = try await rig.attach(["GET /items"], cors: ["https://example.com"])
        let second = try await rig.attach(["GET /items"], cors: ["https://example.com"])
        #expect(first.changes.contains("set CORS origins https://example.com"))
        #expect(second.changes.isEmpty)
        #expect(rig.writes.filter { $0.hasPrefix("PATCH") }.count == 1)
    }
}

@Suite("DetachRoutes")
struct DetachRoutesTests {
    @Test("removing some routes keeps the permission; removing the last one drops it")
    func detach() async throws {
        let rig = RoutesRig()
        let attached = try await rig.attach(["GET /items", "POST /items"])
        let detach = DetachRoutes(gateway: rig.client, lambda: rig.lambda)
        let partial = try await detach.run(function: "hello", api: "shop", routes: [try RouteKey("GET /items")], qualifier: nil)
        #expect(partial.remaining == ["POST /items"])
        #expect(rig.lambda.statements.count == 1)
        let last = try await detach.run(function: "hello", api: attached.apiID, routes: [try RouteKey("POST /items")], qualifier: nil)
        #expect(last.remaining.isEmpty)
        #expect(rig.lambda.statements.isEmpty)
        #expect(rig.lambda.calls.last == "remove lambdactl-apigateway-\(attached.apiID)")
    }

    @Test("an API that does not exist is named, with what to check, for routes and detach-routes")
    func missingAPI() async throws {
        let rig = RoutesRig()
        let expected = RoutesError("no HTTP API named or with ID nope in this region", hint: .checkAPI, category: .refused)
        await #expect {
            _ = try await ListRoutes(gateway: rig.client).run(api: "nope", region: "eu-west-1")
        } throws: { ($0 as? RoutesError) == expected && ($0 as? RoutesError)?.category == .refused }
        await #expect {
            _ = try await DetachRoutes(gateway: rig.client, lambda: rig.lambda)
                .run(function: "hello", api: "nope", routes: [try RouteKey("GET /x")], qualifier: nil)
        } throws: { ($0 as? RoutesError) == expected }
    }

    @Test("routes lists keys with the function each reaches")
    func list() async throws {
        let rig = RoutesRig()
        let attached = try await rig.attach(["GET /b", "GET /a"])
        let listing = try await ListRoutes(gateway: rig.client).run(api: "shop", region: "eu-west-1")
        #expect(listing.apiID == attached.apiID)
        #expect(listing.routes.map(\.routeKey) == ["GET /a", "GET /b"])
        #expect(listing.routes.allSatisfy { $0.integrationURI == "arn:aws:lambda:eu-west-1:123456789012:function:hello" })
    }

    @Test("attach, detach and routes results use camelCase JSON keys with acronyms as words (apiId, invokeUrl)")
    func jsonKeys() async throws {
        let rig = RoutesRig()
        let attached = try await rig.attach(["GET /a"])
        #expect(try JSONKeyConvention.problems(attached) == [])
        let listing = try await ListRoutes(gateway: rig.client).run(api: "shop", region: "eu-west-1")
        #expect(try JSONKeyConvention.problems(try #require(listing.routes.first)) == [])
        let detached = try await DetachRoutes(gateway: rig.client, lambda: rig.lambda)
            .run(function: "hello", api: attached.apiID, routes: [try RouteKey("GET /a")], qualifier: nil)
        #expect(try JSONKeyConvention.problems(detached) == [])
        let json = String(decoding: try JSONEncoder().encode(attached), as: UTF8.self)
        #expect(json.contains(#""apiId":"# ) && json.contains(#""invokeUrl":"#) && json.contains(#""integrationId":"#))
        #expect(JSONKeyConvention.key(for: "codeSHA256") == "codeSha256" && JSONKeyConvention.key(for: "functionARN") == "functionArn")
    }
}
