import AWSAPIGatewayV2
import AWSCloudWatchLogs
import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Testing

@Suite("Routes: refusals and clean-up")
struct RoutesRefusalsTests {
    @Test("attach-routes --api naming a WebSocket API refuses with a sentence and creates nothing")
    func webSocketNamed() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "ws1", name: "shop", protocolType: "WEBSOCKET")
        await #expect {
            _ = try await rig.attach(["GET /items"])
        } throws: { error in
            let routes = error as? RoutesError
            return routes?.category == .usage
                && routes?.facts == "API shop (ws1) is a WEBSOCKET API; routes need an HTTP API" && routes?.hint == .giveAnotherAPI
        }
        #expect(rig.writes.isEmpty)
    }

    @Test("attach-routes --api naming more than one API (of any kind) refuses and creates nothing")
    func ambiguousName() async throws {
        let rig = RoutesRig()
        rig.gateway.addAPI(id: "h1", name: "shop")
        rig.gateway.addAPI(id: "ws1", name: "shop", protocolType: "WEBSOCKET")
        await #expect {
            _ = try await rig.attach(["GET /items"])
        } throws: {
            ($0 as? RoutesError)?.facts == "2 APIs are named shop (h1 HTTP, ws1 WEBSOCKET)" && ($0 as? RoutesError)?.hint == .giveHTTPAPIID
        }
        #expect(rig.writes.isEmpty)
        // The HTTP one by ID still works.
        #expect(try await rig.attach(["GET /items"], api: "h1").apiID == "h1")
    }

    @Test("detach-routes deletes the integration no route uses any more, and the permission")
    func detachDeletesIntegration() async throws {
        let rig = RoutesRig()
        let attached = try await rig.attach(["GET /items", "POST /items"])
        let detach = DetachRoutes(gateway: rig.client, lambda: rig.lambda)
        let partial = try await detach.run(function: "hello", api: "shop", routes: [try RouteKey("GET /items")], qualifier: nil)
        #expect(rig.gateway.integrationIDs(apiID: attached.apiID) == [attached.integrationID])
        #expect(!partial.changes.contains { $0.hasPrefix("deleted integration") })
        let last = try await detach.run(function: "hello", api: "shop", routes: [try RouteKey("POST /items")], qualifier: nil)
        #expect(rig.gateway.integrationIDs(apiID: attached.apiID).isEmpty)
        #expect(last.changes.contains("deleted integration \(attached.integrationID) (no route uses it any more)"))
        #expect(rig.lambda.statements.isEmpty)
    }

    @Test(
        "CORS origins are checked locally",
        arguments: [
            ("*", true), ("https://example.com", true), ("http://localhost:3000", true), ("HTTPS://Example.com", true),
            ("example.com", false), ("https://example.com/", false), ("https://example.com/app", false),
            ("ftp://example.com", false), ("https://", false), ("https://example.com?x=1", false), ("", false),
        ])
    func corsOrigins(origin: String, valid: Bool) {
        #expect((CORSOrigin.problem(origin) == nil) == valid)
        if !valid { #expect(CORSOrigin.problem(origin)?.text == origin) }
    }

    @Test("the missing-group hint talks about the function only when a function was given")
    func missingGroupHint() {
        #expect(LogGroupMissingError(group: "/aws/lambda/f").description.contains("invoke the function first"))
        let named = LogGroupMissingError(group: "/my/group", named: true).description
        #expect(!named.contains("invoke the function"))
        #expect(LogGroupMissingError(group: "/my/group", named: true).hint == .checkLogGroupOrFollow)
        #expect(named.contains("check the log group name"))
    }

    @Test("logs over a --log-group that does not exist: no 'invoke the function first' hint")
    func missingNamedGroup() async throws {
        let clock = ManualClock(start: .logsTestStart)
        let transport = ScriptedTransport { _ in
            jsonResponse(400, ["__type": "ResourceNotFoundException", "message": "The specified log group does not exist."])
        }
        let tail = LogTail(
            logs: LogsClient(
                context: testContext(transport, clock: clock, attempts: 3, jitter: 0.5),
                endpoint: ServiceEndpoint(host: "logs.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "logs")),
            time: clock.timeSource, write: { _ in }, notice: { _ in })
        var options = LogTailOptions(group: "/my/group", since: clock.now.addingTimeInterval(-600))
        options.groupNamed = true
        await #expect { _ = try await tail.run(options) } throws: { error in
            (error as? LogGroupMissingError)?.description.contains("invoke the function") == false
        }
    }
}
