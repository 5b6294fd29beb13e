import AWSAPIGatewayV2
import AWSCore
import Foundation

/// What `detach-routes` found and did.
package struct DetachRoutesResult: Sendable, Equatable, Codable {
    /// The API's ID.
    package var apiID: String
    /// Route keys that still target the function's integration.
    package var remaining: [String]
    /// One line per change; empty when nothing changed.
    package var changes: [String]

    /// JSON keys: camelCase with acronyms as words.
    enum CodingKeys: String, CodingKey {
        case apiID = "apiId", remaining, changes
    }
}

/// The `detach-routes` use case: deletes the given routes when they target the function's
/// integration, then deletes each of the function's integrations that no route uses any more
/// and, once no route of the API targets the function, its invoke permission.
package struct DetachRoutes: Sendable {
    /// The API Gateway v2 client.
    package let gateway: APIGatewayClient
    /// Lambda permissions.
    package let lambda: any FunctionPermissions
    /// Receives progress lines.
    package let progress: @Sendable (String) -> Void

    /// Creates the use case.
    package init(gateway: APIGatewayClient, lambda: any FunctionPermissions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.gateway = gateway
        self.lambda = lambda
        self.progress = progress
    }

    /// Runs it. Routes that target something else are left alone and reported.
    package func run(function: String, api nameOrID: String, routes: [RouteKey], qualifier: String?) async throws
        -> DetachRoutesResult
    {
        var changes: [String] = []
        func note(_ line: String) {
            changes.append(line)
            progress(line)
        }
        let functionARNText = try await lambda.functionARN(name: function, qualifier: qualifier)
        guard let functionARN = FunctionARN(functionARNText) else {
            throw RoutesError("'\(functionARNText)' is not a function ARN", category: .unavailable)
        }
        guard let api = try await HTTPAPILocator(gateway: gateway).find(nameOrID) else {
            throw RoutesError("no HTTP API named or with ID \(nameOrID) in this region", hint: .checkAPI, category: .refused)
        }
        let apiID = try HTTPAPILocator.id(of: api)
        let integrations = try await gateway.getIntegrations(apiID: apiID)
        let targets = Set(
            integrations.filter { $0.integrationType == "AWS_PROXY" && $0.integrationUri == functionARNText }
                .compactMap { $0.integrationId.map { "integrations/\($0)" } })
        var current = try await gateway.getRoutes(apiID: apiID)
        for key in routes {
            guard let route = current.first(where: { $0.routeKey == key.text }) else {
                progress("route \(key) is not attached to API \(apiID)")
                continue
            }
            guard let target = route.target, targets.contains(target), let routeID = route.routeId else {
                progress("route \(key) targets \(route.target ?? "nothing"), not \(functionARNText): left alone")
                continue
            }
            try await gateway.deleteRoute(apiID: apiID, routeID: routeID)
            current.removeAll { $0.routeId == routeID }
            note("deleted route \(key)")
        }
        let remaining = current.filter { $0.target.map(targets.contains) ?? false }.compactMap(\.routeKey).sorted()
        for target in Self.unused(targets, routes: current) {
            let id = String(target.dropFirst("integrations/".count))
            try await gateway.deleteIntegration(apiID: apiID, integrationID: id)
            note("deleted integration \(id) (no route uses it any more)")
        }
        if remaining.isEmpty {
            try await removePermission(function: function, arn: functionARN, apiID: apiID, note: note)
        }
        return DetachRoutesResult(apiID: apiID, remaining: remaining, changes: changes)
    }
}

extension DetachRoutes {
    /// The function's integration targets (`integrations/ID`) that no route targets, sorted (pure).
    static func unused(_ targets: Set<String>, routes: [Route]) -> [String] {
        let used = Set(routes.compactMap(\.target))
        return targets.subtracting(used).sorted()
    }

    /// Removes every statement that grants API `apiID` access to the function.
    func removePermission(function: String, arn: FunctionARN, apiID: String, note: (String) -> Void) async throws {
        let permission = PermissionRequest(
            statementID: AttachRoutes.statementID(apiID: apiID), principal: AttachRoutes.principal,
            sourceARN: arn.executeAPISourceARN(apiID: apiID))
        let statements = try await lambda.policy(function: function, qualifier: arn.qualifier)
        for statement in statements where statement.grants(permission) {
            guard let sid = statement.sid else { continue }
            try await lambda.removePermission(function: function, qualifier: arn.qualifier, statementID: sid)
            note("removed permission \(sid) (no route of API \(apiID) targets the function any more)")
        }
    }
}

/// One row of `lambdactl routes`.
package struct RouteListing: Sendable, Equatable, Codable {
    /// The route key.
    package var routeKey: String
    /// The route ID.
    package var routeID: String
    /// The target (`integrations/ID`).
    package var target: String?
    /// The integration's URI (the function or alias ARN), when the target is an integration.
    package var integrationURI: String?

    /// JSON keys: camelCase with acronyms as words.
    enum CodingKeys: String, CodingKey {
        case routeKey, routeID = "routeId", target, integrationURI = "integrationUri"
    }
}

/// The `routes --api` use case: an API's routes with the functions they reach.
package struct ListRoutes: Sendable {
    /// The API Gateway v2 client.
    package let gateway: APIGatewayClient

    /// Creates the use case.
    package init(gateway: APIGatewayClient) {
        self.gateway = gateway
    }

    /// The API's ID, invoke URL and routes sorted by key.
    package func run(api nameOrID: String, region: String) async throws -> (apiID: String, invokeURL: String, routes: [RouteListing]) {
        guard let api = try await HTTPAPILocator(gateway: gateway).find(nameOrID) else {
            throw RoutesError("no HTTP API named or with ID \(nameOrID) in this region", hint: .checkAPI, category: .refused)
        }
        let apiID = try HTTPAPILocator.id(of: api)
        let integrations = try await gateway.getIntegrations(apiID: apiID)
        var uris: [String: String] = [:]
        for integration in integrations {
            if let id = integration.integrationId { uris["integrations/\(id)"] = integration.integrationUri }
        }
        let routes = try await gateway.getRoutes(apiID: apiID).map { route in
            RouteListing(
                routeKey: route.routeKey ?? "?", routeID: route.routeId ?? "?", target: route.target,
                integrationURI: route.target.flatMap { uris[$0] })
        }
        let url = AttachRoutes.invokeURL(api: api, apiID: apiID, region: region, stage: "$default")
        return (apiID, url, routes.sorted { $0.routeKey < $1.routeKey })
    }
}
