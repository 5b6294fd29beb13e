import ArgumentParser
import Deployment
import Foundation

/// `lambdactl triggers`: every way a function can be invoked, in one list.
struct Triggers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List every way a function can be invoked: mappings, schedules, rules, S3 buckets, SNS topics, routes, its URL.",
        discussion: """
            Read from the function's event-source mappings, lambdactl's schedules and rules, the buckets, \
            topics and APIs its resource policy names, and its function URL. "lambdactl" marks what \
            lambdactl made.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "Only what invokes this alias or version.")
    var qualifier: String?

    func validate() throws {
        _ = try TriggerTargetArgument.target(name, qualifier: qualifier)
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let target = try TriggerTargetArgument.target(name, qualifier: qualifier)
        let wiring = try app.triggerWiring()
        let all = try await TriggerCommandErrors.worded { try await wiring.list(function: target.function) }
        let listings = target.qualifier == nil ? all : all.filter { $0.qualifier == target.qualifier }
        let report = TriggersReport(function: target.function, qualifier: target.qualifier, triggers: listings)
        try app.output.emit(report) { TriggerText.describe(report) }
    }
}

/// `triggers --output json`.
struct TriggersReport: Encodable {
    var function: String
    var qualifier: String?
    var triggers: [TriggerListing]
}
