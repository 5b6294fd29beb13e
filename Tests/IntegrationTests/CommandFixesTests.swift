import Foundation
import Testing

/// Issue 8's command fixes as a user meets them: the built binary against moto behind the proxy.
extension LogsRoutesIntegration {
    @Suite("command fixes against moto")
    struct CommandFixes {
        func run(_ arguments: [String], environment: [String: String?] = LogsRoutesHarness.commandEnvironment) throws -> CommandResult {
            try CommandRunner.run(arguments, environment: environment)
        }

        /// Creates a Python function with lambdactl; returns its name.
        func makeFunction(_ prefix: String) throws -> String {
            let function = LogsRoutesHarness.unique(prefix)
            let code = FileManager.default.temporaryDirectory.appendingPathComponent(LogsRoutesHarness.unique("code"))
            try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
            try Data("def handler(e, c):\n    return e\n".utf8).write(to: code.appendingPathComponent("app.py"))
            let created = try run(["create-function", function, "--code", code.path, "--runtime", "python3.12", "--handler", "app.handler"])
            try #require(created.exitCode == 0, "\(created.stderr)")
            return function
        }

        @Test("Ctrl-C during create-function's role wait says what exists; the rerun waits for that role")
        func interruptedRoleWait() throws {
            try LogsRoutesHarness.controlCall("POST", "/faults", ["role_propagation_seconds": 12])
            defer { _ = try? LogsRoutesHarness.controlCall("POST", "/faults", ["role_propagation_seconds": NSNull()]) }
            let function = LogsRoutesHarness.unique("ctrlc")
            let code = FileManager.default.temporaryDirectory.appendingPathComponent(LogsRoutesHarness.unique("code"))
            try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
            try Data("def handler(e, c):\n    return e\n".utf8).write(to: code.appendingPathComponent("app.py"))
            let arguments = ["create-function", function, "--code", code.path, "--runtime", "python3.12", "--handler", "app.handler"]
            let first = try BackgroundCommand.start(arguments)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !((try? String(contentsOf: first.stderrURL, encoding: .utf8)) ?? "").contains("waiting for the role") {
                usleep(100_000)
            }
            first.interrupt()
            let interrupted = first.wait(limit: 30)
            #expect(interrupted.exitCode == 130, "\(interrupted.stderr)")
            #expect(interrupted.stderr.contains(
                "interrupted: role lambdactl-\(function)-role was created, function \(function) was not created"))
            let rerun = try run(arguments)
            #expect(rerun.exitCode == 0, "\(rerun.stderr)")
            #expect(rerun.stderr.contains("waiting for the role to reach Lambda"))
        }

        @Test("attach-routes refuses a WebSocket API of that name and creates no second API")
        func webSocketRefused() throws {
            let name = LogsRoutesHarness.unique("ws")
            try LogsRoutesHarness.python("""
                client("apigatewayv2").create_api(Name=sys.argv[1], ProtocolType="WEBSOCKET",
                    RouteSelectionExpression="$request.body.action")
                """, arguments: [name])
            let result = try run(["attach-routes", try makeFunction("wsfn"), "--api", name, "--route", "GET /x"])
            #expect(result.exitCode == 2, "\(result.stderr)")
            #expect(result.stderr.contains("is a WEBSOCKET API; routes need an HTTP API"))
            let count = try LogsRoutesHarness.python(
                #"print(len([a for a in client("apigatewayv2").get_apis()["Items"] if a["Name"] == sys.argv[1]]))"#,
                arguments: [name])
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        }

        @Test("detach-routes of the last route deletes the integration and the permission")
        func detachCleansUp() throws {
            let function = try makeFunction("det")
            let api = LogsRoutesHarness.unique("api")
            #expect(try run(["attach-routes", function, "--api", api, "--route", "GET /x"]).exitCode == 0)
            let detached = try run(["detach-routes", function, "--api", api, "--route", "GET /x"])
            #expect(detached.exitCode == 0, "\(detached.stderr)")
            #expect(detached.stderr.contains("deleted integration"))
            let left = try LogsRoutesHarness.python("""
                gw = client("apigatewayv2")
                i = [a for a in gw.get_apis()["Items"] if a["Name"] == sys.argv[1]][0]["ApiId"]
                print(len(gw.get_integrations(ApiId=i)["Items"]))
                """, arguments: [api])
            #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }

        @Test("publish-layer: extensions/ is not warned about, and new runtimes publish a new version")
        func layers() throws {
            let layer = LogsRoutesHarness.unique("deps")
            let tree = FileManager.default.temporaryDirectory.appendingPathComponent(layer)
            try FileManager.default.createDirectory(at: tree.appendingPathComponent("extensions"), withIntermediateDirectories: true)
            try Data("#!/bin/sh\n".utf8).write(to: tree.appendingPathComponent("extensions/agent"))
            let first = try run(["publish-layer", layer, "--code", tree.path, "--compatible-runtime", "python3.11"])
            #expect(first.exitCode == 0, "\(first.stderr)")
            #expect(!first.stderr.contains("extensions/"))
            let same = try run(["publish-layer", layer, "--code", tree.path, "--compatible-runtime", "python3.11"])
            #expect(same.stdout.contains(":1 unchanged"))
            let changed = try run(["publish-layer", layer, "--code", tree.path, "--compatible-runtime", "python3.12"])
            #expect(changed.stdout.contains(":2 published (compatible runtimes changed)"), "\(changed.stdout)")
            let zip = tree.path + ".zip"
            let packaged = try run(["package", tree.path, "-o", zip, "--layer"])
            #expect(packaged.exitCode == 0 && !packaged.stderr.contains("extensions/"))
            #expect(try run(["package", tree.path, "-o", zip]).stderr.contains("extensions/ in a function package"))
        }

        @Test("a region in no partition is exit 3 before any request; unknown commands and aliases are sentences")
        func sentences() throws {
            let before = try LogsRoutesHarness.proxyLog().count
            var environment = LogsRoutesHarness.commandEnvironment
            environment["AWS_ENDPOINT_URL"] = .some(nil)
            let region = try run(["get-function", "f", "--region", "us-east-99"], environment: environment)
            #expect(region.exitCode == 3)
            #expect(region.stderr == "lambdactl: error: no such region 'us-east-99' (check --region / AWS_REGION)\n")
            #expect(try LogsRoutesHarness.proxyLog().count == before)
            let unknown = try run(["put-function-concurrency", "f", "5"])
            #expect(unknown.exitCode == 2)
            #expect(unknown.stderr.hasPrefix("lambdactl: error: unknown command 'put-function-concurrency'; "))
            let alias = try run(["logs", try makeFunction("als"), "--qualifier", "ghost"])
            #expect(alias.exitCode == 4)
            #expect(alias.stderr.contains("has no alias 'ghost'") && !alias.stderr.contains("ResourceNotFoundException"))
            let missingGroup = try run(["logs", "--log-group", "/no/such/group"])
            #expect(missingGroup.exitCode == 4)
            #expect(!missingGroup.stderr.contains("invoke the function"))
        }
    }
}
