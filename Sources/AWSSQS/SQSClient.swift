import AWSCore
import Foundation

/// A hand-rolled Amazon SQS client (json 1.0, `X-Amz-Target: AmazonSQS.<Operation>`, signing
/// name `sqs`): the queue look-ups triggers need. Shapes follow botocore
/// `data/sqs/2012-11-05/service-2.json`.
package struct SQSClient: Sendable {
    /// The underlying client; its protocol is `ServiceDescriptor.sqs.wireProtocol`.
    package let client: AWSClient

    /// Wraps a client built for the SQS endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .sqs)
    }

    /// `GetQueueUrl`: the URL of the queue `name` (in `ownerAccount`, else the caller's account).
    /// A missing queue throws `AWSServiceError` with code `QueueDoesNotExist`.
    package func getQueueURL(name: String, ownerAccount: String? = nil) async throws -> String {
        let output = try await client.jsonRPC(
            "GetQueueUrl", input: GetQueueURLInput(queueName: name, queueOwnerAWSAccountID: ownerAccount),
            as: GetQueueURLOutput.self)
        guard let url = output.queueURL else {
            throw AWSResponseDecodingError(operation: "GetQueueUrl", detail: "no QueueUrl in the answer")
        }
        return url
    }

    /// `GetQueueAttributes` for `names` (e.g. `QueueArn`, `VisibilityTimeout`; `All` for every one).
    package func getQueueAttributes(url: String, names: [String]) async throws -> [String: String] {
        let output = try await client.jsonRPC(
            "GetQueueAttributes", input: GetQueueAttributesInput(queueURL: url, attributeNames: names),
            as: GetQueueAttributesOutput.self)
        return output.attributes ?? [:]
    }

    /// The queue's ARN (`GetQueueAttributes` with `QueueArn`).
    package func queueARN(url: String) async throws -> String {
        guard let arn = try await getQueueAttributes(url: url, names: ["QueueArn"])["QueueArn"] else {
            throw AWSResponseDecodingError(operation: "GetQueueAttributes", detail: "no QueueArn in the answer")
        }
        return arn
    }

    /// The URL and ARN of the queue `reference` names: a URL or ARN is resolved without a call
    /// where it says everything; a name asks `GetQueueUrl` (the endpoint decides the URL's form)
    /// and builds the ARN from the region and account. See ``QueueReference``.
    package func locate(_ reference: QueueReference, region: String, account: String, partition: String = "aws")
        async throws -> QueueLocation
    {
        switch reference {
        case .name(let name):
            let url = try await getQueueURL(name: name)
            return QueueLocation(url: url, arn: QueueReference.arn(partition: partition, region: region, account: account, name: name))
        case .url, .arn:
            return reference.location(region: region, account: account, partition: partition)
        }
    }
}
