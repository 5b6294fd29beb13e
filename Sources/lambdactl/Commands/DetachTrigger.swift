import ArgumentParser
import Deployment
import Foundation

/// `lambdactl detach-trigger`: remove a trigger and exactly what attach added for it.
struct DetachTrigger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detach-trigger",
        abstract: "Remove a trigger with its permission statement and role statement.",
        discussion: """
            Name the trigger as attach-trigger did: the source, and for S3 the same --events, --prefix and \
            --suffix; for a schedule or rule its --name, or the same expression or pattern (and bus). \
            Detaching a trigger that is not there writes nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The alias or version the trigger invokes.")
    var qualifier: String?

    @OptionGroup(title: "Source (exactly one)") var source: TriggerSourceOptions
    /// Accepted only to refuse them with a sentence: a mapping is named by its source alone.
    @OptionGroup(visibility: .private) var mapping: MappingTriggerOptions

    @Flag(name: .customLong("dry-run"), help: "Say what would be removed; make no change.")
    var dryRun = false

    func validate() throws {
        try source.validateShape()
        if let flag = mapping.given.first {
            throw ValidationError(
                "\(flag) is an attach-trigger option; detach-trigger names a queue or stream trigger by its source "
                    + "alone: leave \(flag) out")
        }
        _ = try source.spec(mapping: MappingOptions(), files: AppEnvironment.fileSystem)
        _ = try TriggerTargetArgument.target(name, qualifier: qualifier)
    }

    func run() async throws {
        let spec = try source.spec(mapping: MappingOptions(), files: AppEnvironment.fileSystem)
        let app = try AppEnvironment.make(global)
        let target = try TriggerTargetArgument.target(name, qualifier: qualifier)
        let wiring = try app.triggerWiring(waitTimeout: try wait.duration)
        let result = try await TriggerCommandErrors.worded { try await wiring.detach(spec, from: target, dryRun: dryRun) }
        try app.output.emit(result) { TriggerText.describe(result) }
    }
}
