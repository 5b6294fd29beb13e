import AWSCore
import Foundation

// Shapes from botocore `data/logs/2014-03-28/service-2.json` (only the members lambdactl uses).

/// One event from `FilterLogEvents` (`FilteredLogEvent`).
package struct FilteredLogEvent: Codable, Sendable, Equatable {
    /// The stream the event belongs to.
    package var logStreamName: String?
    /// Milliseconds since the epoch.
    package var timestamp: Int64?
    /// The message, usually ending in a newline.
    package var message: String?
    /// When CloudWatch ingested it, in milliseconds since the epoch.
    package var ingestionTime: Int64?
    /// The event's unique ID.
    package var eventId: String?

    /// Creates an event.
    package init(logStreamName: String?, timestamp: Int64?, message: String?, ingestionTime: Int64? = nil, eventId: String?) {
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
    package init(from decoder: Decoder) throws {
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
package struct FilterLogEventsInput: Codable, Sendable, Equatable {
    /// The group to search.
    package var logGroupName: String
    /// Only streams whose names start with this (moto ignores it: filter client-side too).
    package var logStreamNamePrefix: String?
    /// Inclusive start, milliseconds since the epoch.
    package var startTime: Int64?
    /// Exclusive end, milliseconds since the epoch.
    package var endTime: Int64?
    /// A CloudWatch Logs filter pattern.
    package var filterPattern: String?
    /// The token from the previous page.
    package var nextToken: String?
    /// Events per page (max 10,000).
    package var limit: Int?
    /// Interleave streams (AWS always does; moto only when true).
    package var interleaved: Bool?

    /// Creates a request.
    package init(
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
package struct FilterLogEventsOutput: Codable, Sendable, Equatable {
    /// The events of this page.
    package var events: [FilteredLogEvent]?
    /// The next page's token; absent or null on the last page.
    package var nextToken: String?

    /// Creates a page.
    package init(events: [FilteredLogEvent]?, nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}

/// `LogGroup`.
package struct LogGroup: Codable, Sendable, Equatable {
    /// The group's name.
    package var logGroupName: String?
    /// Creation time, milliseconds since the epoch.
    package var creationTime: Int64?
    /// Retention, when set.
    package var retentionInDays: Int?
    /// Bytes stored.
    package var storedBytes: Int64?
    /// The ARN.
    package var arn: String?

    enum CodingKeys: String, CodingKey {
        case logGroupName, creationTime, retentionInDays, storedBytes, arn
    }

    /// Decodes a group; `creationTime` may be fractional milliseconds.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logGroupName = try container.decodeIfPresent(String.self, forKey: .logGroupName)
        creationTime = try container.decodeMillisecondsIfPresent(forKey: .creationTime)
        retentionInDays = try container.decodeIfPresent(Int.self, forKey: .retentionInDays)
        storedBytes = try container.decodeIfPresent(Int64.self, forKey: .storedBytes)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
    }
}

/// `LogStream`.
package struct LogStream: Codable, Sendable, Equatable {
    /// The stream's name.
    package var logStreamName: String?
    /// Creation time, milliseconds since the epoch.
    package var creationTime: Int64?
    /// First event's timestamp.
    package var firstEventTimestamp: Int64?
    /// Last event's timestamp.
    package var lastEventTimestamp: Int64?
    /// Last ingestion time.
    package var lastIngestionTime: Int64?

    enum CodingKeys: String, CodingKey {
        case logStreamName, creationTime, firstEventTimestamp, lastEventTimestamp, lastIngestionTime
    }

    /// Decodes a stream; its times may be fractional milliseconds.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logStreamName = try container.decodeIfPresent(String.self, forKey: .logStreamName)
        creationTime = try container.decodeMillisecondsIfPresent(forKey: .creationTime)
        firstEventTimestamp = try container.decodeMillisecondsIfPresent(forKey: .firstEventTimestamp)
        lastEventTimestamp = try container.decodeMillisecondsIfPresent(forKey: .lastEventTimestamp)
        lastIngestionTime = try container.decodeMillisecondsIfPresent(forKey: .lastIngestionTime)
    }
}

/// `InputLogEvent`.
package struct InputLogEvent: Codable, Sendable, Equatable {
    /// Milliseconds since the epoch.
    package var timestamp: Int64
    /// The message.
    package var message: String

    /// Creates an event.
    package init(timestamp: Int64, message: String) {
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

/// The wire shape `DeleteLogGroupInput` (members named as on the wire).
struct DeleteLogGroupInput: Codable, Sendable {
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
package struct PutLogEventsOutput: Codable, Sendable, Equatable {
    /// The next sequence token (ignored by AWS since 2023).
    package var nextSequenceToken: String?
}
