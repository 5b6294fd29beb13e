import ArgumentParser
import Deployment
import Foundation

/// `lambdactl triggers`: every way a function can be invoked, in one list.
struct Triggers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List every way a function can be invoked: mappings, buckets, topics, schedules, rules, routes, URLs, permissions.",
        discussion: """
            Read from the function's event-source mappings, lambdactl's schedules and rules, the buckets \
            and topics that notify it, the HTTP API routes that reach it, its function URLs and every \
            statement of its resource policies (the function's and each alias's). A statement that no \
            other line explains is listed as a permission; one that lets a service invoke the function \
            without SourceArn (or S3 or SNS without SourceAccount) is marked with a warning. \
            "lambdactl" marks what lambdactl made. With --qualifier, only what invokes that alias or \
            version ($LATEST: the unqualified function).
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
        let overview = try app.triggerOverview()
        let listings = try await TriggerCommandErrors.worded {
            try await overview.run(function: target.function, qualifier: target.qualifier) { app.console.warning($0) }
        }
        let report = TriggersReport(function: target.function, qualifier: target.qualifier, triggers: listings)
        try app.output.emit(report) { TriggerText.describe(report) }
    }
}

/// `triggers --output json`: `{"function", "qualifier" (null when none), "triggers"}`.
struct TriggersReport: Encodable {
    /// The function's name.
    var function: String
    /// The qualifier asked for, if any.
    var qualifier: String?
    /// The listings, in the order shown.
    var triggers: [TriggerListing]

    enum CodingKeys: String, CodingKey { case function, qualifier, triggers }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(function, forKey: .function)
        try container.encode(qualifier, forKey: .qualifier)
        try container.encode(triggers, forKey: .triggers)
    }
}
