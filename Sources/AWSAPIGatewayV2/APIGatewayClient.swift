import AWSCore
import Foundation

/// A hand-rolled API Gateway v2 client (rest-json, paths `/v2/apis…`, signing name
/// `apigateway`). Shapes follow botocore `data/apigatewayv2/2018-11-29/service-2.json`;
/// list operations page with `nextToken` and are read to the end here.
package struct APIGatewayClient: Sendable {
    /// The underlying rest-json client.
    package let client: AWSClient

    /// Wraps a client built for the API Gateway endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        self.client = AWSClient(context: context, endpoint: endpoint, service: .apiGatewayV2)
    }

    /// `GetApis`, all pages.
    package func getAPIs() async throws -> [HTTPAPI] {
        try await pages("GetApis", path: "/v2/apis")
    }

    /// `CreateApi` for an HTTP API, tagged with `tags` when given.
    package func createAPI(name: String, cors: CORSConfiguration? = nil, tags: [String: String] = [:]) async throws -> HTTPAPI {
        try await client.restJSON(
            "CreateApi", method: "POST", path: "/v2/apis",
            input: CreateAPIInput(name: name, protocolType: "HTTP", corsConfiguration: cors, tags: tags.isEmpty ? nil : tags),
            as: HTTPAPI.self)
    }

    /// `UpdateApi`, setting the CORS configuration.
    @discardableResult
    package func updateAPI(id: String, cors: CORSConfiguration) async throws -> HTTPAPI {
        try await client.restJSON(
            "UpdateApi", method: "PATCH", path: "/v2/apis/\(Self.segment(id))",
            input: UpdateAPIInput(corsConfiguration: cors), as: HTTPAPI.self)
    }

    /// `DeleteApi`: the API with its routes, integrations and stages.
    package func deleteAPI(id: String) async throws {
        _ = try await client.restJSON("DeleteApi", method: "DELETE", path: "/v2/apis/\(Self.segment(id))", as: Empty.self)
    }

    /// `GetIntegrations`, all pages.
    package func getIntegrations(apiID: String) async throws -> [Integration] {
        try await pages("GetIntegrations", path: "/v2/apis/\(Self.segment(apiID))/integrations")
    }

    /// `CreateIntegration` of type `AWS_PROXY` to a Lambda function or alias ARN.
    package func createLambdaIntegration(apiID: String, functionARN: String, payloadFormatVersion: String = "2.0")
        async throws -> Integration
    {
        try await client.restJSON(
            "CreateIntegration", method: "POST", path: "/v2/apis/\(Self.segment(apiID))/integrations",
            input: CreateIntegrationInput(
                integrationType: "AWS_PROXY", integrationUri: functionARN, payloadFormatVersion: payloadFormatVersion),
            as: Integration.self)
    }

    /// `GetRoutes`, all pages.
    package func getRoutes(apiID: String) async throws -> [Route] {
        try await pages("GetRoutes", path: "/v2/apis/\(Self.segment(apiID))/routes")
    }

    /// `CreateRoute` with target `integrations/INTEGRATION_ID`.
    package func createRoute(apiID: String, routeKey: String, integrationID: String) async throws -> Route {
        try await client.restJSON(
            "CreateRoute", method: "POST", path: "/v2/apis/\(Self.segment(apiID))/routes",
            input: CreateRouteInput(routeKey: routeKey, target: "integrations/\(integrationID)"), as: Route.self)
    }

    /// `DeleteRoute`.
    package func deleteRoute(apiID: String, routeID: String) async throws {
        _ = try await client.restJSON(
            "DeleteRoute", method: "DELETE",
            path: "/v2/apis/\(Self.segment(apiID))/routes/\(Self.segment(routeID))", as: Empty.self)
    }

    /// `DeleteIntegration`.
    package func deleteIntegration(apiID: String, integrationID: String) async throws {
        _ = try await client.restJSON(
            "DeleteIntegration", method: "DELETE",
            path: "/v2/apis/\(Self.segment(apiID))/integrations/\(Self.segment(integrationID))", as: Empty.self)
    }

    /// `GetStages`, all pages.
    package func getStages(apiID: String) async throws -> [Stage] {
        try await pages("GetStages", path: "/v2/apis/\(Self.segment(apiID))/stages")
    }

    /// `CreateStage`.
    package func createStage(apiID: String, name: String, autoDeploy: Bool = true) async throws -> Stage {
        try await client.restJSON(
            "CreateStage", method: "POST", path: "/v2/apis/\(Self.segment(apiID))/stages",
            input: CreateStageInput(stageName: name, autoDeploy: autoDeploy), as: Stage.self)
    }

    /// Reads every page of a `Get*` list (`?nextToken=`), stopping on a missing or repeated token.
    func pages<Item: Codable & Sendable>(_ name: String, path: String) async throws -> [Item] {
        try await Paginator.collect { token in
            let query = token.map { [QueryItem("nextToken", $0)] } ?? []
            let page = try await client.restJSON(name, method: "GET", path: path, query: query, as: ListPage<Item>.self)
            return (page.items ?? [], page.nextToken)
        }
    }

    /// One path segment, percent-encoded.
    static func segment(_ text: String) -> String {
        PercentEncoding.encode(text)
    }
}
