import AWSCore
import Foundation

// Shapes from botocore `data/logs/2014-03-28/service-2.json` (only the members lambdactl uses).

/// One event from `FilterLogEvents` (`FilteredLogEvent`).
public struct FilteredLogEvent: Codable, Sendable, Equatable {
    /// The stream the event belongs to.
    public var logStreamName: String?
    /// Milliseconds since the epoch.
    public var timestamp: Int64?
    /// The message, usually ending in a newline.
    public var message: String?
    /// When CloudWatch ingested it, in milliseconds since the epoch.
    public var ingestionTime: Int64?
    /// The event's unique ID.
    public var eventId: String?

    /// Creates an event.
    public init(logStreamName: String?, timestamp: Int64?, message: String?, ingestionTime: Int64? = nil, eventId: String?) {
        self.logStreamName = logStreamName
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
        self.eventId = eventId
    }

    enum CodingKeys: String, CodingKey {
        case logStreamName, timestamp, message, ingestionTime, eventId
    }

    /// Decodes an event; `timestamp` and `ingestionTime` may be fractional milliseconds
    /// (moto writes `1796158649133.06`) and are cut to whole milliseconds.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logStreamName = try container.decodeIfPresent(String.self, forKey: .logStreamName)
        timestamp = try container.decodeMillisecondsIfPresent(forKey: .timestamp)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        ingestionTime = try container.decodeMillisecondsIfPresent(forKey: .ingestionTime)
        eventId = try container.decodeIfPresent(String.self, forKey: .eventId)
    }
}

extension KeyedDecodingContainer {
    /// Milliseconds since the epoch, written as an integer or as a fractional number (cut
    /// toward zero); a number outside Int64's range is a decoding error.
    func decodeMillisecondsIfPresent(forKey key: Key) throws -> Int64? {
        if let whole = try? decodeIfPresent(Int64.self, forKey: key) { return whole }
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value.isFinite, let milliseconds = Int64(exactly: value.rounded(.towardZero)) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(value) is not a time in milliseconds")
        }
        return milliseconds
    }
}

/// `FilterLogEventsRequest`.
public struct FilterLogEventsInput: Codable, Sendable, Equatable {
    /// The group to search.
    public var logGroupName: String
    /// Only streams whose names start with this (moto ignores it: filter client-side too).
    public var logStreamNamePrefix: String?
    /// Inclusive start, milliseconds since the epoch.
    public var startTime: Int64?
    /// Exclusive end, milliseconds since the epoch.
    public var endTime: Int64?
    /// A CloudWatch Logs filter pattern.
    public var filterPattern: String?
    /// The token from the previous page.
    public var nextToken: String?
    /// Events per page (max 10,000).
    public var limit: Int?
    /// Interleave streams (AWS always does; moto only when true).
    public var interleaved: Bool?

    /// Creates a request.
    public init(
        logGroupName: String, logStreamNamePrefix: String? = nil, startTime: Int64? = nil, endTime: Int64? = nil,
        filterPattern: String? = nil, nextToken: String? = nil, limit: Int? = nil, interleaved: Bool? = true
    ) {
        self.logGroupName = logGroupName
        self.logStreamNamePrefix = logStreamNamePrefix
        self.startTime = startTime
        self.endTime = endTime
        self.filterPattern = filterPattern
        self.nextToken = nextToken
        self.limit = limit
        self.interleaved = interleaved
    }
}

/// `FilterLogEventsResponse`.
public struct FilterLogEventsOutput: Codable, Sendable, Equatable {
    /// The events of this page.
    public var events: [FilteredLogEvent]?
    /// The next page's token; absent or null on the last page.
    public var nextToken: String?

    /// Creates a page.
    public init(events: [FilteredLogEvent]?, nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}

/// `LogGroup`.
public struct LogGroup: Codable, Sendable, Equatable {
    /// The group's name.
    public var logGroupName: String?
    /// Creation time, milliseconds since the epoch.
    public var creationTime: Int64?
    /// Retention, when set.
    public var retentionInDays: Int?
    /// Bytes stored.
    public var storedBytes: Int64?
    /// The ARN.
    public var arn: String?

