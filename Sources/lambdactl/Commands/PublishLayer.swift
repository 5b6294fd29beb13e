import ArgumentParser
import Deployment
import Foundation

/// `lambdactl publish-layer`: publish a layer version unless the latest has the same code, and
/// move functions to it.
struct PublishLayer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish-layer",
        abstract: "Publish a layer version (skipped when unchanged) and attach it to functions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The layer name.")
    var name: String

    @Option(help: "A directory or .zip with the layer content.")
    var code: String

    @Option(name: .customLong("compatible-runtime"), help: "A compatible runtime (repeatable).")
    var compatibleRuntimes: [String] = []

    @Option(name: .customLong("compatible-architecture"), help: "x86_64 or arm64 (repeatable).")
    var compatibleArchitectures: [String] = []

    @Option(help: "A description.")
    var description: String?

    @Option(name: .customLong("license-info"), help: "The layer's licence: an SPDX identifier (MIT), a URL or text.")
    var licenseInfo: String?

    @Option(help: "Move this function to the new version (repeatable).")
    var attach: [String] = []

    @Option(name: .customLong("s3-bucket"), help: "Stage the package in this bucket.")
    var s3Bucket: String?

    func validate() throws {
        for architecture in compatibleArchitectures where !LambdaLimits.architectures.contains(architecture) {
            throw ValidationError("--compatible-architecture must be x86_64 or arm64")
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let request = LayerPublisher.Request(
            name: name, codePath: code, compatibleRuntimes: compatibleRuntimes,
            compatibleArchitectures: compatibleArchitectures, description: description, licenseInfo: licenseInfo,
            attach: attach,
            s3Bucket: s3Bucket)
        let result = try await LayerPublisher(services: try app.lifecycle(waitTimeout: try wait.duration)).run(request)
        try app.output.emit(result) {
            var lines = [
                "\(result.layerVersionArn) "
                    + (result.published
                        ? (result.changed.isEmpty ? "published" : "published (\(result.changed.joined(separator: ", ")) changed)")
                        : "unchanged (the latest version has the same code and settings)")
            ]
            for function in result.attached { lines.append("attached to \(function)") }
            for function in result.alreadyAttached { lines.append("\(function) already uses it") }
            return lines.joined(separator: "\n")
        }
    }
}
