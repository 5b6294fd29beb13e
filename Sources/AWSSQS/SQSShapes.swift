import AWSCore
import Foundation

// Shapes from botocore `data/sqs/2012-11-05/service-2.json` (only the members lambdactl uses).

/// `GetQueueUrlRequest`.
struct GetQueueURLInput: Encodable {
    var queueName: String
    var queueOwnerAWSAccountID: String?
    enum CodingKeys: String, CodingKey {
        case queueName = "QueueName", queueOwnerAWSAccountID = "QueueOwnerAWSAccountId"
    }
}

/// `GetQueueUrlResult`.
struct GetQueueURLOutput: Decodable {
    var queueURL: String?
    enum CodingKeys: String, CodingKey { case queueURL = "QueueUrl" }
}

/// `GetQueueAttributesRequest`.
struct GetQueueAttributesInput: Encodable {
    var queueURL: String
    var attributeNames: [String]
    enum CodingKeys: String, CodingKey { case queueURL = "QueueUrl", attributeNames = "AttributeNames" }
}

/// `GetQueueAttributesResult`.
struct GetQueueAttributesOutput: Decodable {
    var attributes: [String: String]?
    enum CodingKeys: String, CodingKey { case attributes = "Attributes" }
}
