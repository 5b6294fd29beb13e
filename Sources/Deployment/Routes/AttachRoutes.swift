import AWSAPIGatewayV2
import AWSCore
import Foundation

/// What `attach-routes` was asked for. Route keys are parsed (validated) before it exists.
package struct AttachRoutesRequest: Sendable {
    /// The function name or ARN.
    package var function: String
    /// The HTTP API's name or ID.
    package var api: String
    /// The routes to attach.
    package var routes: [RouteKey]
    /// A version or alias the integration points at.
    package var qualifier: String?
    /// The stage to ensure (`$default`).
    package var stage: String
    /// CORS origins to set on the API (nothing is changed when empty).
    package var corsOrigins: [String]
    /// Tags for the API when this request creates it (an app's ownership).
    package var tags: [String: String] = [:]

    /// Creates a request.
    package init(
        function: String, api: String, routes: [RouteKey], qualifier: String? = nil, stage: String = "$default",
        corsOrigins: [String] = []
    ) {
        self.function = function
        self.api = api
        self.routes = routes
        self.qualifier = qualifier
        self.stage = stage
        self.corsOrigins = corsOrigins
    }
}

/// What `attach-routes` found and did.
package struct AttachRoutesResult: Sendable, Equatable, Codable {
    /// The API's ID.
    package var apiID: String
    /// The API's name.
    package var apiName: String
    /// The URL to call.
    package var invokeURL: String
    /// The integration's ID.
    package var integrationID: String
    /// Every route key that targets the integration, sorted.
    package var routes: [String]
    /// One line per change made, in order; empty when nothing changed.
    package var changes: [String]

    /// JSON keys: camelCase with acronyms as words (README, "JSON output").
    enum CodingKeys: String, CodingKey {
        case apiID = "apiId", apiName, invokeURL = "invokeUrl", integrationID = "integrationId", routes, changes
    }
}

