import AWSAPIGatewayV2
import AWSCore
import AWSLambda
import Foundation

/// The ways into a function that no trigger handler lists, as read from AWS: the HTTP API
/// routes that reach it, its function URLs and every statement of its resource policies.
package struct InvokePaths: Sendable, Equatable {
    /// One HTTP API route whose integration targets the function or one of its qualifiers.
    package struct RouteEntry: Sendable, Equatable {
        /// The API's ID.
        package var apiID: String
        /// The API's name.
        package var apiName: String?
        /// The route's key (`GET /items`).
        package var routeKey: String
        /// The route's ID.
        package var routeID: String?
        /// The integration's ID.
        package var integrationID: String
        /// The qualifier the integration invokes, if any.
        package var qualifier: String?

        /// Creates an entry.
        package init(apiID: String, apiName: String?, routeKey: String, routeID: String?, integrationID: String, qualifier: String?) {
            self.apiID = apiID
            self.apiName = apiName
            self.routeKey = routeKey
            self.routeID = routeID
            self.integrationID = integrationID
            self.qualifier = qualifier
        }
    }

    /// One function URL.
    package struct URLEntry: Sendable, Equatable {
        /// The alias it belongs to; nil for the unqualified function.
        package var qualifier: String?
        /// The URL.
        package var url: String
        /// `NONE` or `AWS_IAM`.
        package var authType: String

        /// Creates an entry.
        package init(qualifier: String?, url: String, authType: String) {
            self.qualifier = qualifier
            self.url = url
            self.authType = authType
        }
    }

    /// One resource-policy statement with the qualifier whose policy holds it.
    package struct StatementEntry: Sendable, Equatable {
        /// The qualifier; nil for the unqualified function's policy.
        package var qualifier: String?
        /// The statement.
        package var statement: PolicyStatement

        /// Creates an entry.
        package init(qualifier: String?, statement: PolicyStatement) {
            self.qualifier = qualifier
            self.statement = statement
        }
    }

    /// The routes.
    package var routes: [RouteEntry]
    /// The URLs.
    package var urls: [URLEntry]
    /// The statements.
    package var statements: [StatementEntry]
    /// What could not be read and was left out (routes when API Gateway denies access), one line each.
    package var unread: [String]

    /// Creates the paths.
    package init(routes: [RouteEntry] = [], urls: [URLEntry] = [], statements: [StatementEntry] = [], unread: [String] = []) {
        self.routes = routes
        self.urls = urls
        self.statements = statements
        self.unread = unread
    }
}

/// Reads `InvokePaths`: the function's aliases (ListAliases), each one's URL (GetFunctionUrlConfig)
/// and policy (GetPolicy), and every HTTP API's integrations and routes (GetApis,
/// GetIntegrations, GetRoutes). Reads only.
package struct InvokePathsReader: Sendable {
    /// Lambda.
    package var lambda: LambdaClient
    /// API Gateway v2.
    package var gateway: APIGatewayClient

    /// Creates the reader.
    package init(lambda: LambdaClient, gateway: APIGatewayClient) {
        self.lambda = lambda
        self.gateway = gateway
    }

    /// Everything for `function`; `qualifier`, when given, must exist (a version is read too).
    package func read(function: String, qualifier: String? = nil) async throws -> InvokePaths {
        let permissions = LambdaPermissionsAPI(lambda: lambda)
        let arnText = try await permissions.functionARN(name: function, qualifier: qualifier)
        guard let functionARN = FunctionARN(arnText) else { return InvokePaths() }
        let aliases = try await lambda.listAliases(function).map(\.name).sorted()
        var qualifiers: [String?] = [nil] + aliases.map(Optional.some)
        if let qualifier, !aliases.contains(qualifier) { qualifiers.append(qualifier) }
        var paths = InvokePaths()
        for qualifier in qualifiers {
            // Function URLs exist only on the unqualified function and on aliases, not on versions.
            if qualifier == nil || aliases.contains(qualifier ?? ""),
                let config = try await lambda.getFunctionURLConfig(function, qualifier: qualifier), let url = config.functionURL,
                Self.qualifier(ofARN: config.functionARN, else: qualifier) == qualifier
            {
                paths.urls.append(InvokePaths.URLEntry(qualifier: qualifier, url: url, authType: config.authType))
            }
            for statement in try await permissions.policy(function: function, qualifier: qualifier) {
                let entry = InvokePaths.StatementEntry(
                    qualifier: Self.qualifier(ofARN: statement.resource, else: qualifier), statement: statement)
                if !paths.statements.contains(where: { $0.qualifier == entry.qualifier && $0.statement.sid == statement.sid }) {
                    paths.statements.append(entry)
                }
            }
        }
        do {
            paths.routes = try await routes(to: functionARN)
        } catch let error as AWSServiceError where error.status == 403 {
            // Routes are one part of the picture: without API Gateway access the rest still lists.
            paths.unread.append("HTTP API routes not read: \(error)")
        }
        return paths
    }

    /// The routes of every HTTP API whose integration invokes the function (any qualifier).
    func routes(to function: FunctionARN) async throws -> [InvokePaths.RouteEntry] {
        var entries: [InvokePaths.RouteEntry] = []
        for api in try await gateway.getAPIs() where api.protocolType ?? "HTTP" == "HTTP" {
            guard let apiID = api.apiId else { continue }
            var targets: [String: (id: String, qualifier: String?)] = [:]
            for integration in try await gateway.getIntegrations(apiID: apiID) {
                guard let id = integration.integrationId, let uri = integration.integrationUri,
                    let arn = Self.functionARN(inIntegrationURI: uri), arn.unqualified == function.unqualified
                else { continue }
                targets["integrations/\(id)"] = (id, arn.qualifier)
            }
            guard !targets.isEmpty else { continue }
            for route in try await gateway.getRoutes(apiID: apiID) {
                guard let target = route.target.flatMap({ targets[$0] }) else { continue }
                entries.append(
                    InvokePaths.RouteEntry(
                        apiID: apiID, apiName: api.name, routeKey: route.routeKey ?? "?", routeID: route.routeId,
                        integrationID: target.id, qualifier: target.qualifier))
            }
        }
        return entries
    }

    /// The qualifier a function ARN names (nil when unqualified); `fallback` when there is no
    /// such ARN. A policy statement's `Resource` and a URL's `FunctionArn` say which qualifier
    /// they belong to, whichever qualifier was asked for.
    static func qualifier(ofARN text: String?, else fallback: String?) -> String? {
        guard let text, let arn = FunctionARN(text) else { return fallback }
        return arn.qualifier
    }

    /// The function ARN an integration URI names: the ARN itself, or the
    /// `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations` form.
    package static func functionARN(inIntegrationURI uri: String) -> FunctionARN? {
        if let arn = FunctionARN(uri) { return arn }
        guard let start = uri.range(of: "/functions/"), let end = uri.range(of: "/invocations", options: .backwards),
            start.upperBound < end.lowerBound
        else { return nil }
        return FunctionARN(String(uri[start.upperBound..<end.lowerBound]))
    }
}
