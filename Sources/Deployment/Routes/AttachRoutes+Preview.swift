import AWSAPIGatewayV2
import AWSCore
import Foundation

extension AttachRoutes {
    /// What ``run(_:)`` would change, found with the same reads and no write: one line per change
    /// (`create route GET /hello`), empty when nothing would change, and the invoke URL when
    /// the API exists. `functionARN` is the function's unqualified ARN, nil when the function
    /// does not exist yet (then nothing can point at it, and its policy is empty).
    package func preview(_ request: AttachRoutesRequest, functionARN: String?) async throws
        -> (changes: [String], invokeURL: String?)
    {
        let arn = functionARN.flatMap(FunctionARN.init)
        let uri = arn?.qualified(request.qualifier)
        var changes: [String] = []
        guard let api = try await HTTPAPILocator(gateway: gateway).find(request.api) else {
            changes.append("create HTTP API \(request.api)")
            changes.append("create integration (AWS_PROXY, payload 2.0)")
            changes += RoutePlan(current: [], desired: request.routes, integrationID: "").create.map { "create route \($0)" }
            changes.append("create stage \(request.stage) (auto-deploy)")
            changes.append("allow the API to invoke \(request.function)")
            return (changes, nil)
        }
        let apiID = try HTTPAPILocator.id(of: api)
        let currentRoutes = try await gateway.getRoutes(apiID: apiID)
        let integration = try await gateway.getIntegrations(apiID: apiID)
            .first { $0.integrationType == "AWS_PROXY" && Self.targets($0.integrationUri, uri: uri, request: request) }?
            .integrationId
        let plan = RoutePlan(current: currentRoutes, desired: request.routes, integrationID: integration ?? "")
        try Self.checkConflicts(plan, apiID: apiID)
        if let cors = Self.cors(request.corsOrigins), api.corsConfiguration?.allowOrigins?.sorted() != cors.allowOrigins?.sorted() {
            changes.append("set CORS origins \(request.corsOrigins.joined(separator: ", "))")
        }
        if integration == nil { changes.append("create integration (AWS_PROXY, payload 2.0)") }
        changes += plan.create.map { "create route \($0)" }
        if try await !gateway.getStages(apiID: apiID).contains(where: { $0.stageName == request.stage }) {
            changes.append("create stage \(request.stage) (auto-deploy)")
        }
        if try await !permitted(request, arn: arn, apiID: apiID) {
            changes.append("allow API \(apiID) to invoke \(uri ?? request.function)")
        }
        let region = arn?.region ?? api.apiEndpoint.flatMap(Self.region(ofEndpoint:)) ?? ""
        return (changes, Self.invokeURL(api: api, apiID: apiID, region: region, stage: request.stage))
    }

    /// Whether an integration URI is the one `run` would find: equal to `uri`, or, for a function
    /// not created yet (a name, no ARN), an ARN of that name and qualifier (one deleted and made again).
    static func targets(_ integrationURI: String?, uri: String?, request: AttachRoutesRequest) -> Bool {
        guard let integrationURI else { return false }
        if let uri { return integrationURI == uri }
        guard let found = FunctionARN(integrationURI), !request.function.contains(":") else { return false }
        return found.name == request.function && found.qualifier == request.qualifier
    }

    /// Whether the function's policy (at the qualifier) already lets API `apiID` invoke it.
    private func permitted(_ request: AttachRoutesRequest, arn: FunctionARN?, apiID: String) async throws -> Bool {
        guard let arn else { return false }
        let permission = PermissionRequest(
            statementID: Self.statementID(apiID: apiID), principal: Self.principal,
            sourceARN: arn.executeAPISourceARN(apiID: apiID))
        return try await lambda.policy(function: request.function, qualifier: request.qualifier)
            .contains { $0.grants(permission) }
    }

    /// `eu-west-1` from `https://abc.execute-api.eu-west-1.amazonaws.com`.
    static func region(ofEndpoint endpoint: String) -> String? {
        let host = endpoint.split(separator: "/").dropFirst().first.map(String.init) ?? endpoint
        let parts = host.split(separator: ".")
        guard let index = parts.firstIndex(of: "execute-api"), index + 1 < parts.count else { return nil }
        return String(parts[index + 1])
    }
}
