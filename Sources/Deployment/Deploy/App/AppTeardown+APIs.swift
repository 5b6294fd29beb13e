import AWSAPIGatewayV2
import AWSCore
import Foundation

extension AppTeardown {
    /// Routes of one of the app's APIs that invoke one function (and qualifier) and that the
    /// file no longer maps to it.
    package struct StaleRoutes: Sendable, Equatable {
        package var apiID: String
        package var apiName: String
        package var function: String
        package var qualifier: String?
        /// Route keys, sorted.
        package var keys: [String]
    }

    /// The HTTP APIs tagged for this app and stage (none without a gateway). One GetApis.
    package func ownedAPIs() async throws -> [HTTPAPI] {
        guard let gateway else { return [] }
        return try await gateway.getAPIs().filter { ownership.owns($0.tags ?? [:]) }
    }

    /// The routes of `api` that invoke one of `functions` (names) where `wanted` (route key →
    /// function name, the file's routes of that API) does not map the key to that function.
    /// Routes to anything else are not looked at. Reads only.
    package func staleRoutes(of api: HTTPAPI, wanted: [String: String], functions: Set<String>) async throws -> [StaleRoutes] {
        guard let gateway, let apiID = api.apiId else { return [] }
        let integrations = try await gateway.getIntegrations(apiID: apiID)
        var targets: [String: FunctionARN] = [:]
        for integration in integrations {
            if let id = integration.integrationId, let uri = integration.integrationUri, let arn = FunctionARN(uri) {
                targets["integrations/\(id)"] = arn
            }
        }
        let routes = try await gateway.getRoutes(apiID: apiID)
        return Self.stale(routes, targets: targets, wanted: wanted, functions: functions, api: api)
    }

    /// The pure core of ``staleRoutes(of:wanted:functions:)``.
    static func stale(
        _ routes: [Route], targets: [String: FunctionARN], wanted: [String: String], functions: Set<String>, api: HTTPAPI
    ) -> [StaleRoutes] {
        var grouped: [String: StaleRoutes] = [:]
        for route in routes {
            guard let key = route.routeKey, let target = route.target, let arn = targets[target],
                functions.contains(arn.name), wanted[key] != arn.name
            else { continue }
            let group = arn.name + "\u{1}" + (arn.qualifier ?? "")
            grouped[group, default: StaleRoutes(
                apiID: api.apiId ?? "", apiName: api.name ?? "", function: arn.name, qualifier: arn.qualifier, keys: [])]
                .keys.append(key)
        }
        return grouped.keys.sorted().compactMap { grouped[$0] }.map { var stale = $0; stale.keys.sort(); return stale }
    }

    /// The removal lines of stale routes (pure).
    package static func removals(_ stale: StaleRoutes) -> [AppRemoval] {
        stale.keys.map { AppRemoval(.route, "\($0)", detail: "on API \(stale.apiName), to \(stale.function)") }
    }

    /// Detaches stale routes: the routes, the integrations no route uses any more and, once no
    /// route of the API reaches the function, its invoke permission (`DetachRoutes`).
    package func detach(_ stale: StaleRoutes) async throws -> [AppRemoval] {
        guard let gateway, let permissions else { return [] }
        let keys = try stale.keys.map(RouteKey.init)
        try await removing(.route, "\(stale.apiName) " + stale.keys.joined(separator: ", ")) {
            _ = try await DetachRoutes(gateway: gateway, lambda: permissions, progress: progress)
                .run(function: stale.function, api: stale.apiID, routes: keys, qualifier: stale.qualifier)
        }
        return Self.removals(stale)
    }

    /// Deletes an API of the app with its routes, integrations and stages; an already-gone API
    /// is not an error.
    /// `functionsStay`: the functions it routes to are kept (pruning), so their statements that
    /// let this API invoke them are removed first.
    package func delete(api: HTTPAPI, functionsStay: Bool = false) async throws -> AppRemoval? {
        guard let gateway, let id = api.apiId else { return nil }
        if functionsStay, let permissions {
            let integrations = (try? await gateway.getIntegrations(apiID: id)) ?? []
            let targets = Set(integrations.compactMap { $0.integrationUri.flatMap(FunctionARN.init) }.map { [$0.name, $0.qualifier ?? ""] })
            for target in targets.sorted(by: { $0.joined() < $1.joined() }) {
                let qualifier = target[1].isEmpty ? nil : target[1]
                do {
                    try await permissions.removePermission(
                        function: target[0], qualifier: qualifier, statementID: AttachRoutes.statementID(apiID: id))
                    progress("\(target[0]): removed permission \(AttachRoutes.statementID(apiID: id)) (its API goes)")
                } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {}
            }
        }
        let deleted = try await removing(.api, api.name ?? id) {
            do {
                try await gateway.deleteAPI(id: id)
                return true
            } catch let error as AWSServiceError where error.code == "NotFoundException" {
                return false
            }
        }
        guard deleted else { return nil }
        progress("deleted API \(api.name ?? id) (\(id))")
        return AppRemoval(.api, api.name ?? id, detail: id)
    }
}
