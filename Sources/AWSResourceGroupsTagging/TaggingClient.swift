import AWSCore
import Foundation

/// A hand-rolled Resource Groups Tagging API client (json 1.1, signing name `tagging`): finds
/// the resources of one region that carry given tags, whatever their service. Shapes follow
/// botocore `data/resourcegroupstaggingapi/2017-01-26/service-2.json`.
package struct TaggingClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Wraps a client built for the tagging endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .resourceGroupsTagging)
    }

    /// `GetResources`, every page: the resources whose tags match every filter (a filter with
    /// no values matches any value of its key), of the given types (`lambda:function`), or all.
    package func resources(tagged filters: [String: [String]], types: [String] = []) async throws -> [TaggedResource] {
        var found: [TaggedResource] = []
        var token: String?
        repeat {
            let input = GetResourcesInput(
                tagFilters: filters.keys.sorted().map { TagFilter(key: $0, values: filters[$0] ?? []) },
                resourceTypeFilters: types.isEmpty ? nil : types, paginationToken: token)
            let page = try await client.jsonRPC("GetResources", input: input, as: GetResourcesOutput.self)
            found += (page.resourceTagMappingList ?? []).map {
                TaggedResource(arn: $0.resourceARN, tags: Dictionary(($0.tags ?? []).map { ($0.key, $0.value) }) { $1 })
            }
            token = page.paginationToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return found
    }
}

/// A resource and its tags.
package struct TaggedResource: Sendable, Equatable {
    package var arn: String
    package var tags: [String: String]

    package init(arn: String, tags: [String: String]) {
        self.arn = arn
        self.tags = tags
    }
}

/// The wire shape `GetResourcesInput`.
struct GetResourcesInput: Encodable, Sendable {
    var tagFilters: [TagFilter]
    var resourceTypeFilters: [String]?
    var paginationToken: String?

    enum CodingKeys: String, CodingKey {
        case tagFilters = "TagFilters", resourceTypeFilters = "ResourceTypeFilters", paginationToken = "PaginationToken"
    }
}

/// The wire shape `TagFilter`.
struct TagFilter: Encodable, Sendable {
    var key: String
    var values: [String]

    enum CodingKeys: String, CodingKey {
        case key = "Key", values = "Values"
    }
}

/// The wire shape `GetResourcesOutput`.
struct GetResourcesOutput: Decodable, Sendable {
    var paginationToken: String?
    var resourceTagMappingList: [ResourceTagMapping]?

    enum CodingKeys: String, CodingKey {
        case paginationToken = "PaginationToken", resourceTagMappingList = "ResourceTagMappingList"
    }
}

/// The wire shape `ResourceTagMapping`.
struct ResourceTagMapping: Decodable, Sendable {
    var resourceARN: String
    var tags: [WireTag]?

    enum CodingKeys: String, CodingKey {
        case resourceARN = "ResourceARN", tags = "Tags"
    }
}

/// The wire shape `Tag`.
struct WireTag: Decodable, Sendable {
    var key: String
    var value: String

    enum CodingKeys: String, CodingKey {
        case key = "Key", value = "Value"
    }
}
