import Testing
@testable import Deployment

@Suite("Doctor invocation rules: timeouts behind an HTTP API, URLs, routes and statements on $LATEST")
struct InvocationRulesTests {
    static func facts(timeout: Int = 3, aliases: [String] = [], paths: InvokePaths = InvokePaths()) -> AuditedFunction {
        var facts = AuditedFunction(name: "app", runtime: "python3.13", timeout: timeout, codeSize: 1000, variables: [:],
                                    reservedConcurrency: nil, statements: [], urlAuthType: nil)
        facts.aliases = aliases
        facts.paths = paths
        return facts
    }

    static func route(_ key: String, qualifier: String? = nil) -> InvokePaths.RouteEntry {
        .init(apiID: "a1b2c3", apiName: "shop", routeKey: key, routeID: "r1", integrationID: "i1", qualifier: qualifier)
    }

    static let apiStatement = PolicyStatement(
        sid: "apigw", principals: ["apigateway.amazonaws.com"], actions: ["lambda:InvokeFunction"],
        sourceARN: "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*/*/items")
    static let s3Statement = PolicyStatement(
        sid: "s3", principals: ["s3.amazonaws.com"], actions: ["lambda:InvokeFunction"], sourceARN: "arn:aws:s3:::bucket")

    @Test("A 60 s function behind an HTTP API is a warning whose fix sets the timeout to 30")
    func longTimeout() throws {
        let found = FunctionFindingRules.findings(Self.facts(timeout: 60, paths: InvokePaths(routes: [Self.route("GET /items")])),
                                                  today: "2026-12-02")
        let finding = try #require(found.first)
        #expect(found.count == 1 && finding.code == "timeout-behind-http-api" && finding.severity == .warning)
        #expect(finding.message.contains("60 s") && finding.message.contains("GET /items (shop)"))
        #expect(finding.fix == .setTimeout(function: "app", seconds: 30, alias: nil))
    }

    @Test("30 s behind an HTTP API, or 60 s with no route, is fine")
    func withinLimit() {
        #expect(FunctionFindingRules.invocation(Self.facts(timeout: 30, paths: InvokePaths(routes: [Self.route("GET /")]))).isEmpty)
        #expect(FunctionFindingRules.invocation(Self.facts(timeout: 60)).isEmpty)
    }

    @Test("An alias's own timeout is judged, and the fix names the alias to move")
    func aliasTimeout() throws {
        var facts = Self.facts(timeout: 3, aliases: ["live"], paths: InvokePaths(routes: [Self.route("GET /", qualifier: "live")]))
        facts.qualifierTimeouts["live"] = 90
        let found = FunctionFindingRules.timeoutBehindHTTPAPI(facts)
        #expect(found.map(\.fix) == [.setTimeout(function: "app", seconds: 30, alias: "live")])
        facts.qualifierTimeouts["live"] = 10
        #expect(FunctionFindingRules.timeoutBehindHTTPAPI(facts).isEmpty)
    }

    @Test("With aliases: the unqualified URL, route and a service statement are each latest-in-use")
    func latestPaths() {
        let paths = InvokePaths(
            routes: [Self.route("GET /items")], urls: [.init(qualifier: nil, url: "https://x.lambda-url", authType: "AWS_IAM")],
            statements: [.init(qualifier: nil, statement: Self.apiStatement), .init(qualifier: nil, statement: Self.s3Statement)])
        let found = FunctionFindingRules.latestPaths(Self.facts(aliases: ["live"], paths: paths))
        #expect(found.map(\.code) == ["latest-in-use", "latest-in-use", "latest-in-use"])
        #expect(found.map(\.fix) == [
            .moveURLToAlias(function: "app", alias: "live"),
            .pointRouteAtAlias(function: "app", api: "shop", route: "GET /items", alias: "live"),
            .removePermission(function: "app", statementID: "s3"),
        ])
        #expect(found.allSatisfy { $0.message.contains("$LATEST") && $0.message.contains("(live)") })
    }

    @Test("Without aliases, or with every path on an alias, nothing is on $LATEST")
    func noLatest() {
        let unqualified = InvokePaths(routes: [Self.route("GET /")], urls: [.init(qualifier: nil, url: "u", authType: "NONE")],
                                      statements: [.init(qualifier: nil, statement: Self.s3Statement)])
        #expect(FunctionFindingRules.latestPaths(Self.facts(paths: unqualified)).isEmpty)
        let onAlias = InvokePaths(routes: [Self.route("GET /", qualifier: "live")], urls: [.init(qualifier: "live", url: "u", authType: "NONE")],
                                  statements: [.init(qualifier: "live", statement: Self.s3Statement)])
        #expect(FunctionFindingRules.latestPaths(Self.facts(aliases: ["live"], paths: onAlias)).isEmpty)
    }
}
