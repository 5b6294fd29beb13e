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
