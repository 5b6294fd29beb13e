import AWSCore
import Foundation

/// The few Amazon S3 calls lambdactl needs to stage large packages, over rest-xml with
/// path-style addressing (`/{bucket}/{key}`). See the Amazon S3 API Reference.
package struct S3Client: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Creates a client for `endpoint` (signing name `s3`).
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .s3)
    }

    /// Wraps an existing rest-xml client.
    package init(client: AWSClient) {
        self.client = client
    }

    static func path(bucket: String, key: String? = nil) -> String {
        var path = "/" + PercentEncoding.encode(bucket)
        if let key { path += "/" + PercentEncoding.encode(key, keepSlash: true) }
        return path
    }

    /// HeadBucket: true when the bucket exists and is ours, false on 404.
    package func bucketExists(_ bucket: String) async throws -> Bool {
        try await exists(AWSOperation(name: "HeadBucket", method: "HEAD", path: Self.path(bucket: bucket)))
    }

    /// HeadObject: true when the object exists, false on 404.
    package func objectExists(bucket: String, key: String) async throws -> Bool {
        try await exists(AWSOperation(name: "HeadObject", method: "HEAD", path: Self.path(bucket: bucket, key: key)))
    }

    private func exists(_ operation: AWSOperation) async throws -> Bool {
        do {
            _ = try await client.send(operation)
            return true
        } catch let error as AWSServiceError where error.status == 404 {
            return false
        }
    }

    /// CreateBucket; outside `us-east-1` the body names the region (`LocationConstraint`).
    package func createBucket(_ bucket: String, region: String) async throws {
        var body = HTTPBody.empty
        var headers = HTTPHeaders()
        if region != "us-east-1" {
            let xml = """
                <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
                <LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>
                """
            body = .data(Data(xml.utf8))
            headers.set("Content-Type", "application/xml")
        }
        do {
            _ = try await client.send(
                AWSOperation(name: "CreateBucket", method: "PUT", path: Self.path(bucket: bucket), headers: headers, body: body))
        } catch let error as AWSServiceError where error.code == "BucketAlreadyOwnedByYou" {
            return
        }
    }

    /// PutObject streamed from a file whose size and SHA-256 (hex) the caller computed once.
    package func putObject(bucket: String, key: String, filePath: String, size: Int64, sha256Hex: String) async throws {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/zip")
        headers.set("Content-Length", String(size))
        _ = try await client.send(
            AWSOperation(
                name: "PutObject", method: "PUT", path: Self.path(bucket: bucket, key: key), headers: headers,
                body: .file(path: filePath, size: size, sha256Hex: sha256Hex)))
    }
}
