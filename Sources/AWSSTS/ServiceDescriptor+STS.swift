import AWSCore

extension ServiceDescriptor {
    /// AWS STS: query protocol (API version 2011-06-15), regional endpoints.
    package static let sts = ServiceDescriptor(
        name: "sts", signingName: "sts", endpointPrefix: "sts", environmentSuffix: "STS",
        wireProtocol: .query(version: "2011-06-15"), throttlingCodes: ["Throttling"])
}
