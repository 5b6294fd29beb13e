import AWSCore
import Foundation
import SigV4

/// The bucket-level settings lambdactl applies to the artifact bucket it creates: public access
/// blocked, bucket-owner-enforced ownership, default encryption, a lifecycle rule and tags.
/// Each PUT carries `x-amz-checksum-sha256`: S3 requires a checksum (or Content-MD5) on these
/// calls (botocore: `requestChecksumRequired`). See the Amazon S3 API Reference for each.
extension S3Client {
    /// PutPublicAccessBlock with all four blocks on.
    package func blockPublicAccess(_ bucket: String) async throws {
        try await putSubresource(bucket, "publicAccessBlock", operation: "PutPublicAccessBlock", xml: """
            <PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>\
            <BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>\
            </PublicAccessBlockConfiguration>
            """)
    }

    /// PutBucketOwnershipControls `BucketOwnerEnforced` (ACLs disabled).
    package func enforceBucketOwner(_ bucket: String) async throws {
        try await putSubresource(bucket, "ownershipControls", operation: "PutBucketOwnershipControls", xml: """
            <OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>
            """)
    }

    /// PutBucketEncryption: SSE-S3 (`AES256`) by default.
    package func encryptByDefault(_ bucket: String) async throws {
        try await putSubresource(bucket, "encryption", operation: "PutBucketEncryption", xml: """
            <ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>\
            </ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>
            """)
    }

    /// PutBucketLifecycleConfiguration: objects under `prefix` expire after `days`, and
    /// incomplete multipart uploads are aborted after a day.
    package func expireObjects(_ bucket: String, prefix: String, days: Int, ruleID: String) async throws {
        try await putSubresource(bucket, "lifecycle", operation: "PutBucketLifecycleConfiguration", xml: """
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule>\
            <ID>\(XMLText.escape(ruleID))</ID><Filter><Prefix>\(XMLText.escape(prefix))</Prefix></Filter>\
            <Status>Enabled</Status><Expiration><Days>\(days)</Days></Expiration>\
            <AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>\
            </Rule></LifecycleConfiguration>
            """)
    }

    /// GetBucketTagging; empty when the bucket has no tags (`NoSuchTagSet`).
    package func bucketTags(_ bucket: String) async throws -> [String: String] {
        let response: HTTPResponse
        do {
            response = try await client.send(
                AWSOperation(name: "GetBucketTagging", method: "GET", path: Self.path(bucket: bucket), query: [QueryItem("tagging", "")]))
        } catch let error as AWSServiceError where error.code == "NoSuchTagSet" || error.status == 404 {
            return [:]
        }
        let document = try XMLDocumentNode.parse(response.body)
        var tags: [String: String] = [:]
        for tag in document.first("TagSet")?.children(named: "Tag") ?? [] {
            if let key = tag.first("Key")?.text { tags[key] = tag.first("Value")?.text ?? "" }
        }
        return tags
    }

    /// PutBucketTagging: replaces the whole tag set with `tags`.
    package func setBucketTags(_ bucket: String, _ tags: [String: String]) async throws {
        let entries = tags.keys.sorted().map { key in
            "<Tag><Key>\(XMLText.escape(key))</Key><Value>\(XMLText.escape(tags[key] ?? ""))</Value></Tag>"
        }.joined()
        try await putSubresource(bucket, "tagging", operation: "PutBucketTagging", xml: """
            <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>\(entries)</TagSet></Tagging>
            """)
    }

    /// PUT `/{bucket}?subresource` with an XML body and its SHA-256 checksum.
    func putSubresource(
        _ bucket: String, _ subresource: String, operation: String, xml: String, extraHeaders: HTTPHeaders = HTTPHeaders()
    ) async throws {
        let body = Data(xml.utf8)
        var headers = extraHeaders
        headers.set("Content-Type", "application/xml")
        headers.set("x-amz-sdk-checksum-algorithm", "SHA256")
        headers.set("x-amz-checksum-sha256", Data(Digest.sha256(body)).base64EncodedString())
        _ = try await client.send(
            AWSOperation(
                name: operation, method: "PUT", path: Self.path(bucket: bucket), query: [QueryItem(subresource, "")],
                headers: headers, body: .data(body)))
    }
}

/// XML text escaping for element content.
enum XMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
