import AWSCore
import Foundation

/// A hand-rolled Amazon DynamoDB client (json 1.0, `X-Amz-Target: DynamoDB_20120810.<Operation>`,
/// signing name `dynamodb`): the table look-up a stream trigger needs. Shapes follow botocore
/// `data/dynamodb/2012-08-10/service-2.json`.
package struct DynamoDBClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Wraps a client built for the DynamoDB endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .dynamoDB)
    }

    /// `DescribeTable` (a name or ARN). A missing table throws `ResourceNotFoundException`.
    package func describeTable(_ name: String) async throws -> TableDescription {
        let output = try await client.jsonRPC("DescribeTable", input: DescribeTableInput(tableName: name), as: DescribeTableOutput.self)
        guard let table = output.table else {
            throw AWSResponseDecodingError(operation: "DescribeTable", detail: "no Table in the answer")
        }
        return table
    }
}

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
