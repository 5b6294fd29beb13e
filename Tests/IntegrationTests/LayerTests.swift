import Foundation
import Testing

/// Layers attached end to end. moto 5.2.1 cannot attach a layer to a function; the proxy
/// emulates it as AWS does (Scripts/aws_proxy_layers.py), so these run against the harness.
@Suite("Layers attached through the harness", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct LayerTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        try await harness.setFaults(HarnessFaults(lambdaBusySeconds: 1))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("layers-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        return try CommandRunner.run(arguments + ["--endpoint-url", harness.endpoint.absoluteString], environment: environment)
    }

    func zip(_ comment: String) throws -> String {
        let path = directory.appendingPathComponent("\(comment).zip")
        try DeployFixture.zip(comment: comment).write(to: path)
        return path.path
    }

    func layerARN(_ name: String, _ version: Int) -> String {
        "arn:aws:lambda:\(harness.region):123456789012:layer:\(name):\(version)"
    }

    /// The layer ARNs `get-function NAME --output json` reports.
    func attachedLayers(_ function: String, qualifier: String? = nil) throws -> [String] {
        let result = try lambdactl(["get-function", function, "--output", "json"] + (qualifier.map { ["--qualifier", $0] } ?? []))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let configuration = doc?["configuration"] as? [String: Any]
        let layers = configuration?["Layers"] as? [[String: Any]] ?? []
        return layers.compactMap { $0["Arn"] as? String }
    }

    /// Operations in the proxy log that change something (as DeployTests counts them).
    func mutatingOperations(since: Int) async throws -> [String] {
        try await harness.log(since: since)
            .filter { $0.method != "GET" && $0.method != "HEAD" }
            .map(\.operation)
            .filter { op in !["Get", "List", "Head"].contains { op.hasPrefix($0) } }
    }

    @Test("publish-layer --attach moves the function to the new version; get-function shows it")
    func publishAndAttach() async throws {
        let create = try lambdactl(["create-function", "lay-attach", "--code", try zip("fn"), "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        let first = try lambdactl(["publish-layer", "lay-deps", "--code", try zip("deps1"), "--compatible-runtime", "python3.12", "--attach", "lay-attach"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(try attachedLayers("lay-attach") == [layerARN("lay-deps", 1)])
        let shown = try lambdactl(["get-function", "lay-attach"])
        #expect(shown.stdout.contains(layerARN("lay-deps", 1)), "\(shown.stdout)")
        let second = try lambdactl(["publish-layer", "lay-deps", "--code", try zip("deps2"), "--compatible-runtime", "python3.12", "--attach", "lay-attach"])
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(try attachedLayers("lay-attach") == [layerARN("lay-deps", 2)], "the older version is replaced in place")
        let log = try await harness.log()
        #expect(log.allSatisfy { $0.verified })
        #expect(log.filter { $0.operation == "UpdateFunctionConfiguration" }.allSatisfy { $0.status == 200 })
    }

    @Test("create-function --layer and update-config --layer attach; an unknown version is refused")
    func createAndUpdateConfig() async throws {
        for comment in ["a1", "b1"] {
            let name = "lay-" + comment.prefix(1)
            let result = try lambdactl(["publish-layer", name, "--code", try zip(comment), "--compatible-runtime", "python3.12"])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let create = try lambdactl([
            "create-function", "lay-create", "--code", try zip("fn2"), "--runtime", "python3.12", "--handler", "app.handler",
            "--layer", layerARN("lay-a", 1), "--publish",
        ])
        #expect(create.exitCode == 0, "\(create.stderr)")
        #expect(try attachedLayers("lay-create") == [layerARN("lay-a", 1)])
        #expect(try attachedLayers("lay-create", qualifier: "1") == [layerARN("lay-a", 1)])
        let update = try lambdactl(["update-config", "lay-create", "--layer", layerARN("lay-a", 1), "--layer", layerARN("lay-b", 1)])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(try attachedLayers("lay-create") == [layerARN("lay-a", 1), layerARN("lay-b", 1)])
        #expect(try attachedLayers("lay-create", qualifier: "1") == [layerARN("lay-a", 1)], "version 1 keeps its layers")
        let mark = try await harness.log().count
        let again = try lambdactl(["update-config", "lay-create", "--layer", layerARN("lay-a", 1), "--layer", layerARN("lay-b", 1)])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(try await mutatingOperations(since: mark).isEmpty, "the same layers again: nothing to send")
        let unknown = try lambdactl(["update-config", "lay-create", "--layer", layerARN("lay-a", 9)])
        #expect(unknown.exitCode == 4, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("Layer version \(layerARN("lay-a", 9)) does not exist."), "\(unknown.stderr)")
        #expect(try attachedLayers("lay-create") == [layerARN("lay-a", 1), layerARN("lay-b", 1)])
    }

    @Test("deploy with layers: creates the function with the layer; a rerun makes no write")
    func deployWithLayers() async throws {
        let depsCode = try zip("deploy-deps")
        let code = try zip("deploy-fn")
        let config = """
            function:
              name: lay-deploy
              runtime: python3.12
              handler: app.handler
              code: \(code)
            layers:
              - name: lay-deploy-deps
                code: \(depsCode)
                compatible_runtimes: [python3.12]
            publish: true
            alias: live
            wait_timeout: 2m
            """
        let file = directory.appendingPathComponent("lambdactl.yml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let first = try lambdactl(["deploy", "-f", file.path])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("function lay-deploy: created"), "\(first.stdout)")
        #expect(try attachedLayers("lay-deploy") == [layerARN("lay-deploy-deps", 1)])
        #expect(try attachedLayers("lay-deploy", qualifier: "live") == [layerARN("lay-deploy-deps", 1)])
        let mark = try await harness.log().count
        let second = try lambdactl(["deploy", "-f", file.path])
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("lay-deploy: up to date; nothing changed"), "\(second.stdout)")
        #expect(try await mutatingOperations(since: mark).isEmpty)
        #expect(try await harness.log().allSatisfy { $0.verified })
    }
}
