import AWSCore
import Foundation

// Shapes from botocore `data/lambda/2015-03-31/service-2.json`: `EventSourceMappingConfiguration`
// and the bodies of Create/UpdateEventSourceMapping (only the members SQS, Kinesis and DynamoDB
// sources use).

/// The settings of a mapping that a create or an update sends. An update sends only what it
/// sets; a create also sends the source, the starting position and the tags.
package struct EventSourceMappingSettings: Codable, Sendable, Equatable {
    /// Records per batch (SQS 1–10, or up to 10,000 with a batching window; streams 1–10,000).
    package var batchSize: Int?
    /// Seconds to gather a batch (0–300).
    package var maximumBatchingWindowInSeconds: Int?
    /// SQS: at most this many concurrent invocations (2–1000).
    package var scalingConfig: ScalingConfig?
    /// `ReportBatchItemFailures` to let the function fail single records.
    package var functionResponseTypes: [String]?
    /// Event filters; `Filters: []` removes them.
    package var filterCriteria: FilterCriteria?
    /// Streams: batches per shard processed at once (1–10).
    package var parallelizationFactor: Int?
    /// Streams: split a failing batch in two and retry.
    package var bisectBatchOnFunctionError: Bool?
    /// Streams: retries of a failing batch (-1 = until the record expires, 0–10000).
    package var maximumRetryAttempts: Int?
    /// Streams: skip records older than this (-1 = never, 60–604800 seconds).
    package var maximumRecordAgeInSeconds: Int?
    /// Streams: where records that failed go (an SQS queue or SNS topic ARN).
    package var destinationConfig: DestinationConfig?
    /// Whether the mapping polls.
    package var enabled: Bool?

    /// Creates settings.
    package init(
        batchSize: Int? = nil, maximumBatchingWindowInSeconds: Int? = nil, scalingConfig: ScalingConfig? = nil,
        functionResponseTypes: [String]? = nil, filterCriteria: FilterCriteria? = nil, parallelizationFactor: Int? = nil,
        bisectBatchOnFunctionError: Bool? = nil, maximumRetryAttempts: Int? = nil, maximumRecordAgeInSeconds: Int? = nil,
        destinationConfig: DestinationConfig? = nil, enabled: Bool? = nil
    ) {
        self.batchSize = batchSize
        self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
        self.scalingConfig = scalingConfig
        self.functionResponseTypes = functionResponseTypes
        self.filterCriteria = filterCriteria
        self.parallelizationFactor = parallelizationFactor
        self.bisectBatchOnFunctionError = bisectBatchOnFunctionError
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds
        self.destinationConfig = destinationConfig
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case batchSize = "BatchSize", maximumBatchingWindowInSeconds = "MaximumBatchingWindowInSeconds"
        case scalingConfig = "ScalingConfig", functionResponseTypes = "FunctionResponseTypes"
        case filterCriteria = "FilterCriteria", parallelizationFactor = "ParallelizationFactor"
        case bisectBatchOnFunctionError = "BisectBatchOnFunctionError", maximumRetryAttempts = "MaximumRetryAttempts"
        case maximumRecordAgeInSeconds = "MaximumRecordAgeInSeconds", destinationConfig = "DestinationConfig"
        case enabled = "Enabled"
    }
}

/// `ScalingConfig`.
package struct ScalingConfig: Codable, Sendable, Equatable {
    /// 2–1000.
    package var maximumConcurrency: Int?
    /// Creates a config.
    package init(maximumConcurrency: Int?) { self.maximumConcurrency = maximumConcurrency }
    enum CodingKeys: String, CodingKey { case maximumConcurrency = "MaximumConcurrency" }
}

/// `FilterCriteria`: up to five `{"Pattern": "<JSON>"}` filters.
package struct FilterCriteria: Codable, Sendable, Equatable {
    /// The patterns, each a JSON text.
    package var filters: [Filter]
    /// Creates criteria from pattern texts.
    package init(patterns: [String]) { filters = patterns.map { Filter(pattern: $0) } }
    enum CodingKeys: String, CodingKey { case filters = "Filters" }

    /// `Filter`.
    package struct Filter: Codable, Sendable, Equatable {
        /// The pattern as JSON text.
        package var pattern: String?
        /// Creates a filter.
        package init(pattern: String?) { self.pattern = pattern }
        enum CodingKeys: String, CodingKey { case pattern = "Pattern" }
    }

    /// The pattern texts.
    package var patterns: [String] { filters.compactMap(\.pattern) }

    /// Decodes criteria; `{}` (what Lambda answers after the filters were removed) has none.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        filters = try container.decodeIfPresent([Filter].self, forKey: .filters) ?? []
    }
}

