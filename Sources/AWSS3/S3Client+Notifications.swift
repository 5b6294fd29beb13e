import AWSCore
import Foundation

/// Bucket notifications and the bucket's region: what an S3 trigger reads and writes.
/// See the Amazon S3 API Reference: GetBucketNotificationConfiguration,
/// PutBucketNotificationConfiguration, GetBucketLocation.
extension S3Client {
    /// GetBucketNotificationConfiguration: the whole configuration, every element kept.
    /// `expectedOwner` (an account id) makes S3 refuse with 403 a bucket another account owns.
    package func notificationConfiguration(_ bucket: String, expectedOwner: String? = nil) async throws
        -> BucketNotificationConfiguration
    {
        let response = try await client.send(
            AWSOperation(
                name: "GetBucketNotificationConfiguration", method: "GET", path: Self.path(bucket: bucket),
                query: [QueryItem("notification", "")], headers: Self.ownerHeaders(expectedOwner)))
        guard !response.body.isEmpty else { return BucketNotificationConfiguration() }
        return BucketNotificationConfiguration(xml: try XMLDocumentNode.parse(response.body))
    }

    /// PutBucketNotificationConfiguration: replaces the bucket's whole configuration with
    /// `configuration`. Sent without `x-amz-skip-destination-validation`, so S3 checks that
    /// each destination lets it deliver (for a function: a resource-policy statement for
    /// `s3.amazonaws.com` on this bucket) and refuses overlapping entries.
    package func setNotificationConfiguration(
        _ bucket: String, _ configuration: BucketNotificationConfiguration, expectedOwner: String? = nil
    ) async throws {
        try await putSubresource(
            bucket, "notification", operation: "PutBucketNotificationConfiguration", xml: configuration.xmlText,
            extraHeaders: Self.ownerHeaders(expectedOwner))
    }

    /// GetBucketLocation: the bucket's region. S3 answers an empty `LocationConstraint` for
    /// `us-east-1` and the legacy `EU` for `eu-west-1`.
    package func bucketRegion(_ bucket: String) async throws -> String {
        let response = try await client.send(
            AWSOperation(
                name: "GetBucketLocation", method: "GET", path: Self.path(bucket: bucket), query: [QueryItem("location", "")]))
        let text = response.body.isEmpty ? "" : try XMLDocumentNode.parse(response.body).text
        return Self.region(locationConstraint: text)
    }

    /// The region a `LocationConstraint` names.
    package static func region(locationConstraint: String) -> String {
        switch locationConstraint {
        case "": "us-east-1"
        case "EU": "eu-west-1"
        default: locationConstraint
        }
    }

    static func ownerHeaders(_ expectedOwner: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let expectedOwner { headers.set("x-amz-expected-bucket-owner", expectedOwner) }
        return headers
    }
}
