import AWSCore
import Foundation

/// A hand-rolled Amazon Kinesis client (json 1.1, `X-Amz-Target: Kinesis_20131202.<Operation>`,
/// signing name `kinesis`): the stream look-up triggers need. Shapes follow botocore
/// `data/kinesis/2013-12-02/service-2.json`.
package struct KinesisClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Wraps a client built for the Kinesis endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .kinesis)
    }

    /// `DescribeStreamSummary` by name or, when `stream` is an ARN, by `StreamARN`.
    /// A missing stream throws `ResourceNotFoundException`.
    package func describeStreamSummary(_ stream: String) async throws -> StreamSummary {
        let input = stream.hasPrefix("arn:")
            ? DescribeStreamSummaryInput(streamName: nil, streamARN: stream)
            : DescribeStreamSummaryInput(streamName: stream, streamARN: nil)
        let output = try await client.jsonRPC("DescribeStreamSummary", input: input, as: DescribeStreamSummaryOutput.self)
        guard let summary = output.streamDescriptionSummary else {
            throw AWSResponseDecodingError(operation: "DescribeStreamSummary", detail: "no StreamDescriptionSummary in the answer")
        }
        return summary
    }
}
