import ArgumentParser
import Testing
@testable import lambdactl

@Suite("logs and routes command lines")
struct LogsRoutesCommandTests {
    @Test("logs options that cannot work are refused before anything is sent", arguments: [
        [],
        ["fn", "--log-group", "/g"],
        ["--log-group", "/g", "--qualifier", "live"],
        ["fn", "--format", "xml"],
        ["fn", "--interval", "0"],
        ["fn", "--interval", "0.001"],
        ["fn", "--since", "yesterday"],
        ["fn", "--until", "later"],
        ["fn", "--idle-timeout", "0s"],
        ["fn", "--max-duration", "forever"],
        ["fn", "--until-pattern", "("],
    ])
    func logsRefused(arguments: [String]) {
        #expect(throws: (any Error).self) { try Logs.parse(arguments) }
    }

    @Test("logs accepts a function or a group with the documented options")
    func logsAccepted() throws {
        let command = try Logs.parse([
            "fn", "--follow", "--since", "2h", "--format", "json", "--interval", "0.5", "--until-pattern", "ready",
            "--idle-timeout", "30s", "--max-duration", "5m", "--qualifier", "live", "--request-id", "abc",
        ])
        #expect(command.follow)
        #expect(command.format == "json")
        #expect(try Logs.parse(["--log-group", "/aws/lambda/x", "--since", "2026-11-23T12:00:00Z"]).logGroup == "/aws/lambda/x")
    }

    @Test("logs' durations share one syntax: units and compounds in --interval, --since, --idle-timeout, --max-duration")
    func logsDurations() throws {
        _ = try Logs.parse(["fn", "--follow", "--interval", "500ms", "--since", "1h30m", "--idle-timeout", "1m30s", "--max-duration", "1d"])
        #expect(throws: (any Error).self) { try Logs.parse(["fn", "--interval", "100ms"]) }
        #expect(throws: (any Error).self) { try Logs.parse(["fn", "--interval", "2h"]) }
    }

    @Test("attach-routes and detach-routes refuse bad or missing route keys")
    func routeKeys() {
        #expect(throws: (any Error).self) { try AttachRoutesCommand.parse(["fn", "--api", "a"]) }
        #expect(throws: (any Error).self) { try AttachRoutesCommand.parse(["fn", "--api", "a", "--route", "GET /{proxy+}/x"]) }
        #expect(throws: (any Error).self) { try DetachRoutesCommand.parse(["fn", "--api", "a", "--route", "FETCH /x"]) }
        #expect(throws: Never.self) { try AttachRoutesCommand.parse(["fn", "--api", "a", "--route", "get /x", "--route", "$default"]) }
    }
}
