extension TriggerOverview {
    /// A route as a listing: kind `route`, source `ROUTE-KEY API-ID`, id the route's ID;
    /// lambdactl's when `attach-routes`' statement for its API is there.
    static func listing(route: InvokePaths.RouteEntry, statements: [InvokePaths.StatementEntry]) -> TriggerListing {
        var details = ["integration": route.integrationID]
        if let name = route.apiName { details["api"] = name }
        let ownID = AttachRoutes.statementID(apiID: route.apiID)
        let owned = statements.contains { $0.qualifier == route.qualifier && $0.statement.sid == ownID }
        return TriggerListing(
            kind: "route", qualifier: route.qualifier, source: "\(route.routeKey) \(route.apiID)", id: route.routeID,
            owned: owned, details: details)
    }

    /// A function URL as a listing: kind `url`, source the URL, `auth` in the details; lambdactl's
    /// when its public statements are there.
    static func listing(url: InvokePaths.URLEntry, statements: [InvokePaths.StatementEntry]) -> TriggerListing {
        let ownIDs = [FunctionURLConfigurer.urlStatementID, FunctionURLConfigurer.invokeStatementID]
        let owned = statements.contains { $0.qualifier == url.qualifier && ownIDs.contains($0.statement.sid ?? "") }
        return TriggerListing(
            kind: "url", qualifier: url.qualifier, source: url.url, id: nil, owned: owned, details: ["auth": url.authType])
    }

    /// A statement as a listing: kind `permission`, source its SourceArn (else its principal),
    /// id its Sid; a service principal without SourceArn (or S3/SNS without SourceAccount) warned.
    static func listing(statement entry: InvokePaths.StatementEntry) -> TriggerListing {
        let statement = entry.statement
        let principal = statement.principals.joined(separator: ",")
        var details = ["principal": principal.isEmpty ? "?" : principal]
        if !statement.actions.isEmpty { details["action"] = statement.actions.joined(separator: ",") }
        if let account = statement.sourceAccount { details["sourceAccount"] = account }
        if (statement.effect ?? "Allow") != "Allow" { details["effect"] = statement.effect }
        let missing = missingConditions(statement)
        if !missing.isEmpty { details["warning"] = missing.map { "no \($0)" }.joined(separator: ", ") }
        return TriggerListing(
            kind: "permission", qualifier: entry.qualifier, source: statement.sourceARN ?? details["principal"] ?? "?",
            id: statement.sid, owned: statement.sid?.hasPrefix("lambdactl-") ?? false, details: details)
    }

    /// The principals that must name their account: an S3 bucket ARN names none, and SNS
    /// checks it too (least privilege; see docs/triggers.md).
    static let accountPrincipals: Set<String> = ["s3.amazonaws.com", "sns.amazonaws.com"]

    /// The conditions an Allow statement for a service (or everyone) should carry and lacks:
    /// `SourceArn`, and `SourceAccount` for S3 and SNS. Account principals need neither.
    package static func missingConditions(_ statement: PolicyStatement) -> [String] {
        guard (statement.effect ?? "Allow") == "Allow", !isFunctionURLStatement(statement) else { return [] }
        let services = statement.principals.filter { $0 == "*" || $0.hasSuffix(".amazonaws.com") }
        guard !services.isEmpty else { return [] }
        var missing: [String] = []
        if statement.sourceARN == nil { missing.append("SourceArn") }
        if statement.sourceAccount == nil, services.contains(where: accountPrincipals.contains) { missing.append("SourceAccount") }
        return missing
    }
}
