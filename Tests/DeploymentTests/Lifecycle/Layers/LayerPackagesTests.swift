import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Synchronization
import Testing
import ZipArchive
@testable import Deployment

/// A packager that records the kind of package it was asked for.
final class KindRecordingPackager: CodePackager {
    let artifact: CodeArtifact
    private let state = Mutex<[PackageKind]>([])
    var kinds: [PackageKind] { state.withLock { $0 } }

    init(artifact: CodeArtifact) { self.artifact = artifact }

    func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
        state.withLock { $0.append(kind) }
        return artifact
    }
}

@Suite("Layer packages and layer versions")
struct LayerPackagesTests {
    static let layer = "arn:aws:lambda:eu-west-1:123456789012:layer:deps"

    @Test("extensions/ is a warning in a function package and expected in a layer")
    func extensionsWarningOnlyForFunctions() throws {
        let tree = ScannedTree(entries: [
            ZipEntry(name: "extensions/", kind: .directory, permissions: 0o755),
            ZipEntry(name: "extensions/agent", kind: .file(source: "/dev/null", size: 1), permissions: 0o755),
        ])
        #expect(try PackageChecks.check(tree, runtime: nil, kind: .function).contains(.extensionsInFunction))
        #expect(try PackageChecks.check(tree, runtime: nil, kind: .layer).isEmpty)
    }

