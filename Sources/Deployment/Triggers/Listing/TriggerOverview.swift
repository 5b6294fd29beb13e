/// `triggers NAME`: every way the function can be invoked in one list — the handlers'
/// listings, its HTTP API routes, its function URLs, and the resource-policy statements none of
/// those explains. Reads only.
package struct TriggerOverview: Sendable {
    /// The handlers' listings (mappings, S3, SNS, schedules, rules).
    package var wiring: TriggerWiring
    /// Routes, URLs and policies.
    package var reader: InvokePathsReader

    /// Creates the use case.
    package init(wiring: TriggerWiring, reader: InvokePathsReader) {
        self.wiring = wiring
        self.reader = reader
    }

    /// The function's listings, only `qualifier`'s when given, sorted and without duplicates;
    /// `warn` hears what could not be read and was left out.
    package func run(function: String, qualifier: String? = nil, warn: @Sendable (String) -> Void = { _ in })
        async throws -> [TriggerListing]
    {
        let paths = try await reader.read(function: function, qualifier: TriggerOverview.normalized(qualifier))
        paths.unread.forEach(warn)
        let listings = try await wiring.list(function: function)
        return Self.merge(listings, paths: paths, qualifier: qualifier)
    }

    /// `$LATEST` and the empty qualifier mean the unqualified function.
    static func normalized(_ qualifier: String?) -> String? {
        guard let qualifier, !qualifier.isEmpty, qualifier != "$LATEST" else { return nil }
        return qualifier
    }

    /// The pure core: handler listings + routes + URLs + unexplained statements, deduplicated,
    /// sorted by kind (``kindOrder``), qualifier, source and id, and filtered to `qualifier`
    /// (`$LATEST` selects the unqualified function's).
    package static func merge(_ listings: [TriggerListing], paths: InvokePaths, qualifier: String? = nil) -> [TriggerListing] {
        var all = listings
        all += paths.routes.map { listing(route: $0, statements: paths.statements) }
        all += paths.urls.map { listing(url: $0, statements: paths.statements) }
        all += paths.statements.filter { !explains(all, paths: paths, $0) }.map(listing(statement:))
        var seen = Set<String>()
        all = all.filter { seen.insert([$0.kind, $0.qualifier ?? "", $0.source, $0.id ?? ""].joined(separator: "\u{1}")).inserted }
        if qualifier != nil {
            let wanted = normalized(qualifier)
            all = all.filter { normalized($0.qualifier) == wanted }
        }
        return all.sorted(by: ordered)
    }

    /// The order kinds are shown in; unknown kinds after these.
    package static let kindOrder = ["sqs", "kinesis", "dynamodb", "s3", "sns", "schedule", "rule", "route", "url", "permission"]

    static func ordered(_ a: TriggerListing, _ b: TriggerListing) -> Bool {
        let rank = { (kind: String) in kindOrder.firstIndex(of: kind) ?? kindOrder.count }
        if rank(a.kind) != rank(b.kind) { return rank(a.kind) < rank(b.kind) }
        if a.kind != b.kind { return a.kind < b.kind }
        if (a.qualifier ?? "") != (b.qualifier ?? "") { return (a.qualifier ?? "") < (b.qualifier ?? "") }
        if a.source != b.source { return a.source < b.source }
        return (a.id ?? "") < (b.id ?? "")
    }

    /// Whether a statement is already shown by another listing: one whose source is the
    /// statement's SourceArn; an execute-api statement of an API with a listed route; a
    /// function-URL statement on a qualifier that has a URL.
    static func explains(_ listings: [TriggerListing], paths: InvokePaths, _ entry: InvokePaths.StatementEntry) -> Bool {
        let statement = entry.statement
        if let source = statement.sourceARN {
            if listings.contains(where: { $0.source == source && $0.qualifier == entry.qualifier }) { return true }
            if let apiID = executeAPIID(source), paths.routes.contains(where: { $0.apiID == apiID }) { return true }
        }
        return isFunctionURLStatement(statement) && paths.urls.contains { $0.qualifier == entry.qualifier }
    }

    /// The API ID of an `arn:PARTITION:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH` ARN.
    static func executeAPIID(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "execute-api" else { return nil }
        return parts[5].split(separator: "/").first.map(String.init)
    }

    /// A statement `function-url` adds: `lambda:InvokeFunctionUrl`, one conditioned on the URL,
    /// or one with lambdactl's URL statement ids.
    static func isFunctionURLStatement(_ statement: PolicyStatement) -> Bool {
        statement.actions.contains("lambda:InvokeFunctionUrl")
            || [FunctionURLConfigurer.urlStatementID, FunctionURLConfigurer.invokeStatementID].contains(statement.sid ?? "")
            || statement.conditionKeys.contains("lambda:invokedviafunctionurl")
            || statement.conditionKeys.contains("lambda:functionurlauthtype")
    }
}
