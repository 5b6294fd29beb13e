import AWSCore

extension ServiceDescriptor {
    /// Amazon EventBridge: json 1.1 with target prefix `AWSEvents` (botocore `events/2015-10-07`),
    /// signing name and endpoint prefix `events`, SDK service id `EventBridge` (taken as an alias).
    package static let eventBridge = ServiceDescriptor(
        name: "events", aliases: ["eventbridge"], signingName: "events", endpointPrefix: "events",
        environmentSuffix: "EVENTBRIDGE", wireProtocol: .json11(targetPrefix: "AWSEvents"),
        throttlingCodes: ["ThrottlingException"])
}
