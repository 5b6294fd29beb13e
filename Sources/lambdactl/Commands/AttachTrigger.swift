import ArgumentParser
import Deployment
import Foundation

/// `lambdactl attach-trigger`: make a queue, stream, bucket, schedule, event pattern or topic
/// invoke a function, with the permission and role statement it needs.
struct AttachTrigger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach-trigger",
        abstract: "Make an SQS queue, a stream, an S3 bucket, a schedule, an event pattern or an SNS topic invoke a function.",
        discussion: """
            The options given are the whole desired state of the trigger: a rerun with the same options \
            writes nothing, changed options update it in place, and an option left out returns to AWS's \
            default. The permission it needs is added with SourceArn (and SourceAccount for S3 and SNS); a \
            role lambdactl created gets exactly the statement a mapping needs.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The alias or version the trigger invokes (recommended: an alias).")
    var qualifier: String?

    @OptionGroup(title: "Source (exactly one)") var source: TriggerSourceOptions
    @OptionGroup(title: "Queue and stream options") var mapping: MappingTriggerOptions

    @Flag(name: .customLong("dry-run"), help: "Say what would change; make no change.")
    var dryRun = false

    func validate() throws {
        try source.validateShape()
        let isMapping = source.sqs != nil || source.kinesis != nil || source.dynamodb != nil
        if !isMapping, let flag = mapping.given.first {
            throw ValidationError(
                "\(flag) applies only to --sqs, --kinesis or --dynamodb, not to \(source.sourcesGiven[0]); leave it out")
        }
        // Durations and an --event-pattern @FILE are checked here too, before any AWS set-up.
        _ = try source.spec(mapping: try mapping.options(), files: AppEnvironment.fileSystem)
        _ = try TriggerTargetArgument.target(name, qualifier: qualifier)
    }

    func run() async throws {
        let spec = try source.spec(mapping: try mapping.options(), files: AppEnvironment.fileSystem)
        let app = try AppEnvironment.make(global)
        let target = try TriggerTargetArgument.target(name, qualifier: qualifier)
        let wiring = try app.triggerWiring(waitTimeout: try wait.duration)
        let result = try await TriggerCommandErrors.worded { try await wiring.attach(spec, to: target, dryRun: dryRun) }
        try app.output.emit(result) { TriggerText.describe(result) }
    }
}
