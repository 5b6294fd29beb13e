import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Synchronization
import Testing
@testable import Deployment

@Suite("Deployer: validate, read, plan, apply")
struct DeployerTests {
    static let layerARN = "arn:aws:lambda:eu-west-1:123456789012:layer:deps"

    func config(code: String, memory: Int = 128, layers: [LayerSpec] = [], alias: String? = nil) -> DeployConfig {
        DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: code, memory: memory, timeout: 3),
            layers: layers, alias: alias)
    }

    func mutating(_ transport: ScriptedTransport) -> [String] {
        transport.routes.filter { !$0.hasPrefix("GET ") }
    }

    @Test("a missing code path fails before any request")
    func badConfigMakesNoCall() async throws {
        let harness = Harness()
        await #expect(throws: DeployConfigError.self) {
            _ = try await Deployer(services: harness.services())
                .run(config(code: "/nonexistent/code.zip"), file: "lambdactl.yml", dryRun: false)
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("function.alarms is refused before any request when no alarm services are plugged in")
    func alarmsRefusedWithoutServices() async throws {
        let zip = try temporaryZip()
        var config = config(code: zip.path)
        config.alarms = [AlarmEntry(metric: "Errors", threshold: 1)]
        let harness = Harness()
        do {
            _ = try await Deployer(services: harness.services()).run(config, file: "app.yml", dryRun: false)
            Issue.record("expected an error")
        } catch let error as DeployConfigError {
            #expect(error.message.hasPrefix("app.yml: function.alarms needs CloudWatch and SNS clients"))
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("a routes section is refused before any request when no routes use case is plugged in")
    func routesRefusedWithoutUseCase() async throws {
        let zip = try temporaryZip()
        var config = config(code: zip.path)
        config.routes = RoutesSpec(api: "a", routes: ["GET /x"])
        let harness = Harness()
        do {
            _ = try await Deployer(services: harness.services()).run(config, file: "lambdactl.yml", dryRun: false)
            Issue.record("expected an error")
        } catch let error as DeployConfigError {
            #expect(error.message.contains("routes in deploy config need"))
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("an identical deploy reads and changes nothing")
    func unchanged() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration(sha: zip.artifact.codeSHA256))}"#))
        let report = try await Deployer(services: harness.services()).run(config(code: zip.path), file: "x", dryRun: false)
        #expect(!report.changed)
        #expect(mutating(harness.transport).isEmpty)
        #expect(report.steps.map(\.change) == [.unchanged, .unchanged])
    }

    @Test("--dry-run reports the memory change and sends only reads")
    func dryRun() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration(sha: "OLD"))}"#))
        let report = try await Deployer(services: harness.services()).run(config(code: zip.path, memory: 512), file: "x", dryRun: true)
        #expect(report.dryRun && report.changed)
        #expect(report.steps.map(\.change) == [.update, .update])
        #expect(report.steps.last?.fields == ["MemorySize"])
        #expect(mutating(harness.transport).isEmpty)
    }

    @Test("a memory change sends one UpdateFunctionConfiguration with only MemorySize and the RevisionId")
    func configurationOnly() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let current = configuration(sha: zip.artifact.codeSHA256)
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(current)}"#))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, current))
        harness.transport.on("PUT /2015-03-31/functions/f/configuration", json(200, configuration(sha: zip.artifact.codeSHA256, memory: 512)))
        let report = try await Deployer(services: harness.services()).run(config(code: zip.path, memory: 512), file: "x", dryRun: false)
        #expect(report.changed)
        #expect(mutating(harness.transport) == ["PUT /2015-03-31/functions/f/configuration"])
        let put = try #require(harness.transport.sent.first { $0.method == "PUT" })
        #expect(Set(jsonBody(put).keys) == ["MemorySize", "RevisionId"])
    }

    @Test("a changed tag is sent alone with TagResource on the function's ARN")
    func tags() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(
            "GET /2015-03-31/functions/f",
            json(200, #"{"Configuration":\#(configuration(sha: zip.artifact.codeSHA256)),"Tags":{"team":"web","cost":"1"}}"#))
        harness.transport.on("POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af", HTTPResponse(status: 204))
        var config = config(code: zip.path)
        config.function.tags = ["team": "web", "cost": "2"]
        let report = try await Deployer(services: harness.services()).run(config, file: "x", dryRun: false)
        #expect(mutating(harness.transport) == ["POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af"])
        let post = try #require(harness.transport.sent.last)
        #expect(jsonBody(post)["Tags"] as? [String: String] == ["cost": "2"])
        #expect(report.steps.last == DeployStep(.updateTags, "f", .update, fields: ["cost"], diff: [FieldChange("tags.cost", old: "1", new: "2")]))
    }

    @Test("an unchanged layer is not published again and the function keeps its layer")
    func layerUnchanged() async throws {
        let zip = try temporaryZip()
        let layerZip = try temporaryZip("layer bytes")
        let harness = Harness()
        let current = configuration(sha: zip.artifact.codeSHA256, extra: #","Layers":[{"Arn":"\#(Self.layerARN):2"}]"#)
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(current)}"#))
        harness.transport.on("GET /2018-10-31/layers/deps/versions", json(200, #"{"LayerVersions":[{"LayerVersionArn":"\#(Self.layerARN):2","Version":2}]}"#))
        harness.transport.on(
            "GET /2018-10-31/layers/deps/versions/2",
            json(200, #"{"LayerVersionArn":"\#(Self.layerARN):2","Version":2,"Content":{"CodeSha256":"\#(layerZip.artifact.codeSHA256)"}}"#))
        let report = try await Deployer(services: harness.services())
            .run(config(code: zip.path, layers: [LayerSpec(name: "deps", code: layerZip.path)]), file: "x", dryRun: false)
        #expect(!report.changed)
        #expect(mutating(harness.transport).isEmpty)
        #expect(report.steps.first == DeployStep(.publishLayer, "deps", .unchanged, detail: "version 2"))
    }

    @Test("a new function is created with its configuration, published, and the alias created")
    func createsPublishesAliases() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        harness.transport.on("GetRole", xml(200, "<GetRoleResponse><GetRoleResult><Role><RoleName>lambdactl-f-role</RoleName><Arn>arn:aws:iam::123456789012:role/lambdactl-f-role</Arn></Role></GetRoleResult></GetRoleResponse>"))
        harness.transport.on("POST /2015-03-31/functions", json(201, configuration(sha: zip.artifact.codeSHA256)))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: zip.artifact.codeSHA256)))
        let published = configuration(sha: zip.artifact.codeSHA256)
            .replacingOccurrences(of: #""Version":"$LATEST""#, with: #""Version":"1""#)
        harness.transport.on("POST /2015-03-31/functions/f/versions", json(201, published))
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", restJSONError(404, "ResourceNotFoundException", "Alias not found"))
        harness.transport.on("POST /2015-03-31/functions/f/aliases", json(201, #"{"Name":"live","FunctionVersion":"1"}"#))
        let report = try await Deployer(services: harness.services())
            .run(config(code: zip.path, alias: "live"), file: "x", dryRun: false)
        #expect(report.steps.map(\.action) == [.createFunction, .publishVersion, .moveAlias])
        let create = try #require(harness.transport.sent.first { $0.method == "POST" && $0.path == "/2015-03-31/functions" })
        #expect(jsonBody(create)["MemorySize"] as? Int == 128)
        let publish = try #require(harness.transport.sent.first { $0.path == "/2015-03-31/functions/f/versions" })
        #expect(jsonBody(publish)["CodeSha256"] as? String == zip.artifact.codeSHA256)
        #expect(report.steps.last?.change == .create && report.version == "1")
        let alias = try #require(harness.transport.sent.first { $0.method == "POST" && $0.path.hasSuffix("/aliases") })
        #expect(jsonBody(alias)["FunctionVersion"] as? String == "1")
    }

    @Test("routes are attached after the alias, pointing at the alias")
    func routesAtAlias() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let current = configuration(sha: zip.artifact.codeSHA256)
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(current)}"#))
        harness.transport.on("GET /2015-03-31/functions/f/versions", json(200, #"{"Versions":[{"Version":"$LATEST"},{"Version":"1","CodeSha256":"\#(zip.artifact.codeSHA256)"}]}"#))
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"1"}"#))
        var config = config(code: zip.path, alias: "live")
        config.routes = RoutesSpec(api: "api", routes: ["GET /hello"])
        let attacher = RecordingAttacher()
        let report = try await Deployer(services: harness.services(), routes: attacher).run(config, file: "x", dryRun: false)
        #expect(attacher.calls == ["f@live: api GET /hello"])
        #expect(report.invokeURL == "https://example.test" && !report.changed)
        #expect(try JSONKeyConvention.problems(report) == [])
        #expect(String(decoding: try JSONEncoder().encode(report), as: UTF8.self).contains(#""invokeUrl":"https:\/\/example.test""#))
        #expect(report.steps.last == DeployStep(.attachRoutes, "api", .unchanged, detail: "https://example.test"))
    }
}

/// Records attach calls and reports nothing changed.
final class RecordingAttacher: RouteAttaching {
    private let state = Mutex<[String]>([])
    var calls: [String] { state.withLock { $0 } }

    func attach(_ routes: RoutesSpec, function: String, qualifier: String?) async throws -> RouteAttachment {
        state.withLock { $0.append("\(function)@\(qualifier ?? "-"): \(routes.api) \(routes.routes.joined(separator: ","))") }
        return RouteAttachment(invokeURL: "https://example.test", changes: [])
    }

    func preview(_ routes: RoutesSpec, function: String, qualifier: String?, functionARN: String?) async throws -> RouteAttachment {
        state.withLock { $0.append("preview \(function)@\(qualifier ?? "-"): \(routes.api)") }
        return RouteAttachment(invokeURL: "https://example.test", changes: [])
    }
}

/// A packager that hands out one fixed zip for any directory and counts the calls.
final class CountingPackager: CodePackager {
    let artifact: CodeArtifact
    private let state = Mutex(0)
    var calls: Int { state.withLock { $0 } }

    init(artifact: CodeArtifact) {
        self.artifact = artifact
    }

    func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        state.withLock { $0 += 1 }
        return artifact
    }
}

/// A packager that takes a while, so calls made at once overlap.
final class SlowCountingPackager: CodePackager {
    let artifact: CodeArtifact
    private let state = Mutex(0)
    var calls: Int { state.withLock { $0 } }

    init(artifact: CodeArtifact) {
        self.artifact = artifact
    }

    func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        state.withLock { $0 += 1 }
        try await Task.sleep(for: .milliseconds(50))
        return artifact
    }
}

