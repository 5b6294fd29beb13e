import Foundation

/// The source an event-source mapping polls.
package enum MappingSource: Sendable, Equatable {
    /// An SQS queue; FIFO queues (`.fifo`) take batches of at most 10.
    case sqs(fifo: Bool)
    /// A Kinesis data stream.
    case kinesis
    /// A DynamoDB table's stream.
    case dynamodb

    /// The source for an event-source ARN (`arn:aws:sqs:…`, `…:kinesis:…`, `…:dynamodb:…`).
    package init?(arn: String) {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn" else { return nil }
        switch fields[2] {
        case "sqs": self = .sqs(fifo: fields[5].hasSuffix(".fifo"))
        case "kinesis": self = .kinesis
        case "dynamodb": self = .dynamodb
        default: return nil
        }
    }

    /// The trigger kind (and the word in its names).
    package var kind: TriggerKind {
        switch self {
        case .sqs: .sqs
        case .kinesis: .kinesis
        case .dynamodb: .dynamodb
        }
    }

    /// Whether this is a stream (Kinesis, DynamoDB).
    package var isStream: Bool { kind != .sqs }
}

/// The options a mapping takes, as the user gave them: nil means "not given" (AWS's default).
/// Durations are whole seconds.
package struct MappingOptions: Sendable, Equatable {
    /// `BatchSize`.
    package var batchSize: Int?
    /// `MaximumBatchingWindowInSeconds`.
    package var batchWindowSeconds: Int?
    /// `ScalingConfig.MaximumConcurrency` (SQS).
    package var maxConcurrency: Int?
    /// `StartingPosition` as typed: `latest` or `trim-horizon` (streams).
    package var startingPosition: String?
    /// `ParallelizationFactor` (streams).
    package var parallelization: Int?
    /// `BisectBatchOnFunctionError` (streams).
    package var bisectOnError: Bool?
    /// `MaximumRetryAttempts` (streams).
    package var maxRetries: Int?
    /// `MaximumRecordAgeInSeconds` (streams).
    package var maxRecordAgeSeconds: Int?
    /// `DestinationConfig.OnFailure.Destination` (streams): an SQS queue or SNS topic ARN.
    package var onFailure: String?
    /// `FunctionResponseTypes: [ReportBatchItemFailures]`.
    package var reportBatchFailures: Bool?
    /// `FilterCriteria.Filters[].Pattern`, each a JSON object.
    package var filters: [String]
    /// `Enabled: false` when true.
    package var disabled: Bool?

    /// Creates options; everything not given is nil.
    package init(
        batchSize: Int? = nil, batchWindowSeconds: Int? = nil, maxConcurrency: Int? = nil, startingPosition: String? = nil,
        parallelization: Int? = nil, bisectOnError: Bool? = nil, maxRetries: Int? = nil, maxRecordAgeSeconds: Int? = nil,
        onFailure: String? = nil, reportBatchFailures: Bool? = nil, filters: [String] = [], disabled: Bool? = nil
    ) {
        self.batchSize = batchSize
        self.batchWindowSeconds = batchWindowSeconds
        self.maxConcurrency = maxConcurrency
        self.startingPosition = startingPosition
        self.parallelization = parallelization
        self.bisectOnError = bisectOnError
        self.maxRetries = maxRetries
        self.maxRecordAgeSeconds = maxRecordAgeSeconds
        self.onFailure = onFailure
        self.reportBatchFailures = reportBatchFailures
        self.filters = filters
        self.disabled = disabled
    }
}

/// A mapping option, named in sentences by the caller (`--batch-size`, `batch_size:`).
package enum MappingOption: String, Sendable, Equatable, CaseIterable {
    /// Records per batch.
    case batchSize
    /// The batching window.
    case batchWindow
    /// SQS maximum concurrency.
    case maxConcurrency
    /// Where a stream mapping starts reading.
    case startingPosition
    /// Concurrent batches per shard.
    case parallelization
    /// Split a failing batch.
    case bisectOnError
    /// Retries of a failing batch.
    case maxRetries
    /// The oldest record sent.
    case maxRecordAge
    /// Where discarded records go.
    case onFailure
    /// Partial batch responses.
    case reportBatchFailures
    /// An event filter pattern.
    case filter
    /// Created disabled.
    case disabled
}

/// How a caller names mapping options: the command line `--batch-size`, a deploy config
/// `batch_size`. Use cases never name a flag.
package protocol MappingOptionNaming: Sendable {
    /// The option as the subject of a sentence.
    func subject(_ option: MappingOption) -> String
    /// The option with a value, as the user would type it.
    func example(_ option: MappingOption, _ value: String) -> String
}

/// Plain names (`batchSize`, `batchSize 10`).
package struct PlainMappingOptionNaming: MappingOptionNaming {
    /// Creates the naming.
    package init() {}
    package func subject(_ option: MappingOption) -> String { option.rawValue }
    package func example(_ option: MappingOption, _ value: String) -> String { "\(option.rawValue) \(value)" }
}
