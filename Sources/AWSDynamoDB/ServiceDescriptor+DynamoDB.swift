import AWSCore

extension ServiceDescriptor {
    /// Amazon DynamoDB: json 1.0 with target prefix `DynamoDB_20120810` (botocore
    /// `dynamodb/2012-08-10`), regional. Control-plane throttling is `ThrottlingException` or
    /// `RequestLimitExceeded`; `ProvisionedThroughputExceededException` is the tables' own.
    package static let dynamoDB = ServiceDescriptor(
        name: "dynamodb", signingName: "dynamodb", endpointPrefix: "dynamodb", environmentSuffix: "DYNAMODB",
        wireProtocol: .json10(targetPrefix: "DynamoDB_20120810"),
        throttlingCodes: ["ThrottlingException", "RequestLimitExceeded", "ProvisionedThroughputExceededException"])
}