/// The `attach-routes` use case: find or create the HTTP API, the AWS_PROXY integration
/// (payload 2.0), the routes, the auto-deploying stage and the invoke permission. Idempotent.
package struct AttachRoutes: Sendable {
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

    /// Runs it: every step first looks, and creates only what is missing.
    package func run(_ request: AttachRoutesRequest) async throws -> AttachRoutesResult {
        var changes: [String] = []
        let functionARNText = try await lambda.functionARN(name: request.function, qualifier: request.qualifier)
        guard let functionARN = FunctionARN(functionARNText) else {
            throw RoutesError("GetFunctionConfiguration returned '\(functionARNText)', which is not a function ARN", category: .unavailable)
        }
        var api = try await findOrCreateAPI(request, changes: &changes)
        let apiID = try HTTPAPILocator.id(of: api)
        // Every conflict is found with reads before the first write to an existing API.
        var currentRoutes = try await gateway.getRoutes(apiID: apiID)
        var sameFunction = try await integrations(apiID: apiID, uri: functionARNText)
        let existingIntegration = Self.preferred(sameFunction, routes: currentRoutes)
        try Self.checkConflicts(
            RoutePlan(
                current: currentRoutes, desired: request.routes, integrationID: existingIntegration ?? "",
                equivalent: Set(sameFunction)),
            apiID: apiID)
        api = try await ensureCORS(api, apiID: apiID, origins: request.corsOrigins, changes: &changes)
        var integrationID = existingIntegration ?? ""
        if existingIntegration == nil {
            integrationID = try await createIntegration(apiID: apiID, uri: functionARNText, changes: &changes)
            // Another run may have made one to the function meanwhile: all runs settle on the
            // same one (one a route uses, else the lowest ID) and delete only what they made.
            sameFunction = try await integrations(apiID: apiID, uri: functionARNText)
            currentRoutes = try await gateway.getRoutes(apiID: apiID)
            if let chosen = Self.preferred(sameFunction, routes: currentRoutes), chosen != integrationID {
                try await gateway.deleteIntegration(apiID: apiID, integrationID: integrationID)
                progress("an integration to \(functionARNText) was made meanwhile by another run (\(chosen)): using it")
                changes.removeAll { $0.hasPrefix("created integration \(integrationID) ") }
                sameFunction.removeAll { $0 == integrationID }
                integrationID = chosen
            }
        }
        let routes = try await ensureRoutes(
            request.routes, current: currentRoutes, apiID: apiID, integrationID: integrationID,
            equivalent: Set(sameFunction), changes: &changes)
        // Of several integrations to the function (runs at once), those no route uses go.
        if Set(sameFunction + [integrationID]).count > 1 {
            let used = Set(try await gateway.getRoutes(apiID: apiID).compactMap(\.target))
            let all = Set(sameFunction + [integrationID])
            let kept = all.filter { used.contains("integrations/\($0)") }
            let keep = kept.isEmpty ? [integrationID] : kept
            for other in all.sorted() where !keep.contains(other) {
                try? await gateway.deleteIntegration(apiID: apiID, integrationID: other)
                record("deleted integration \(other) (a second one to the same function, used by no route)", in: &changes)
            }
            if !keep.contains(integrationID), let first = keep.sorted().first { integrationID = first }
        }
        let stages = try await gateway.getStages(apiID: apiID)
        if !stages.contains(where: { $0.stageName == request.stage }) {
            _ = try await gateway.createStage(apiID: apiID, name: request.stage, autoDeploy: true)
            record("created stage \(request.stage) (auto-deploy)", in: &changes)
        }
        try await ensurePermission(function: request.function, arn: functionARN, apiID: apiID, changes: &changes)
        return AttachRoutesResult(
            apiID: apiID, apiName: api.name ?? request.api,
            invokeURL: Self.invokeURL(api: api, apiID: apiID, region: functionARN.region, stage: request.stage),
            integrationID: integrationID, routes: routes, changes: changes)
    }

    private func record(_ line: String, in changes: inout [String]) {
        changes.append(line)
        progress(line)
    }

    /// The API by ID or name, created (with the CORS origins) when missing.
    private func findOrCreateAPI(_ request: AttachRoutesRequest, changes: inout [String]) async throws -> HTTPAPI {
        let apis = try await gateway.getAPIs()
        if let settled = try await settleDuplicates(request, apis: apis, changes: &changes) { return settled }
        if let found = try HTTPAPILocator.pick(request.api, from: apis) { return found }
        let api = try await gateway.createAPI(name: request.api, cors: Self.cors(request.corsOrigins), tags: request.tags)
        // Another run may have created one of the same name meanwhile (API Gateway allows it):
        // every run keeps the oldest and deletes only the one it just made, so they agree.
        let named = try await gateway.getAPIs().filter { $0.name == request.api && $0.protocolType == "HTTP" }
        if let winner = Self.oldest(named), let mine = api.apiId, winner.apiId != mine {
            try await gateway.deleteAPI(id: mine)
            progress("HTTP API \(request.api) was created meanwhile by another run (\(winner.apiId ?? "?")): using it")
            return winner
        }
        record("created HTTP API \(request.api) (\(api.apiId ?? "?"))", in: &changes)
        return api
    }

    /// Two HTTP APIs of the request's name that both carry its (app's) tags — left by two runs
    /// that created it within the same second — are settled: the oldest (then lowest ID) is
    /// kept, the other deleted with its routes. nil when there is nothing to settle.
    private func settleDuplicates(_ request: AttachRoutesRequest, apis: [HTTPAPI], changes: inout [String]) async throws
        -> HTTPAPI?
    {
        guard !request.tags.isEmpty else { return nil }
        let named = apis.filter { api in
            api.name == request.api && api.protocolType == "HTTP"
                && request.tags.allSatisfy { api.tags?[$0.key] == $0.value }
        }
        guard named.count > 1, let winner = Self.oldest(named) else { return nil }
        for extra in named where extra.apiId != winner.apiId {
            guard let id = extra.apiId else { continue }
            try await gateway.deleteAPI(id: id)
            record("deleted HTTP API \(request.api) (\(id)), a second one made by a run at the same time", in: &changes)
        }
        return winner
    }

    /// The API every run agrees to keep among same-named ones: the oldest, then the lowest ID (pure).
    static func oldest(_ apis: [HTTPAPI]) -> HTTPAPI? {
        apis.min { ($0.createdDate ?? "", $0.apiId ?? "") < ($1.createdDate ?? "", $1.apiId ?? "") }
    }

    /// Sets the CORS origins when asked and different.
    private func ensureCORS(_ api: HTTPAPI, apiID: String, origins: [String], changes: inout [String]) async throws -> HTTPAPI {
        guard let cors = Self.cors(origins), api.corsConfiguration?.allowOrigins?.sorted() != origins.sorted() else { return api }
        let updated = try await gateway.updateAPI(id: apiID, cors: cors)
        record("set CORS origins \(origins.joined(separator: ", "))", in: &changes)
        return updated
    }

    /// A route key the request names that already targets something else is a conflict (exit 6).
    static func checkConflicts(_ plan: RoutePlan, apiID: String) throws {
        if let conflict = plan.conflicts.first {
            throw RoutesError(
                "route \(conflict.key) of API \(apiID) already targets \(conflict.target ?? "nothing"): detach it first",
                category: .conflict)
        }
    }

    /// Creates the planned routes; returns every route key that targets the integration, sorted.
    private func ensureRoutes(
        _ keys: [RouteKey], current: [Route], apiID: String, integrationID: String, equivalent: Set<String> = [],
        changes: inout [String]
    ) async throws -> [String] {
        let plan = RoutePlan(current: current, desired: keys, integrationID: integrationID, equivalent: equivalent)
        try Self.checkConflicts(plan, apiID: apiID)
        var routeKeys = Set(current.filter { $0.target == "integrations/\(integrationID)" }.compactMap(\.routeKey))
        for key in plan.create {
            do {
                _ = try await gateway.createRoute(apiID: apiID, routeKey: key.text, integrationID: integrationID)
            } catch let error as AWSServiceError where error.code == "ConflictException" {
                // Made meanwhile (another run): fine when it goes to this function, a conflict otherwise.
                let now = try await gateway.getRoutes(apiID: apiID)
                try Self.checkConflicts(
                    RoutePlan(current: now, desired: [key], integrationID: integrationID, equivalent: equivalent), apiID: apiID)
                routeKeys.insert(key.text)
                continue
            }
            routeKeys.insert(key.text)
            record("created route \(key)", in: &changes)
        }
        return routeKeys.sorted()
    }

    /// Adds the invoke permission unless an equivalent statement exists.
    private func ensurePermission(function: String, arn: FunctionARN, apiID: String, changes: inout [String]) async throws {
        let sourceARN = arn.executeAPISourceARN(apiID: apiID)
        let permission = PermissionRequest(
            statementID: Self.statementID(apiID: apiID), principal: Self.principal, sourceARN: sourceARN)
        let statements = try await lambda.policy(function: function, qualifier: arn.qualifier)
        // Statements lambdactl made for an API that no longer exists (a duplicate settled above).
        let others = statements.compactMap(\.sid).filter { $0.hasPrefix("lambdactl-apigateway-") && $0 != permission.statementID }
        if !others.isEmpty {
            let live = Set(try await gateway.getAPIs().compactMap(\.apiId).map { Self.statementID(apiID: $0) })
            for sid in others where !live.contains(sid) {
                try await lambda.removePermission(function: function, qualifier: arn.qualifier, statementID: sid)
                record("removed permission \(sid) (its API no longer exists)", in: &changes)
            }
        }
        guard !statements.contains(where: { $0.grants(permission) }) else { return }
        try await lambda.addPermission(function: function, qualifier: arn.qualifier, permission: permission)
        record("allowed API \(apiID) to invoke \(arn.qualified(arn.qualifier)) (\(sourceARN))", in: &changes)
    }

    /// The ID of the AWS_PROXY integration to `uri`, if there is one.
    /// The IDs of the AWS_PROXY integrations to `uri`, sorted.
    private func integrations(apiID: String, uri: String) async throws -> [String] {
        try await gateway.getIntegrations(apiID: apiID)
            .filter { $0.integrationType == "AWS_PROXY" && $0.integrationUri == uri }
            .compactMap(\.integrationId).sorted()
    }

    /// Of several integrations to one function, the one to use: one a route targets, else the
    /// lowest ID; nil when there are none (pure).
    static func preferred(_ ids: [String], routes: [Route]) -> String? {
        let used = Set(routes.compactMap(\.target))
        return ids.sorted().first { used.contains("integrations/\($0)") } ?? ids.min()
    }

    /// Creates the AWS_PROXY integration (payload 2.0) to `uri`.
    private func createIntegration(apiID: String, uri: String, changes: inout [String]) async throws -> String {
        let created = try await gateway.createLambdaIntegration(apiID: apiID, functionARN: uri)
        guard let id = created.integrationId else {
            throw RoutesError("CreateIntegration answered without an integrationId", category: .unavailable)
        }
        record("created integration \(id) (AWS_PROXY, payload 2.0) to \(uri)", in: &changes)
        return id
    }

    /// `apigateway.amazonaws.com`.
    package static let principal = "apigateway.amazonaws.com"

    /// The statement ID lambdactl uses for an API's permission.
    package static func statementID(apiID: String) -> String { "lambdactl-apigateway-\(apiID)" }

    /// The URL clients call: the API endpoint, plus `/STAGE` unless the stage is `$default`.
    package static func invokeURL(api: HTTPAPI, apiID: String, region: String, stage: String) -> String {
        let base = api.apiEndpoint ?? "https://\(apiID).execute-api.\(region).amazonaws.com"
        return stage == "$default" ? base : base + "/" + stage
    }

    /// The CORS configuration for `origins` (all methods and headers), or nil for none.
    static func cors(_ origins: [String]) -> CORSConfiguration? {
        origins.isEmpty ? nil : CORSConfiguration(allowOrigins: origins, allowMethods: ["*"], allowHeaders: ["*"])
    }
}

