/// One entry of `function.triggers:` in a deploy config: the trigger as the user asks for it
/// and where it was written (for messages). Pure.
package struct TriggerEntry: Sendable, Equatable {
    /// The source and its options.
    package var spec: TriggerSpec
    /// The entry's own `qualifier:`; nil uses the config's alias, else the unqualified function.
    package var qualifier: String?
    /// `FILE:LINE` of the entry's first key.
    package var location: String

    /// Creates an entry.
    package init(spec: TriggerSpec, qualifier: String? = nil, location: String = "") {
        self.spec = spec
        self.qualifier = qualifier
        self.location = location
    }

    /// The function the trigger invokes: its `qualifier:`, else `alias` (the deploy moves it),
    /// else the unqualified function.
    package func target(function: String, alias: String?) -> TriggerTarget {
        TriggerTarget(function: function, qualifier: qualifier ?? alias)
    }

    /// The source as the user typed it (a queue name, an expression, a pattern).
    package var typedSource: String {
        switch spec {
        case .mapping(let mapping): mapping.source
        case .s3(let s3): s3.bucket
        case .schedule(let schedule): schedule.name.map { "\($0) (\(schedule.expression))" } ?? schedule.expression
        case .rule(let rule): rule.name ?? rule.pattern
        case .sns(let sns): sns.topic
        }
    }
}

/// Mapping options named as a deploy config writes them: `batch_size`, `batch_size: 20`.
package struct DeployConfigMappingNaming: MappingOptionNaming {
    /// Creates the naming.
    package init() {}

    package func subject(_ option: MappingOption) -> String { key(option) }

    package func example(_ option: MappingOption, _ value: String) -> String {
        option == .filter ? "filters: ['\(value)']" : "\(key(option)): \(value)"
    }

    /// The key under a `triggers:` entry.
    package func key(_ option: MappingOption) -> String {
        switch option {
        case .batchSize: "batch_size"
        case .batchWindow: "batch_window"
        case .maxConcurrency: "max_concurrency"
        case .startingPosition: "starting_position"
        case .parallelization: "parallelization"
        case .bisectOnError: "bisect_on_error"
        case .maxRetries: "max_retries"
        case .maxRecordAge: "max_record_age"
        case .onFailure: "on_failure"
        case .reportBatchFailures: "report_batch_failures"
        case .filter: "filters"
        case .disabled: "disabled"
        }
    }
}
