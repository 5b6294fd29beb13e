import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("deploy: old → new values, and a run that fails midway")
struct DeployFailureTests {
    @Test("configuration changes read old → new in the config's names; environment values never appear")
    func fieldChanges() {
        let current = FunctionConfiguration(
            handler: "app.handler", description: "old", timeout: 10, memorySize: 512,
            environment: EnvironmentResponse(variables: ["TOKEN": "secret-1", "GONE": "x"]),
            layers: [LayerReference(arn: "arn:aws:lambda:eu-west-1:1:layer:deps:4")])
        let changes = ConfigurationChanges(
            memorySize: 1024, description: "new", environment: ["TOKEN": "secret-2", "NEW": "y"],
            layers: ["arn:aws:lambda:eu-west-1:1:layer:deps:5"])
        let texts = FieldChange.configuration(changes, current: current).map(\.text)
        #expect(texts == [
            "memory: 512 → 1024", #"description: "old" → "new""#,
            "environment: changed (TOKEN changed; NEW added; GONE removed)", "layers: [deps:4] → [deps:5]",
        ])
        #expect(!texts.joined().contains("secret"))
        let step = DeployStep(.updateConfiguration, "f", .update, fields: ["MemorySize"], diff: [FieldChange("memory", old: "512", new: "1024")])
        #expect(DeployText.line(for: step, dryRun: true) == "function f configuration: would update (memory: 512 → 1024)")
        #expect(DeployText.notStartedLine(for: step) == "function f configuration: not started; would update (memory: 512 → 1024)")
    }

    @Test("a refused alias move throws a DeployFailure with the steps done, the failed step, its reason and those not started")
    func failsMidway() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let sha = zip.artifact.codeSHA256
        let current = configuration(sha: sha)
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(current)}"#))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, current))
        harness.transport.on("PUT /2015-03-31/functions/f/configuration", json(200, configuration(sha: sha, memory: 512)))
        let published = configuration(sha: sha).replacingOccurrences(of: #""Version":"$LATEST""#, with: #""Version":"1""#)
        harness.transport.on("GET /2015-03-31/functions/f/versions", json(200, #"{"Versions":[\#(published)]}"#))
        harness.transport.on("POST /2015-03-31/functions/f/versions", json(201, published.replacingOccurrences(of: #""Version":"1""#, with: #""Version":"2""#)))
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"1"}"#))
        harness.transport.on(
            "PUT /2015-03-31/functions/f/aliases/live",
            restJSONError(403, "AccessDeniedException", "User is not authorized to perform: lambda:UpdateAlias"))
        var config = DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: zip.path, memory: 512, timeout: 3),
            alias: "live")
        config.routes = RoutesSpec(api: "api", routes: ["GET /x"])
        do {
            _ = try await Deployer(services: harness.services(), routes: RecordingAttacher()).run(config, file: "x", dryRun: false)
            Issue.record("expected a DeployFailure")
        } catch let failure as DeployFailure {
            #expect(failure.report.steps.map(\.action) == [.updateCode, .updateConfiguration, .publishVersion])
            #expect(failure.report.failedStep?.action == .moveAlias)
            #expect(failure.report.error?.contains("AccessDeniedException") == true)
            #expect(failure.report.notStarted?.map(\.action) == [.attachRoutes])
            #expect(failure.report.changed)
            #expect((failure.underlying as? AWSServiceError)?.code == "AccessDeniedException")
        }
    }

    @Test("a dry run with routes asks the routes use case for a preview and counts its changes")
    func routesPreviewed() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration(sha: zip.artifact.codeSHA256))}"#))
        var config = DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: zip.path, memory: 128, timeout: 3))
        config.routes = RoutesSpec(api: "api", routes: ["GET /x"])
        let attacher = RecordingAttacher()
        let report = try await Deployer(services: harness.services(), routes: attacher).run(config, file: "x", dryRun: true)
        #expect(attacher.calls == ["preview f@-: api"])
        #expect(report.steps.last?.change == .unchanged && !report.changed)
    }
}
