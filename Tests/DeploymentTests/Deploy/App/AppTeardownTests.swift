import AWSAPIGatewayV2
import Testing
@testable import Deployment

@Suite("Pruning an app's routes and removal lines")
struct AppTeardownTests {
    static let api = HTTPAPI(apiId: "abc123", name: "site-dev")
    static func arn(_ name: String, _ qualifier: String? = nil) -> FunctionARN {
        FunctionARN("arn:aws:lambda:us-east-1:123456789012:function:\(name)" + (qualifier.map { ":\($0)" } ?? ""))!
    }

    @Test("a route is stale when it reaches one of the app's functions and the file maps its key elsewhere or not at all")
    func staleRoutes() {
        let routes = [
            Route(routeId: "r1", routeKey: "GET /web", target: "integrations/i1"),
            Route(routeId: "r2", routeKey: "GET /old", target: "integrations/i2"),
            Route(routeId: "r3", routeKey: "GET /also-old", target: "integrations/i2"),
            Route(routeId: "r4", routeKey: "GET /live", target: "integrations/i3"),
            Route(routeId: "r5", routeKey: "GET /theirs", target: "integrations/i4"),
            Route(routeId: "r6", routeKey: "GET /moved", target: "integrations/i1"),
        ]
        let targets = [
            "integrations/i1": Self.arn("web-dev"), "integrations/i2": Self.arn("old-dev"),
            "integrations/i3": Self.arn("web-dev", "live"), "integrations/i4": Self.arn("someone-else"),
        ]
        let wanted = ["GET /web": "web-dev", "GET /live": "web-dev", "GET /moved": "other-dev"]
        let stale = AppTeardown.stale(
            routes, targets: targets, wanted: wanted, functions: ["web-dev", "old-dev", "other-dev"], api: Self.api)
        #expect(stale == [
            AppTeardown.StaleRoutes(apiID: "abc123", apiName: "site-dev", function: "old-dev", qualifier: nil,
                keys: ["GET /also-old", "GET /old"]),
            AppTeardown.StaleRoutes(apiID: "abc123", apiName: "site-dev", function: "web-dev", qualifier: nil, keys: ["GET /moved"]),
        ])
        #expect(AppTeardown.removals(stale[0]).map(\.name) == ["GET /also-old", "GET /old"])
    }

    @Test("a function's removal lists its triggers before the function, in the order they are removed")
    func removalOrder() {
        let listing = TriggerListing(kind: "sqs", qualifier: nil, source: "arn:aws:sqs:us-east-1:123456789012:q", id: "m1", owned: true)
        let removal = AppTeardown.FunctionRemoval(name: "worker-dev", triggers: [listing], role: "lambdactl-worker-dev-role")
        #expect(AppTeardown.removals(removal) == [
            AppRemoval(.trigger, "sqs arn:aws:sqs:us-east-1:123456789012:q", detail: "of worker-dev"),
            AppRemoval(.function, "worker-dev"),
        ])
    }
}
