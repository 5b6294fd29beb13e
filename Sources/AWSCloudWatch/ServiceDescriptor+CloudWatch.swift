import AWSCore

extension ServiceDescriptor {
    /// Amazon CloudWatch (metrics and alarms): query protocol, API version 2010-08-01 (botocore
    /// `cloudwatch/2010-08-01`, which also offers json 1.0 and CBOR; moto speaks query), signing
    /// name and host prefix `monitoring`, regional. It throttles with `Throttling` (HTTP 400).
    package static let cloudWatch = ServiceDescriptor(
        name: "cloudwatch", aliases: ["monitoring"], signingName: "monitoring", endpointPrefix: "monitoring",
        environmentSuffix: "CLOUDWATCH", wireProtocol: .query(version: "2010-08-01"), throttlingCodes: ["Throttling"])
}
