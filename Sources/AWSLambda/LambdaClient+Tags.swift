import AWSCore
import Foundation

extension LambdaClient {
    struct TagsBody: Codable {
        var tags: [String: String]
        enum CodingKeys: String, CodingKey { case tags = "Tags" }
        init(tags: [String: String]) { self.tags = tags }
        init(from decoder: Decoder) throws {
            tags = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        }
    }

    /// TagResource (`POST /2017-03-31/tags/{ARN}`): adds or overwrites `tags` on a function or
    /// an event-source mapping (e.g. one adopted after a lost create answer).
    package func tagResource(_ arn: String, tags: [String: String]) async throws {
        let _: Empty = try await client.restJSON(
            "TagResource", method: "POST", path: "/2017-03-31/tags/" + PercentEncoding.encode(arn),
            input: TagsBody(tags: tags))
    }

    /// ListTags (`GET /2017-03-31/tags/{ARN}`): the tags of a function or an event-source mapping
    /// (by its `EventSourceMappingArn`).
    package func listTags(_ arn: String) async throws -> [String: String] {
        let body: TagsBody = try await client.restJSON(
            "ListTags", method: "GET", path: "/2017-03-31/tags/" + PercentEncoding.encode(arn))
        return body.tags
    }
}