    enum CodingKeys: String, CodingKey {
        case logGroupName, creationTime, retentionInDays, storedBytes, arn
    }

    /// Decodes a group; `creationTime` may be fractional milliseconds.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logGroupName = try container.decodeIfPresent(String.self, forKey: .logGroupName)
        creationTime = try container.decodeMillisecondsIfPresent(forKey: .creationTime)
        retentionInDays = try container.decodeIfPresent(Int.self, forKey: .retentionInDays)
        storedBytes = try container.decodeIfPresent(Int64.self, forKey: .storedBytes)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
    }
}

/// `LogStream`.
public struct LogStream: Codable, Sendable, Equatable {
    /// The stream's name.
    public var logStreamName: String?
    /// Creation time, milliseconds since the epoch.
    public var creationTime: Int64?
    /// First event's timestamp.
    public var firstEventTimestamp: Int64?
    /// Last event's timestamp.
    public var lastEventTimestamp: Int64?
    /// Last ingestion time.
    public var lastIngestionTime: Int64?

    enum CodingKeys: String, CodingKey {
        case logStreamName, creationTime, firstEventTimestamp, lastEventTimestamp, lastIngestionTime
    }

    /// Decodes a stream; its times may be fractional milliseconds.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logStreamName = try container.decodeIfPresent(String.self, forKey: .logStreamName)
        creationTime = try container.decodeMillisecondsIfPresent(forKey: .creationTime)
        firstEventTimestamp = try container.decodeMillisecondsIfPresent(forKey: .firstEventTimestamp)
        lastEventTimestamp = try container.decodeMillisecondsIfPresent(forKey: .lastEventTimestamp)
        lastIngestionTime = try container.decodeMillisecondsIfPresent(forKey: .lastIngestionTime)
    }
}

/// `InputLogEvent`.
public struct InputLogEvent: Codable, Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var timestamp: Int64
    /// The message.
    public var message: String

    /// Creates an event.
    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// The wire shape `DescribeLogGroupsInput` (members named as on the wire).
struct DescribeLogGroupsInput: Codable, Sendable {
    var logGroupNamePrefix: String?
    var nextToken: String?
}

/// The wire shape `DescribeLogGroupsOutput` (members named as on the wire).
struct DescribeLogGroupsOutput: Codable, Sendable {
    var logGroups: [LogGroup]?
    var nextToken: String?
}

/// The wire shape `DescribeLogStreamsInput` (members named as on the wire).
struct DescribeLogStreamsInput: Codable, Sendable {
    var logGroupName: String
    var logStreamNamePrefix: String?
    var orderBy: String?
    var descending: Bool?
    var nextToken: String?
}

/// The wire shape `DescribeLogStreamsOutput` (members named as on the wire).
struct DescribeLogStreamsOutput: Codable, Sendable {
    var logStreams: [LogStream]?
    var nextToken: String?
}

/// The wire shape `CreateLogGroupInput` (members named as on the wire).
struct CreateLogGroupInput: Codable, Sendable {
    var logGroupName: String
}

/// The wire shape `CreateLogStreamInput` (members named as on the wire).
struct CreateLogStreamInput: Codable, Sendable {
    var logGroupName: String
    var logStreamName: String
}

/// The wire shape `PutLogEventsInput` (members named as on the wire).
struct PutLogEventsInput: Codable, Sendable {
    var logGroupName: String
    var logStreamName: String
    var logEvents: [InputLogEvent]
}

/// `PutLogEventsResponse` (only what tests look at).
public struct PutLogEventsOutput: Codable, Sendable, Equatable {
    /// The next sequence token (ignored by AWS since 2023).
    public var nextSequenceToken: String?
}
