import AWSCore

extension ServiceDescriptor {
    /// Amazon S3: rest-xml, S3's signing rules (path encoded once and never normalised,
    /// `x-amz-content-sha256` signed), regional, addressed path-style.
    package static let s3 = ServiceDescriptor(
        name: "s3", signingName: "s3", endpointPrefix: "s3", environmentSuffix: "S3",
        wireProtocol: .restXML, signing: .literalPath, throttlingCodes: ["SlowDown"])
}
