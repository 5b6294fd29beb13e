/// The rules on the ways into a function: HTTP API routes, function URLs and resource-policy
/// statements (the facts `InvokePathsReader` reads).
extension FunctionFindingRules {
    /// API Gateway's HTTP API integration timeout, in seconds: a longer function is cut off at it.
    package static let httpAPITimeout = 30

    /// The invocation findings: long timeouts behind an HTTP API, paths into `$LATEST`.
    package static func invocation(_ facts: AuditedFunction) -> [DoctorFinding] {
        timeoutBehindHTTPAPI(facts) + latestPaths(facts)
    }

    /// A function (or alias) with a timeout above 30 s that an HTTP API integration targets: the
    /// caller gets a 503 at 30 s while the function runs on.
    package static func timeoutBehindHTTPAPI(_ facts: AuditedFunction) -> [DoctorFinding] {
        let byQualifier = Dictionary(grouping: facts.paths.routes, by: { $0.qualifier ?? "" })
        return byQualifier.keys.sorted().compactMap { qualifier in
            let timeout = facts.qualifierTimeouts[qualifier] ?? facts.timeout
            guard timeout > httpAPITimeout, let routes = byQualifier[qualifier] else { return nil }
            let target = qualifier.isEmpty ? facts.name : "\(facts.name):\(qualifier)"
            let keys = routes.map { "\($0.routeKey) (\($0.apiName ?? $0.apiID))" }.sorted().joined(separator: ", ")
            return DoctorFinding(
                .warning, "timeout-behind-http-api",
                "\(target) has a \(timeout) s timeout but HTTP API \(routes.count == 1 ? "route" : "routes") \(keys) cut it off at \(httpAPITimeout) s (callers get 503 while it runs on)",
                fix: .setTimeout(function: facts.name, seconds: httpAPITimeout, alias: qualifier.isEmpty ? nil : qualifier))
        }
    }

    /// The function URL, HTTP API integrations and resource-policy statements on the unqualified
    /// function while it has aliases: they run `$LATEST`, not the published code.
    package static func latestPaths(_ facts: AuditedFunction) -> [DoctorFinding] {
        guard let alias = facts.aliases.sorted().first else { return [] }
        let aliases = facts.aliases.sorted().joined(separator: ", ")
        var found: [DoctorFinding] = []
        if facts.paths.urls.contains(where: { $0.qualifier == nil }) {
            found.append(DoctorFinding(.warning, "latest-in-use",
                                       "the function URL invokes $LATEST although the function has aliases (\(aliases))",
                                       fix: .moveURLToAlias(function: facts.name, alias: alias)))
        }
        for route in facts.paths.routes where route.qualifier == nil {
            found.append(DoctorFinding(
                .warning, "latest-in-use",
                "HTTP API route \(route.routeKey) (\(route.apiName ?? route.apiID)) invokes $LATEST although the function has aliases (\(aliases))",
                fix: .pointRouteAtAlias(function: facts.name, api: route.apiName ?? route.apiID, route: route.routeKey, alias: alias)))
        }
        // Statements for the URL (principal *) and for the routes above are covered by those findings.
        let routeSources = Set(facts.paths.routes.filter { $0.qualifier == nil }.map(\.apiID))
        for entry in facts.paths.statements where entry.qualifier == nil && !entry.statement.principals.contains("*") {
            let statement = entry.statement
            if let source = statement.sourceARN, routeSources.contains(where: { source.contains(":\($0)/") }) { continue }
            let sid = statement.sid ?? "(no Sid)"
            found.append(DoctorFinding(
                .warning, "latest-in-use",
                "resource-policy statement \(sid) lets \(statement.principals.joined(separator: ",")) invoke $LATEST although the function has aliases (\(aliases))",
                fix: .removePermission(function: facts.name, statementID: sid)))
        }
        return found
    }
}
