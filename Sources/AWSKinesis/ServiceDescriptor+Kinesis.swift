import AWSCore

extension ServiceDescriptor {
    /// Amazon Kinesis Data Streams: json 1.1 with target prefix `Kinesis_20131202` (botocore
    /// `kinesis/2013-12-02`), regional. The describe calls are limited per account and answer
    /// `LimitExceededException` beyond it (botocore `_retry.json` retries it).
    package static let kinesis = ServiceDescriptor(
        name: "kinesis", signingName: "kinesis", endpointPrefix: "kinesis", environmentSuffix: "KINESIS",
        wireProtocol: .json11(targetPrefix: "Kinesis_20131202"), throttlingCodes: ["LimitExceededException"])
}
