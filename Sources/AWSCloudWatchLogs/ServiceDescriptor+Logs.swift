import AWSCore

extension ServiceDescriptor {
    /// Amazon CloudWatch Logs: json 1.1 with target prefix `Logs_20140328`, regional.
    package static let logs = ServiceDescriptor(
        name: "logs", signingName: "logs", endpointPrefix: "logs", environmentSuffix: "CLOUDWATCH_LOGS",
        wireProtocol: .json11(targetPrefix: "Logs_20140328"), throttlingCodes: ["ThrottlingException"])
}
