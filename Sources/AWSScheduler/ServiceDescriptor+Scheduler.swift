import AWSCore

extension ServiceDescriptor {
    /// Amazon EventBridge Scheduler: rest-json (botocore `scheduler/2021-06-30`), signing name and
    /// endpoint prefix `scheduler`, SDK service id `Scheduler`; throttles with `ThrottlingException` (429).
    package static let scheduler = ServiceDescriptor(
        name: "scheduler", signingName: "scheduler", endpointPrefix: "scheduler", environmentSuffix: "SCHEDULER",
        wireProtocol: .restJSON, throttlingCodes: ["ThrottlingException"])
}
