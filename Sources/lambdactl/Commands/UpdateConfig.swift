import ArgumentParser
import Deployment
import Foundation

/// `lambdactl update-config`: send only the settings that differ, then wait.
struct UpdateConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-config",
        abstract: "Change memory, timeout, environment, layers, handler, runtime or description; sends only what differs.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions
    @OptionGroup var settings: ConfigurationOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(name: .customLong("unset-env"), help: "Remove this environment variable (repeatable).")
    var unsetEnv: [String] = []

    @Option(help: "The handler.")
    var handler: String?

    @Option(help: "The runtime.")
    var runtime: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would change; change nothing.")
    var dryRun = false

    func run() async throws {
        var desired = try settings.desired(unset: unsetEnv)
        desired.handler = handler
        desired.runtime = runtime
        let app = try AppEnvironment.make(global)
        let result = try await ConfigUpdater(services: try app.lifecycle(waitTimeout: try wait.duration))
            .run(name, desired: desired, dryRun: dryRun)
        try app.output.emit(result) {
            guard result.changed else { return "\(result.functionName): unchanged" }
            let verb = result.dryRun ? "would change" : "changed"
            return "\(result.functionName): \(verb) \(result.fields.joined(separator: ", "))"
        }
    }
}