@Suite("PackageCache")
struct PackageCacheTests {
    @Test("functions planned at once that share a directory wait for one zip instead of each building it")
    func concurrentCallsBuildOnce() async throws {
        let zip = try temporaryZip()
        let base = SlowCountingPackager(artifact: zip.artifact)
        let cache = PackageCache(wrapping: base)
        let hashes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try await cache.package(directory: "/src", kind: .function, includes: []).codeSHA256 }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(base.calls == 1)
        #expect(Set(hashes) == [zip.artifact.codeSHA256] && hashes.count == 8)
    }

    @Test("a directory deployed with a changed layer is packaged once for the plan and the upload")
    func packagesOnce() async throws {
        let zip = try temporaryZip()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let packager = CountingPackager(artifact: zip.artifact)
        let harness = Harness()
        var services = harness.services()
        services.loader = CodeLoader(packager: packager, files: LocalFileSystem())
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration(sha: "OLD"))}"#))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: "OLD")))
        harness.transport.on("PUT /2015-03-31/functions/f/code", json(200, configuration(sha: zip.artifact.codeSHA256)))
        let config = DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: directory.path))
        let report = try await Deployer(services: services).run(config, file: "x", dryRun: false)
        #expect(report.steps.first?.change == .update)
        #expect(packager.calls == 1)
    }
}

