import AWSAPIGatewayV2
import AWSCore
import AWSLambda
import AWSTestSupport
import Deployment
import Foundation
import Testing

@Suite("TriggerOverview: routes, URLs and unexplained permissions beside the handlers' listings")
struct TriggerOverviewTests {
    static let functionARN = "arn:aws:lambda:eu-west-1:123456789012:function:hello"

    static func statement(
        _ sid: String, principal: String, sourceARN: String?, sourceAccount: String? = nil, action: String = "lambda:InvokeFunction",
        conditionKeys: [String] = []
    ) -> PolicyStatement {
        PolicyStatement(
            sid: sid, principals: [principal], actions: [action], sourceARN: sourceARN, sourceAccount: sourceAccount,
            conditionKeys: conditionKeys)
    }

    static let paths = InvokePaths(
        routes: [
            InvokePaths.RouteEntry(
                apiID: "a1", apiName: "shop", routeKey: "GET /items", routeID: "r1", integrationID: "i1", qualifier: "live")
        ],
        urls: [InvokePaths.URLEntry(qualifier: nil, url: "https://abc.lambda-url.eu-west-1.on.aws/", authType: "NONE")],
        statements: [
            .init(qualifier: "live", statement: statement(
                "lambdactl-apigateway-a1", principal: "apigateway.amazonaws.com",
                sourceARN: "arn:aws:execute-api:eu-west-1:123456789012:a1/*/*")),
            .init(qualifier: nil, statement: statement(
                "lambdactl-url-public-invoke-url", principal: "*", sourceARN: nil, action: "lambda:InvokeFunctionUrl",
                conditionKeys: ["lambda:functionurlauthtype"])),
            .init(qualifier: nil, statement: statement(
                "lambdactl-s3-x", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::uploads", sourceAccount: "123456789012")),
            .init(qualifier: nil, statement: statement("handmade", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::other")),
            .init(qualifier: "live", statement: statement("open", principal: "events.amazonaws.com", sourceARN: nil)),
            .init(qualifier: nil, statement: statement("account", principal: "arn:aws:iam::210987654321:root", sourceARN: nil)),
        ])

    static let handlerListings = [
        TriggerListing(kind: "s3", qualifier: nil, source: "arn:aws:s3:::uploads", id: "lambdactl-hello-s3-ab12", owned: true),
        TriggerListing(kind: "sqs", qualifier: "live", source: "arn:aws:sqs:eu-west-1:123456789012:orders", id: "u-1", state: "Enabled", owned: true),
        TriggerListing(kind: "sqs", qualifier: "live", source: "arn:aws:sqs:eu-west-1:123456789012:orders", id: "u-1", state: "Enabled", owned: true),
    ]

    @Test("statements a listing, a route or the URL explains are left out; the rest are permissions, sorted by kind")
    func merge() {
        let merged = TriggerOverview.merge(Self.handlerListings, paths: Self.paths)
        #expect(merged.map(\.kind) == ["sqs", "s3", "route", "url", "permission", "permission", "permission"])
        #expect(merged.filter { $0.kind == "permission" }.map(\.id) == ["account", "handmade", "open"])
        let route = merged.first { $0.kind == "route" }
        #expect(route?.source == "GET /items a1" && route?.id == "r1" && route?.owned == true && route?.details["api"] == "shop")
        let url = merged.first { $0.kind == "url" }
        #expect(url?.details == ["auth": "NONE"] && url?.owned == true && url?.qualifier == nil)
    }

    @Test("a service principal without SourceArn, or S3 without SourceAccount, carries a warning; an account principal none")
    func warnings() {
        let merged = TriggerOverview.merge([], paths: Self.paths)
        let byID = Dictionary(uniqueKeysWithValues: merged.compactMap { listing in listing.id.map { ($0, listing) } })
        #expect(byID["handmade"]?.details["warning"] == "no SourceAccount")
        #expect(byID["open"]?.details["warning"] == "no SourceArn")
        #expect(byID["open"]?.source == "events.amazonaws.com")
        #expect(byID["account"]?.details["warning"] == nil)
        #expect(byID["lambdactl-s3-x"]?.details["warning"] == nil && byID["lambdactl-s3-x"]?.details["sourceAccount"] == "123456789012")
        let both = Self.statement("bare", principal: "sns.amazonaws.com", sourceARN: nil)
        #expect(TriggerOverview.missingConditions(both) == ["SourceArn", "SourceAccount"])
    }

    @Test("a qualifier keeps only its own listings; $LATEST keeps the unqualified function's")
    func qualifierFilter() {
        let live = TriggerOverview.merge(Self.handlerListings, paths: Self.paths, qualifier: "live")
        #expect(live.map(\.kind) == ["sqs", "route", "permission"])
        #expect(live.allSatisfy { $0.qualifier == "live" })
        let latest = TriggerOverview.merge(Self.handlerListings, paths: Self.paths, qualifier: "$LATEST")
        #expect(latest.map(\.kind) == ["s3", "url", "permission", "permission"])
        #expect(TriggerOverview.merge(Self.handlerListings, paths: Self.paths, qualifier: "blue").isEmpty)
    }

    @Test("an integration URI names the function directly or in API Gateway's invocations form")
    func integrationURIs() {
        let wrapped = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/\(Self.functionARN):live/invocations"
        #expect(InvokePathsReader.functionARN(inIntegrationURI: wrapped)?.qualifier == "live")
        #expect(InvokePathsReader.functionARN(inIntegrationURI: Self.functionARN)?.name == "hello")
        #expect(InvokePathsReader.functionARN(inIntegrationURI: "https://example.com/") == nil)
    }

    /// Lambda and API Gateway answering for `hello` with alias `live`: a URL on the function, a
    /// policy on each, one API with a route to `live` and one route to another function.
    static func reader(gatewayDenied: Bool = false) -> (InvokePathsReader, ScriptedTransport) {
        let policy: @Sendable (String) -> HTTPResponse = { statements in jsonResponse(200, ["Policy": #"{"Version":"2012-10-17","Statement":["# + statements + "]}"]) }
        let transport = ScriptedTransport { request in
            let qualifier = request.query.first { $0.name == "Qualifier" }?.value
            switch (request.path, qualifier) {
            case ("/2015-03-31/functions/hello/configuration", _):
                return jsonResponse(200, ["FunctionName": "hello", "FunctionArn": functionARN])
            case ("/2015-03-31/functions/hello/aliases", _):
                return jsonResponse(200, ["Aliases": [["Name": "live", "FunctionVersion": "3", "AliasArn": functionARN + ":live"]]])
            case ("/2021-10-31/functions/hello/url", nil):
                return jsonResponse(200, ["FunctionUrl": "https://abc.lambda-url.eu-west-1.on.aws/", "AuthType": "AWS_IAM"])
            case ("/2021-10-31/functions/hello/url", _):
                // As moto answers: the function's own URL whatever the qualifier; its FunctionArn says so.
                return jsonResponse(200, ["FunctionUrl": "https://abc.lambda-url.eu-west-1.on.aws/", "AuthType": "AWS_IAM", "FunctionArn": functionARN])
            case ("/2015-03-31/functions/hello/policy", nil):
                // Also the alias's statement, its Resource qualified (moto keeps one policy for all).
                return policy(#"{"Sid":"gw","Effect":"Allow","Resource":"\#(functionARN):live","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:123456789012:a1/*/*"}}},{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"},"StringEquals":{"AWS:SourceAccount":"123456789012"}}}"#)
            case ("/2015-03-31/functions/hello/policy", "live"):
                return policy(#"{"Sid":"gw","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:123456789012:a1/*/*"}}}"#)
            case ("/v2/apis", _) where gatewayDenied:
                return restJSONError(403, "AccessDeniedException", "User is not authorized to perform: apigateway:GET")
            case ("/v2/apis", _):
                return jsonResponse(200, ["items": [["apiId": "a1", "name": "shop", "protocolType": "HTTP"], ["apiId": "w1", "name": "ws", "protocolType": "WEBSOCKET"]]])
            case ("/v2/apis/a1/integrations", _):
                return jsonResponse(200, ["items": [
                    ["integrationId": "i1", "integrationType": "AWS_PROXY", "integrationUri": functionARN + ":live"],
                    ["integrationId": "i2", "integrationType": "AWS_PROXY", "integrationUri": functionARN + "-other"],
                ]])
            case ("/v2/apis/a1/routes", _):
                return jsonResponse(200, ["items": [
                    ["routeId": "r1", "routeKey": "GET /items", "target": "integrations/i1"],
                    ["routeId": "r2", "routeKey": "GET /other", "target": "integrations/i2"],
                ]])
            default:
                return restJSONError(400, "UnexpectedRequest", "\(request.method) \(request.path)")
            }
        }
        let context = testContext(transport, clock: ManualClock(start: .logsTestStart), attempts: 1, jitter: 0)
        let lambda = LambdaClient(client: AWSClient(
            context: context, endpoint: ServiceEndpoint(host: "lambda.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", signingName: "lambda"),
            serviceProtocol: .restJSON))
        let gateway = APIGatewayClient(client: AWSClient(
            context: context,
            endpoint: ServiceEndpoint(host: "apigateway.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", signingName: "apigateway"),
            serviceProtocol: .restJSON))
        return (InvokePathsReader(lambda: lambda, gateway: gateway), transport)
    }

    @Test("the reader finds the alias's route, the function's URL and both policies, filing each under the qualifier its ARN names")
    func reads() async throws {
        let (reader, transport) = Self.reader()
        let paths = try await reader.read(function: "hello")
        #expect(paths.routes == [InvokePaths.RouteEntry(apiID: "a1", apiName: "shop", routeKey: "GET /items", routeID: "r1", integrationID: "i1", qualifier: "live")])
        #expect(paths.urls == [InvokePaths.URLEntry(qualifier: nil, url: "https://abc.lambda-url.eu-west-1.on.aws/", authType: "AWS_IAM")])
        #expect(paths.statements.map(\.qualifier) == ["live", nil], "the alias's statement once, under live")
        #expect(paths.statements.map(\.statement.sid) == ["gw", "s3"])
        #expect(paths.statements.last?.statement.sourceAccount == "123456789012")
        #expect(transport.sent.allSatisfy { $0.method == "GET" })
        #expect(!transport.sent.contains { $0.path.hasPrefix("/v2/apis/w1") }, "a WebSocket API is not read")
        let merged = TriggerOverview.merge([], paths: paths)
        #expect(merged.map(\.kind) == ["route", "url", "permission"], "the s3 statement has no listing here, so it shows")
    }

    @Test("without API Gateway access the routes are left out with one line saying so; the rest still lists")
    func gatewayDenied() async throws {
        let (reader, _) = Self.reader(gatewayDenied: true)
        let paths = try await reader.read(function: "hello")
        #expect(paths.routes.isEmpty && paths.urls.count == 1 && paths.statements.count == 2)
        #expect(paths.unread.count == 1 && paths.unread[0].hasPrefix("HTTP API routes not read: AccessDeniedException"), "\(paths.unread)")
    }

    /// A handler that only lists (the seam's other calls are not part of `triggers`).
    struct ListingHandler: TriggerHandler {
        var listings: [TriggerListing]
        var kinds: Set<TriggerKind> { [.s3] }
        func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {}
        func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
            throw LifecycleError.usage("not listed")
        }
        func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
            throw LifecycleError.usage("not listed")
        }
        func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
            throw LifecycleError.usage("not listed")
        }
        func list(function: String) async throws -> [TriggerListing] { listings }
        func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
            throw LifecycleError.usage("not listed")
        }
    }

    @Test("run puts the handlers' listings first by kind, and a handler's bucket explains its S3 statement")
    func runWithHandlers() async throws {
        let (reader, _) = Self.reader()
        let bucket = TriggerListing(kind: "s3", qualifier: nil, source: "arn:aws:s3:::b", id: "lambdactl-hello-s3-1", owned: true)
        let overview = TriggerOverview(wiring: TriggerWiring(handlers: [ListingHandler(listings: [bucket])]), reader: reader)
        let all = try await overview.run(function: "hello")
        #expect(all.map(\.kind) == ["s3", "route", "url"], "the s3 statement is explained by the bucket's listing")
        let live = try await overview.run(function: "hello", qualifier: "live")
        #expect(live.map(\.kind) == ["route"])
    }
}
