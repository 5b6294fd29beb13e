import AWSCore

extension ServiceDescriptor {
    /// The Resource Groups Tagging API: json 1.1 with target prefix
    /// `ResourceGroupsTaggingAPI_20170126` (botocore `resourcegroupstaggingapi/2017-01-26`), signing
    /// name and endpoint prefix `tagging`, SDK service id `Resource Groups Tagging API`.
    package static let resourceGroupsTagging = ServiceDescriptor(
        name: "tagging", aliases: ["resourcegroupstaggingapi"], signingName: "tagging", endpointPrefix: "tagging",
        environmentSuffix: "RESOURCE_GROUPS_TAGGING_API", wireProtocol: .json11(targetPrefix: "ResourceGroupsTaggingAPI_20170126"),
        throttlingCodes: ["ThrottledException"])
}
