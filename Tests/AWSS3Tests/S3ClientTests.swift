import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSS3

/// S3Client on the wire: path-style paths, the signed payload hash, the required checksums,
/// XML answers and `<Error>` errors.
@Suite("S3 client")
struct S3ClientTests {
    let transport = ScriptedTransport()
    var s3: S3Client { S3Client(context: testContext(transport), endpoint: testEndpoint("s3", region: "eu-west-1")) }

    @Test("HeadBucket and HeadObject answer true on 200 and false on 404")
    func exists() async throws {
        transport.on("HEAD /bucket", HTTPResponse(status: 200), HTTPResponse(status: 404))
        transport.on("HEAD /bucket/{key+}", HTTPResponse(status: 404))
        #expect(try await s3.bucketExists("bucket"))
        #expect(try await s3.bucketExists("bucket") == false)
        #expect(try await s3.objectExists(bucket: "bucket", key: "a b/c+d.zip") == false)
        #expect(transport.sent[2].path == "/bucket/a%20b/c%2Bd.zip", "the key keeps its slashes and nothing else")
    }

    @Test("CreateBucket outside us-east-1 names the region, and BucketAlreadyOwnedByYou is success")
    func createBucket() async throws {
        transport.on(
            "PUT /bucket",
            xml(409, "<Error><Code>BucketAlreadyOwnedByYou</Code><Message>yours</Message><RequestId>q</RequestId></Error>"))
        try await s3.createBucket("bucket", region: "eu-west-1")
        let request = try #require(transport.sent.first)
        #expect(bodyText(request).contains("<LocationConstraint>eu-west-1</LocationConstraint>"))
        #expect(request.headers["Content-Type"] == "application/xml")
        #expect(request.headers["Authorization"]?.contains("/eu-west-1/s3/aws4_request") == true)
        #expect(request.headers["X-Amz-Content-SHA256"] != nil, "S3 signs the payload hash")
    }

    @Test("an S3 error's code, message and request id come from the XML")
    func errorDecoding() async throws {
        transport.on("PUT /bucket", xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R1</RequestId></Error>"))
        let error = await #expect(throws: AWSServiceError.self) { try await s3.createBucket("bucket", region: "us-east-1") }
        #expect(error?.code == "AccessDenied")
        #expect(error?.message == "Access Denied")
        #expect(error?.requestID == "R1")
        #expect(transport.sent.first?.body == .empty, "us-east-1 needs no location body")
    }

    @Test("PutBucketTagging carries the sorted, escaped tag set and a matching SHA-256 checksum")
    func tagging() async throws {
        transport.on("PUT /bucket", HTTPResponse(status: 204))
        try await s3.setBucketTags("bucket", ["b": "2 & 3", "a": "1"])
        let request = try #require(transport.sent.first)
        #expect(request.query == [QueryItem("tagging", "")])
        let body = bodyText(request)
        #expect(body.contains("<TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2 &amp; 3</Value></Tag></TagSet>"))
        let checksum = try #require(request.headers["x-amz-checksum-sha256"])
        #expect(Data(base64Encoded: checksum)?.count == 32)
    }

    @Test("GetBucketTagging reads the tag set, and NoSuchTagSet is no tags")
    func readTags() async throws {
        transport.on(
            "GET /bucket",
            xml(200, "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>"),
            xml(404, "<Error><Code>NoSuchTagSet</Code><Message>none</Message></Error>"))
        #expect(try await s3.bucketTags("bucket") == ["k": "v"])
        #expect(try await s3.bucketTags("bucket") == [:])
    }
}
