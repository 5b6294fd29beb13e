import AWSCore
import AWSLambda
import AWSS3
import AWSSTS
import Foundation

/// Decides how code reaches Lambda: inline below the direct-upload limit, else through S3 with a
/// content-addressed key, creating the default bucket on first use and skipping the upload
/// when the object is already there.
public struct CodeStager: Sendable {
    /// Lambda takes at most 50 MiB zipped inline (69,905,067 bytes after base64).
    public static let directUploadLimit: Int64 = 52_428_800

    /// S3, for large packages.
    public var s3: S3Client
    /// STS, for the account id in the default bucket name.
    public var sts: STSClient
    /// The function's region.
    public var region: String
    /// Packages larger than this go through S3 (a parameter so tests can lower it).
    public var limit: Int64

    /// Creates a stager.
    public init(s3: S3Client, sts: STSClient, region: String, limit: Int64 = CodeStager.directUploadLimit) {
        self.s3 = s3
        self.sts = sts
        self.region = region
        self.limit = limit
    }

    /// The staging choice and what it cost.
    public struct Staged: Sendable, Equatable {
        /// What to put in the request.
        public var source: CodeSource
        /// Bytes sent to S3 (0 when inline or already staged).
        public var uploadedToS3: Int64
        /// `direct` or `s3`.
        public var route: String
    }

    /// The default bucket: `lambdactl-artifacts-ACCOUNT-REGION`.
    public static func defaultBucket(account: String, region: String) -> String {
        "lambdactl-artifacts-\(account)-\(region)"
    }

    /// The content-addressed key: `lambdactl/NAME/<sha256hex>.zip`.
    public static func defaultKey(name: String, artifact: CodeArtifact) -> String {
        "lambdactl/\(name)/\(artifact.sha256Hex).zip"
    }

    /// True when the package must (or was asked to) go through S3.
    public func usesS3(_ artifact: CodeArtifact, bucket: String?) -> Bool {
        bucket != nil || artifact.size > limit
    }

    /// Stages `artifact` for function or layer `name`.
    public func stage(_ artifact: CodeArtifact, name: String, bucket: String?, key: String?) async throws -> Staged {
        guard usesS3(artifact, bucket: bucket) else {
            guard let data = FileManager.default.contents(atPath: artifact.path) else {
                throw LifecycleError.localInput("cannot read \(artifact.path)")
            }
            return Staged(source: .zipFile(data), uploadedToS3: 0, route: "direct")
        }
        let targetBucket: String
        if let bucket {
            targetBucket = bucket
        } else {
            let account = try await sts.getCallerIdentity().account
            targetBucket = Self.defaultBucket(account: account, region: region)
            if try await !s3.bucketExists(targetBucket) {
                try await s3.createBucket(targetBucket, region: region)
            }
        }
        let targetKey = key ?? Self.defaultKey(name: name, artifact: artifact)
        var uploaded: Int64 = 0
        // A content-addressed key that exists already holds these bytes; a user's key may not.
        let alreadyStaged = key == nil ? try await s3.objectExists(bucket: targetBucket, key: targetKey) : false
        if !alreadyStaged {
            try await s3.putObject(
                bucket: targetBucket, key: targetKey, filePath: artifact.path, size: artifact.size,
                sha256Hex: artifact.sha256Hex)
            uploaded = artifact.size
        }
        return Staged(source: .s3(bucket: targetBucket, key: targetKey), uploadedToS3: uploaded, route: "s3")
    }
}
