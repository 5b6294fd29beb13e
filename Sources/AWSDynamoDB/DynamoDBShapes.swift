import AWSCore
import Foundation

// Shapes from botocore `data/dynamodb/2012-08-10/service-2.json` (only the members lambdactl uses).

/// `TableDescription` (the members lambdactl reads).
package struct TableDescription: Codable, Sendable, Equatable {
    /// The table's name.
    package var tableName: String?
    /// The table's ARN.
    package var tableARN: String?
    /// `CREATING`, `ACTIVE`, …
    package var tableStatus: String?
    /// Whether the table has a stream, and what it carries.
    package var streamSpecification: StreamSpecification?
    /// The ARN of the table's latest stream (what a mapping's `EventSourceArn` takes); absent
    /// when streams were never on.
    package var latestStreamARN: String?
    /// The stream's label (a timestamp).
    package var latestStreamLabel: String?

    /// Creates a description.
    package init(
        tableName: String? = nil, tableARN: String? = nil, tableStatus: String? = nil,
        streamSpecification: StreamSpecification? = nil, latestStreamARN: String? = nil, latestStreamLabel: String? = nil
    ) {
        self.tableName = tableName
        self.tableARN = tableARN
        self.tableStatus = tableStatus
        self.streamSpecification = streamSpecification
        self.latestStreamARN = latestStreamARN
        self.latestStreamLabel = latestStreamLabel
    }

    /// The stream a trigger can read: the latest stream's ARN while streams are on, else nil
    /// (a table whose stream was turned off keeps a `LatestStreamArn` that no longer gets records).
    package var activeStreamARN: String? {
        streamSpecification?.streamEnabled == true ? latestStreamARN : nil
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName", tableARN = "TableArn", tableStatus = "TableStatus"
        case streamSpecification = "StreamSpecification", latestStreamARN = "LatestStreamArn"
        case latestStreamLabel = "LatestStreamLabel"
    }
}

/// `StreamSpecification`.
package struct StreamSpecification: Codable, Sendable, Equatable {
    /// Whether the stream is on.
    package var streamEnabled: Bool
    /// `NEW_IMAGE`, `OLD_IMAGE`, `NEW_AND_OLD_IMAGES` or `KEYS_ONLY`.
    package var streamViewType: String?
    /// Creates a specification.
    package init(streamEnabled: Bool, streamViewType: String? = nil) {
        self.streamEnabled = streamEnabled
        self.streamViewType = streamViewType
    }
    enum CodingKeys: String, CodingKey { case streamEnabled = "StreamEnabled", streamViewType = "StreamViewType" }
}

struct DescribeTableInput: Encodable {
    var tableName: String
    enum CodingKeys: String, CodingKey { case tableName = "TableName" }
}

struct DescribeTableOutput: Decodable {
    var table: TableDescription?
    enum CodingKeys: String, CodingKey { case table = "Table" }
}
