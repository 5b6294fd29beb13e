import AWSCloudWatch
import AWSLambda
import Foundation

/// What `init` read about one deployed function (every read done by `FunctionDescriber`);
/// `InitConfigText` turns it into config text without further calls. Pure data.
package struct DeployedFunction: Sendable, Equatable {
    /// GetFunction's configuration of `$LATEST`.
    package var configuration: FunctionConfiguration
    /// The function's tags.
    package var tags: [String: String]
    /// The reserved concurrency, when some is reserved.
    package var reservedConcurrency: Int?
    /// The aliases, by name.
    package var aliases: [AliasConfiguration]
    /// The provisioned concurrency requested on the alias `init` writes, if any.
    package var provisionedConcurrency: Int?
    /// The event-invoke config of the alias `init` writes (else of the function).
    package var asyncConfig: EventInvokeConfig?
    /// The function URL of the alias `init` writes (else of `$LATEST`).
    package var url: FunctionURLConfig?
    /// Every trigger `triggers` lists (mappings, S3, SNS, schedules, rules, routes, URLs, permissions).
    package var triggers: [TriggerListing]
    /// The event-source mappings in full (the listing shows a summary), by UUID.
    package var mappings: [String: EventSourceMapping]
    /// SNS filter policies by subscription ARN.
    package var filterPolicies: [String: String]
    /// The alarms on the function's metrics, each with whether lambdactl made it (its tag).
    package var alarms: [(alarm: MetricAlarm, owned: Bool)]
    /// How many versions have been published (besides `$LATEST`).
    package var publishedVersions = 0
    /// The presigned URL of the package, when GetFunction gave one (never printed).
    package var codeLocation: String?
    /// What could not be read (permission refusals), for the notes.
    package var unread: [String]

    /// Creates the value.
    package init(
        configuration: FunctionConfiguration, tags: [String: String] = [:], reservedConcurrency: Int? = nil,
        aliases: [AliasConfiguration] = [], provisionedConcurrency: Int? = nil, asyncConfig: EventInvokeConfig? = nil,
        url: FunctionURLConfig? = nil, triggers: [TriggerListing] = [], mappings: [String: EventSourceMapping] = [:],
        filterPolicies: [String: String] = [:], alarms: [(alarm: MetricAlarm, owned: Bool)] = [], codeLocation: String? = nil,
        unread: [String] = []
    ) {
        self.configuration = configuration
        self.tags = tags
        self.reservedConcurrency = reservedConcurrency
        self.aliases = aliases
        self.provisionedConcurrency = provisionedConcurrency
        self.asyncConfig = asyncConfig
        self.url = url
        self.triggers = triggers
        self.mappings = mappings
        self.filterPolicies = filterPolicies
        self.alarms = alarms
        self.codeLocation = codeLocation
        self.unread = unread
    }

    /// The function's name.
    package var name: String { configuration.functionName ?? "" }

    /// The alias `init` writes: the only one, or nil (none, or several).
    package var alias: String? { aliases.count == 1 ? aliases[0].name : nil }

    package static func == (a: DeployedFunction, b: DeployedFunction) -> Bool {
        a.configuration == b.configuration && a.tags == b.tags && a.reservedConcurrency == b.reservedConcurrency
            && a.aliases == b.aliases && a.provisionedConcurrency == b.provisionedConcurrency && a.asyncConfig == b.asyncConfig
            && a.url == b.url && a.triggers == b.triggers && a.mappings == b.mappings && a.filterPolicies == b.filterPolicies
            && a.alarms.map(\.alarm) == b.alarms.map(\.alarm) && a.alarms.map(\.owned) == b.alarms.map(\.owned)
            && a.codeLocation == b.codeLocation && a.unread == b.unread && a.publishedVersions == b.publishedVersions
    }
}
