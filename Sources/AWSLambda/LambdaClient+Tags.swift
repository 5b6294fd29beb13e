import AWSCore
import Foundation

extension LambdaClient {
    struct TagsBody: Encodable {
        var tags: [String: String]
        enum CodingKeys: String, CodingKey { case tags = "Tags" }
    }

    /// TagResource (`POST /2017-03-31/tags/{ARN}`): adds or overwrites `tags` on a function.
    package func tagResource(_ arn: String, tags: [String: String]) async throws {
        let _: Empty = try await client.restJSON(
            "TagResource", method: "POST", path: "/2017-03-31/tags/" + PercentEncoding.encode(arn),
            input: TagsBody(tags: tags))
    }
}
