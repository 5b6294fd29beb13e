import AWSCore
import Foundation

// Shapes from botocore `data/kinesis/2013-12-02/service-2.json` (only the members lambdactl uses).

/// `StreamDescriptionSummary` (the members lambdactl reads).
package struct StreamSummary: Codable, Sendable, Equatable {
    /// The stream's name.
    package var streamName: String
    /// The stream's ARN (what a mapping's `EventSourceArn` takes).
    package var streamARN: String
    /// `CREATING`, `DELETING`, `ACTIVE` or `UPDATING`.
    package var streamStatus: String
    /// `PROVISIONED` or `ON_DEMAND`.
    package var streamMode: String?
    /// Hours records are kept.
    package var retentionPeriodHours: Int?
    /// Open shards.
    package var openShardCount: Int?
    /// `NONE` or `KMS`.
    package var encryptionType: String?

    enum CodingKeys: String, CodingKey {
        case streamName = "StreamName", streamARN = "StreamARN", streamStatus = "StreamStatus"
        case streamModeDetails = "StreamModeDetails", retentionPeriodHours = "RetentionPeriodHours"
        case openShardCount = "OpenShardCount", encryptionType = "EncryptionType"
    }
    enum ModeKeys: String, CodingKey { case streamMode = "StreamMode" }

    /// Decodes a summary; the mode is `StreamModeDetails.StreamMode`.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        streamName = try container.decode(String.self, forKey: .streamName)
        streamARN = try container.decode(String.self, forKey: .streamARN)
        streamStatus = try container.decode(String.self, forKey: .streamStatus)
        streamMode = try container.decodeIfPresent([String: String].self, forKey: .streamModeDetails)?["StreamMode"]
        retentionPeriodHours = try container.decodeIfPresent(Int.self, forKey: .retentionPeriodHours)
        openShardCount = try container.decodeIfPresent(Int.self, forKey: .openShardCount)
        encryptionType = try container.decodeIfPresent(String.self, forKey: .encryptionType)
    }

    /// Encodes the same shape.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamName, forKey: .streamName)
        try container.encode(streamARN, forKey: .streamARN)
        try container.encode(streamStatus, forKey: .streamStatus)
        try container.encodeIfPresent(streamMode.map { ["StreamMode": $0] }, forKey: .streamModeDetails)
        try container.encodeIfPresent(retentionPeriodHours, forKey: .retentionPeriodHours)
        try container.encodeIfPresent(openShardCount, forKey: .openShardCount)
        try container.encodeIfPresent(encryptionType, forKey: .encryptionType)
    }
}

struct DescribeStreamSummaryInput: Encodable {
    var streamName: String?
    var streamARN: String?
    enum CodingKeys: String, CodingKey { case streamName = "StreamName", streamARN = "StreamARN" }
}

struct DescribeStreamSummaryOutput: Decodable {
    var streamDescriptionSummary: StreamSummary?
    enum CodingKeys: String, CodingKey { case streamDescriptionSummary = "StreamDescriptionSummary" }
}
