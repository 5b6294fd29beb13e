import AWSCore

extension ServiceDescriptor {
    /// Amazon SNS: query protocol, API version 2010-03-31 (botocore `sns/2010-03-31`), regional.
    /// SNS throttles with `Throttled` (HTTP 429, `ThrottledException` in the model).
    package static let sns = ServiceDescriptor(
        name: "sns", signingName: "sns", endpointPrefix: "sns", environmentSuffix: "SNS",
        wireProtocol: .query(version: "2010-03-31"), throttlingCodes: ["Throttled"])
}
