import AWSCore

extension ServiceDescriptor {
    /// AWS Lambda: rest-json, regional. Throttling codes from the Lambda API reference,
    /// "Common errors" (`TooManyRequestsException`, and `EC2ThrottledException` for VPC set-up).
    package static let lambda = ServiceDescriptor(
        name: "lambda", signingName: "lambda", endpointPrefix: "lambda", environmentSuffix: "LAMBDA",
        wireProtocol: .restJSON, throttlingCodes: ["TooManyRequestsException", "EC2ThrottledException"])
}