// DestinationConfig (OnFailure for stream mappings, OnSuccess/OnFailure for async invocation) is
// one shape, in ConcurrencyShapes.swift.

/// `CreateEventSourceMappingRequest`.
package struct CreateEventSourceMappingInput: Encodable, Sendable, Equatable {
    /// The function, alias or version (a name or ARN; a qualifier as `name:alias`).
    package var functionName: String
    /// The queue, stream or table-stream ARN.
    package var eventSourceARN: String
    /// Streams only: `LATEST`, `TRIM_HORIZON` or `AT_TIMESTAMP`.
    package var startingPosition: String?
    /// The settings.
    package var settings: EventSourceMappingSettings
    /// Tags on the mapping (e.g. `lambdactl:function`).
    package var tags: [String: String]?

    /// Creates a request.
    package init(
        functionName: String, eventSourceARN: String, startingPosition: String? = nil,
        settings: EventSourceMappingSettings = EventSourceMappingSettings(), tags: [String: String]? = nil
    ) {
        self.functionName = functionName
        self.eventSourceARN = eventSourceARN
        self.startingPosition = startingPosition
        self.settings = settings
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", eventSourceARN = "EventSourceArn", startingPosition = "StartingPosition"
        case tags = "Tags"
    }

    /// The source, position and tags, and the settings' members beside them in one object.
    package func encode(to encoder: Encoder) throws {
        try settings.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(functionName, forKey: .functionName)
        try container.encode(eventSourceARN, forKey: .eventSourceARN)
        try container.encodeIfPresent(startingPosition, forKey: .startingPosition)
        try container.encodeIfPresent(tags, forKey: .tags)
    }
}

/// `EventSourceMappingConfiguration`: a mapping as Lambda answers it.
package struct EventSourceMapping: Decodable, Sendable, Equatable {
    /// The mapping's id.
    package var uuid: String
    /// The source's ARN.
    package var eventSourceARN: String?
    /// The function's ARN (with the qualifier, when it has one).
    package var functionARN: String?
    /// `Creating`, `Enabling`, `Enabled`, `Disabling`, `Disabled`, `Updating` or `Deleting`.
    package var state: String?
    /// Why it is in that state (e.g. "User action", or a permission problem).
    package var stateTransitionReason: String?
    /// Streams: where reading started.
    package var startingPosition: String?
    /// The mapping's ARN (tags need it).
    package var eventSourceMappingARN: String?
    /// The outcome of the last poll.
    package var lastProcessingResult: String?
    /// The settings.
    package var settings: EventSourceMappingSettings

    enum CodingKeys: String, CodingKey {
        case uuid = "UUID", eventSourceARN = "EventSourceArn", functionARN = "FunctionArn", state = "State"
        case stateTransitionReason = "StateTransitionReason", startingPosition = "StartingPosition"
        case eventSourceMappingARN = "EventSourceMappingArn", lastProcessingResult = "LastProcessingResult"
    }

    /// Decodes a mapping; the settings are read from the same object.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.decode(String.self, forKey: .uuid)
        eventSourceARN = try container.decodeIfPresent(String.self, forKey: .eventSourceARN)
        functionARN = try container.decodeIfPresent(String.self, forKey: .functionARN)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        stateTransitionReason = try container.decodeIfPresent(String.self, forKey: .stateTransitionReason)
        startingPosition = try container.decodeIfPresent(String.self, forKey: .startingPosition)
        eventSourceMappingARN = try container.decodeIfPresent(String.self, forKey: .eventSourceMappingARN)
        lastProcessingResult = try container.decodeIfPresent(String.self, forKey: .lastProcessingResult)
        settings = try EventSourceMappingSettings(from: decoder)
    }

    /// Creates a mapping (tests and fakes).
    package init(uuid: String, eventSourceARN: String? = nil, functionARN: String? = nil, state: String? = nil,
                 stateTransitionReason: String? = nil, settings: EventSourceMappingSettings = EventSourceMappingSettings()) {
        self.uuid = uuid
        self.eventSourceARN = eventSourceARN
        self.functionARN = functionARN
        self.state = state
        self.stateTransitionReason = stateTransitionReason
        self.settings = settings
    }
}
