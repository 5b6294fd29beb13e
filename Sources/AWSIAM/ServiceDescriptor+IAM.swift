import AWSCore

extension ServiceDescriptor {
    /// AWS IAM: query protocol (API version 2010-05-08), one global endpoint per partition,
    /// signed for its global region. Hosts from the SDKs' endpoint rules; the other partitions use
    /// `iam.{globalRegion}.{dnsSuffix}`.
    package static let iam = ServiceDescriptor(
        name: "iam", signingName: "iam", endpointPrefix: "iam", environmentSuffix: "IAM",
        wireProtocol: .query(version: "2010-05-08"),
        endpointRule: .global(hosts: [
            "aws": "iam.amazonaws.com", "aws-cn": "iam.cn-north-1.amazonaws.com.cn",
            "aws-us-gov": "iam.us-gov.amazonaws.com",
        ]),
        throttlingCodes: ["Throttling"])
}
