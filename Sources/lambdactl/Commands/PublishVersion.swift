import ArgumentParser
import Deployment
import Foundation

/// `lambdactl publish-version`: publish `$LATEST` as a numbered version.
struct PublishVersion: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish-version", abstract: "Publish the function's current code and configuration as a version.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "A description of the version.")
    var description: String?

    struct Report: Encodable {
        let functionName: String
        let version: String
        let codeSha256: String?
        let functionArn: String?
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let published = try await VersionManager(services: try app.lifecycle(waitTimeout: try wait.duration))
            .publish(name, description: description)
        let report = Report(
            functionName: published.functionName ?? name, version: published.version ?? "",
            codeSha256: published.codeSHA256, functionArn: published.functionARN)
        try app.output.emit(report) { "\(report.functionName): version \(report.version)" }
    }
}
