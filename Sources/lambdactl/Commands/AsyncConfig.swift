import ArgumentParser
import Deployment
import Foundation

/// `lambdactl async-config`: show or change retries, event age and destinations of asynchronous invocations.
struct AsyncConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "async-config",
        abstract: "Show or change retries, maximum event age and destinations of asynchronous invocations.",
        discussion: """
            With no flag, prints the current configuration. Only the settings given change; the rest \
            stay as they are. Nothing is written when nothing differs.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "A version or alias (default: the unqualified function).")
    var qualifier: String?

    @Option(name: .customLong("max-retries"), help: "Retries after a failed asynchronous invocation: 0, 1 or 2.")
    var maxRetries: Int?

    @Option(name: .customLong("max-event-age"), help: "How long an event may wait: 60s to 6h (e.g. 90s, 10m, 1h).")
    var maxEventAge: String?

    @Option(name: .customLong("on-success"), help: "Destination ARN for successful invocations (SQS, SNS, Lambda, EventBridge).")
    var onSuccess: String?

    @Option(name: .customLong("on-failure"), help: "Destination ARN for failed invocations (SQS, SNS, Lambda, EventBridge, S3).")
    var onFailure: String?

    @Flag(help: "Remove the whole configuration (back to Lambda's defaults).")
    var clear = false

    func validate() throws {
        if clear && (maxRetries != nil || maxEventAge != nil || onSuccess != nil || onFailure != nil) {
            throw ValidationError("--clear removes the whole configuration; pass it alone, or the settings without it")
        }
        do {
            try AsyncConfigManager.validate(try change(), qualifier: qualifier)
        } catch let error as LifecycleError {
            throw ValidationError(error.message(CommandLineNaming()))
        }
    }

    /// `--max-event-age` in whole seconds (DurationSpec syntax).
    func change() throws -> AsyncInvokeChange {
        var seconds: Int?
        if let maxEventAge {
            guard let duration = DurationSpec.parse(maxEventAge) else {
                throw ValidationError("--max-event-age takes a duration like 90s, 10m or 1h, not \(maxEventAge)")
            }
            seconds = DurationSpec.wholeSeconds(duration)
        }
        return AsyncInvokeChange(
            maxRetries: maxRetries.map { .set($0) }, maxEventAge: seconds.map { .set($0) },
            onSuccess: onSuccess.map { .set($0) }, onFailure: onFailure.map { .set($0) }, clear: clear)
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let report = try await AsyncConfigManager(services: try app.lifecycle(waitTimeout: try wait.duration))
            .run(name, qualifier: qualifier, try change())
        try app.output.emit(report) {
            let target = report.functionName + (report.qualifier.map { ":\($0)" } ?? "")
            var lines = report.changes.map { "changed \($0.text)" }
            if !report.roleChanges.isEmpty { lines.append("role: " + report.roleChanges.joined(separator: ", ")) }
            lines.append("\(target): " + (report.settings?.summary ?? "no asynchronous invocation configuration (Lambda's defaults: 2 retries, 6h, no destinations)"))
            return lines.joined(separator: "\n")
        }
    }
}