    @Test("a layer directory is packaged as a layer: no extensions/ warning reaches the user")
    func directoryPackagerPassesKind() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("extensions"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: directory.appendingPathComponent("extensions/agent"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let warnings = Mutex<[PackageWarning]>([])
        let loader = CodeLoader(packager: DirectoryPackager(scratch: { FileManager.default.temporaryDirectory }, files: LocalFileSystem(), temporarySuffix: ".tmp-test") { line in warnings.withLock { $0.append(line) } }, files: LocalFileSystem())
        _ = try await loader.load(directory.path, kind: .layer)
        #expect(warnings.withLock { $0 }.isEmpty)
        _ = try await loader.load(directory.path)
        #expect(warnings.withLock { $0 }.contains { $0.description.contains("extensions/ in a function package") })
    }

    @Test("publish-layer packages its directory as a layer")
    func publisherAsksForALayer() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2018-10-31/layers/deps/versions", json(200, #"{"LayerVersions":[]}"#))
        harness.transport.on(
            "POST /2018-10-31/layers/deps/versions",
            json(201, #"{"LayerVersionArn":"\#(Self.layer):1","Version":1,"Content":{"CodeSha256":"x"}}"#))
        let packager = KindRecordingPackager(artifact: zip.artifact)
        var services = harness.services()
        services.loader = CodeLoader(packager: packager, files: LocalFileSystem())
        _ = try await LayerPublisher(services: services).run(.init(name: "deps", codePath: FileManager.default.temporaryDirectory.path))
        #expect(packager.kinds == [.layer])
    }

    @Test("deploy packages layers[].code as a layer and function.code as a function")
    func deployPackagesLayersAsLayers() async throws {
        let zip = try temporaryZip()
        let packager = KindRecordingPackager(artifact: zip.artifact)
        let harness = Harness()
        var services = harness.services()
        services.loader = CodeLoader(packager: packager, files: LocalFileSystem())
        harness.transport.on("GET /2015-03-31/functions/f", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        harness.transport.on("GET /2018-10-31/layers/deps/versions", json(200, #"{"LayerVersions":[]}"#))
        let function = FileManager.default.temporaryDirectory.appendingPathComponent("fn-\(UUID().uuidString)")
        let layer = FileManager.default.temporaryDirectory.appendingPathComponent("layer-\(UUID().uuidString)")
        for directory in [function, layer] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        let config = DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: function.path),
            layers: [LayerSpec(name: "deps", code: layer.path)])
        _ = try await Deployer(services: services).run(config, file: "x", dryRun: true)
        #expect(Set(packager.kinds) == [.function, .layer])
        #expect(packager.kinds.first == .function)
    }

    /// A harness whose latest `deps` version (2) has our code and the given settings JSON.
    func harness(latest settings: String, code: String) -> Harness {
        let harness = Harness()
        harness.transport.on(
            "GET /2018-10-31/layers/deps/versions",
            json(200, #"{"LayerVersions":[{"LayerVersionArn":"\#(Self.layer):2","Version":2}]}"#))
        harness.transport.on(
            "GET /2018-10-31/layers/deps/versions/2",
            json(200, #"{"LayerVersionArn":"\#(Self.layer):2","Version":2,"Content":{"CodeSha256":"\#(code)"}\#(settings)}"#))
        harness.transport.on(
            "POST /2018-10-31/layers/deps/versions",
            json(201, #"{"LayerVersionArn":"\#(Self.layer):3","Version":3,"Content":{"CodeSha256":"\#(code)"}}"#))
        return harness
    }

    @Test(
        "same code but other runtimes, architectures, description or licence publishes a new version",
        arguments: [
            (LayerPublisher.Request(name: "deps", codePath: "", compatibleRuntimes: ["python3.12"]), "compatible runtimes"),
            (LayerPublisher.Request(name: "deps", codePath: "", compatibleRuntimes: ["python3.11"], compatibleArchitectures: ["arm64"]), "compatible architectures"),
            (LayerPublisher.Request(name: "deps", codePath: "", compatibleRuntimes: ["python3.11"], description: "v2"), "description"),
            (LayerPublisher.Request(name: "deps", codePath: "", compatibleRuntimes: ["python3.11"], licenseInfo: "MIT"), "licence"),
        ])
    func settingsDiffer(request: LayerPublisher.Request, changed: String) async throws {
        let zip = try temporaryZip()
        let harness = harness(latest: #","CompatibleRuntimes":["python3.11"]"#, code: zip.artifact.codeSHA256)
        var request = request
        request.codePath = zip.path
        let result = try await LayerPublisher(services: harness.services()).run(request)
        #expect(result.published && result.version == 3)
        #expect(result.changed == [changed])
        let post = try #require(harness.transport.sent.first { $0.method == "POST" })
        #expect(jsonBody(post)["CompatibleRuntimes"] as? [String] == request.compatibleRuntimes)
        if let licence = request.licenseInfo { #expect(jsonBody(post)["LicenseInfo"] as? String == licence) }
    }

    @Test("same code and the same settings (runtimes in any order, no description as empty) is unchanged")
    func settingsMatch() async throws {
        let zip = try temporaryZip()
        let harness = harness(
            latest: #","CompatibleRuntimes":["python3.12","python3.11"],"Description":"","LicenseInfo":"MIT""#,
            code: zip.artifact.codeSHA256)
        let result = try await LayerPublisher(services: harness.services())
            .run(.init(name: "deps", codePath: zip.path, compatibleRuntimes: ["python3.11", "python3.12"], licenseInfo: "MIT"))
        #expect(!result.published && result.version == 2 && result.changed.isEmpty)
        #expect(harness.transport.count("POST /2018-10-31/layers/deps/versions") == 0)
    }

    @Test("deploy's plan and run both publish a layer whose settings changed though its code did not")
    func deployComparesSettings() {
        let latest = LayerVersion(layerVersionARN: "\(Self.layer):2", version: 2, compatibleRuntimes: ["python3.11"])
        var target = DeployTarget(
            name: "f", codeSHA256: "c", configuration: DesiredConfiguration(), layers: [(name: "deps", codeSHA256: "L")])
        let state = DeployState(layers: ["deps": latest], layerCodeSHA256: ["deps": "L"])
        #expect(DeployPlan.layerSteps(current: state, desired: target).steps.map(\.change) == [.unchanged])
        target.layerSettings["deps"] = LayerSpec(name: "deps", code: "x", compatibleRuntimes: ["python3.12"]).settings
        #expect(DeployPlan.layerSteps(current: state, desired: target).steps.map(\.change) == [.publish])
        target.layerSettings["deps"] = LayerSpec(name: "deps", code: "x", compatibleRuntimes: ["python3.11"]).settings
        #expect(DeployPlan.layerSteps(current: state, desired: target).steps.map(\.change) == [.unchanged])
    }
}
