import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSResourceGroupsTagging

/// TaggingClient on the wire: json 1.1 (`X-Amz-Target: ResourceGroupsTaggingAPI_20170126.GetResources`),
/// tag and type filters, and `PaginationToken` paging (an empty token ends it).
@Suite("The Resource Groups Tagging client's filters and paging")
struct TaggingClientTests {
    let transport = ScriptedTransport()
    var tagging: TaggingClient { TaggingClient(context: testContext(transport), endpoint: testEndpoint("tagging")) }

    @Test("GetResources sends the tag and type filters and follows PaginationToken until it is empty")
    func pages() async throws {
        transport.on(
            "GetResources",
            json(200, #"{"PaginationToken":"p2","ResourceTagMappingList":[{"ResourceARN":"arn:a","Tags":[{"Key":"lambdactl:app","Value":"shop"}]}]}"#),
            json(200, #"{"PaginationToken":"","ResourceTagMappingList":[{"ResourceARN":"arn:b","Tags":[]}]}"#))
        let found = try await tagging.resources(tagged: ["lambdactl:app": ["shop"], "lambdactl:stage": ["dev"]], types: ["lambda:function"])
        #expect(found == [TaggedResource(arn: "arn:a", tags: ["lambdactl:app": "shop"]), TaggedResource(arn: "arn:b", tags: [:])])
        #expect(transport.sent.count == 2)
        let first = try #require(transport.sent.first)
        #expect(first.headers["X-Amz-Target"] == "ResourceGroupsTaggingAPI_20170126.GetResources")
        #expect(first.headers["Authorization"]?.contains("/us-east-1/tagging/aws4_request") == true)
        #expect(jsonBody(first) as NSDictionary == [
            "TagFilters": [["Key": "lambdactl:app", "Values": ["shop"]], ["Key": "lambdactl:stage", "Values": ["dev"]]],
            "ResourceTypeFilters": ["lambda:function"],
        ])
        #expect((jsonBody(transport.sent[1]) as NSDictionary)["PaginationToken"] as? String == "p2")
    }

    @Test("a throttling answer is the service's own code, retried")
    func throttling() {
        #expect(RetryPolicy.isRetryable(.service(code: "ThrottledException", status: 400), serviceCodes: ServiceDescriptor.resourceGroupsTagging.throttlingCodes))
    }
}
