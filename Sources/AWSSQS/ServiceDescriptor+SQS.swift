import AWSCore

extension ServiceDescriptor {
    /// Amazon SQS: json 1.0 with target prefix `AmazonSQS` (botocore `sqs/2012-11-05`), regional.
    /// SQS throttles with `RequestThrottled` (botocore `_retry.json`).
    package static let sqs = ServiceDescriptor(
        name: "sqs", signingName: "sqs", endpointPrefix: "sqs", environmentSuffix: "SQS",
        wireProtocol: .json10(targetPrefix: "AmazonSQS"), throttlingCodes: ["RequestThrottled"])
}