/// Finds an HTTP API by ID or name.
struct HTTPAPILocator {
    /// The client that lists APIs.
    let gateway: APIGatewayClient

    /// The HTTP API whose ID or name is `nameOrID`; nil when no API has it. An error when it
    /// names a WebSocket (non-HTTP) API or more than one API of any kind, so a new API with the
    /// same name is never created beside them.
    func find(_ nameOrID: String) async throws -> HTTPAPI? {
        try Self.pick(nameOrID, from: try await gateway.getAPIs())
    }

    /// `find`'s decision over the listed APIs (pure; throws `RoutesError`).
    static func pick(_ nameOrID: String, from apis: [HTTPAPI]) throws -> HTTPAPI? {
        let matching = apis.filter { $0.apiId == nameOrID }.isEmpty
            ? apis.filter { $0.name == nameOrID } : apis.filter { $0.apiId == nameOrID }
        if matching.count > 1 {
            let ids = matching.map { "\($0.apiId ?? "?") \($0.protocolType ?? "HTTP")" }.joined(separator: ", ")
            throw RoutesError(
                "\(matching.count) APIs are named \(nameOrID) (\(ids))", hint: .giveHTTPAPIID, separator: ": ",
                category: .usage)
        }
        guard let api = matching.first else { return nil }
        if let kind = api.protocolType, kind != "HTTP" {
            throw RoutesError(
                "API \(nameOrID) (\(api.apiId ?? "?")) is a \(kind) API; routes need an HTTP API", hint: .giveAnotherAPI,
                separator: ": ", category: .usage)
        }
        return api
    }

    /// The API's ID, or an error when API Gateway sent none.
    static func id(of api: HTTPAPI) throws -> String {
        guard let id = api.apiId else { throw RoutesError("API Gateway answered without an apiId", category: .unavailable) }
        return id
    }
}

/// A routes problem the user can act on.
package struct RoutesError: HintedError, CustomStringConvertible, Equatable {
    /// What is wrong, naming no flag or command.
    package let facts: String
    /// What to do about it (the CLI words it with its flags).
    package let hint: Hint?
    /// What joins facts and hint.
    package let hintSeparator: String
    /// The category.
    package let category: ErrorCategory

    /// Creates the error.
    package init(_ facts: String, hint: Hint? = nil, separator: String = "; ", category: ErrorCategory) {
        self.facts = facts
        self.hint = hint
        self.hintSeparator = separator
        self.category = category
    }

    /// The sentence in plain words (the CLI prints `message(CommandLineHints())`).
    package var description: String { message(PlainHintWording()) }
}
