import AWSCore
import AWSLambda
import AWSS3
import AWSSTS
import Foundation

/// Decides how code reaches Lambda: inline below the direct-upload limit, else through S3 with a
/// content-addressed key, creating the default bucket on first use and skipping the upload
/// when the object is already there.
package struct CodeStager: Sendable {
    /// Lambda takes at most 50 MiB zipped inline (69,905,067 bytes after base64).
    package static let directUploadLimit: Int64 = 52_428_800

    /// S3, for large packages.
    package var s3: S3Client
    /// STS, for the account id in the default bucket name.
    package var sts: STSClient
    /// The function's region.
    package var region: String
    /// Packages larger than this go through S3 (a parameter so tests can lower it).
    package var limit: Int64
    /// `LAMBDACTL_ARTIFACT_EXPIRY_DAYS` as given: days until a staged package expires (default 30).
    package var expiryDaysSetting: String?
    /// Progress lines for stderr (creating or securing the artifact bucket).
    package var progress: @Sendable (String) -> Void
    /// Where a package sent inline is read.
    package var files: any FileSystemView

    /// Creates a stager.
    package init(
        s3: S3Client, sts: STSClient, region: String, files: any FileSystemView, limit: Int64 = CodeStager.directUploadLimit,
        expiryDaysSetting: String? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.files = files
        self.s3 = s3
        self.sts = sts
        self.region = region
        self.limit = limit
        self.expiryDaysSetting = expiryDaysSetting
        self.progress = progress
    }

    /// The staging choice and what it cost.
    package struct Staged: Sendable, Equatable {
        /// What to put in the request.
        package var source: CodeSource
        /// Bytes sent to S3 (0 when inline or already staged).
        package var uploadedToS3: Int64
        /// `direct` or `s3`.
        package var route: String
    }

    /// The default bucket: `lambdactl-artifacts-ACCOUNT-REGION`.
    package static func defaultBucket(account: String, region: String) -> String {
        "lambdactl-artifacts-\(account)-\(region)"
    }

    /// The content-addressed key: `lambdactl/NAME/<sha256hex>.zip`.
    package static func defaultKey(name: String, artifact: CodeArtifact) -> String {
        "\(stagingPrefix)\(name)/\(artifact.sha256Hex).zip"
    }

    /// True when the package must (or was asked to) go through S3.
    package func usesS3(_ artifact: CodeArtifact, bucket: String?) -> Bool {
        bucket != nil || artifact.size > limit
    }

    /// Where staged packages go in the default bucket; the lifecycle rule expires this prefix.
    package static let stagingPrefix = "lambdactl/"
    /// Tag on a bucket lambdactl created.
    package static let createdTag = "lambdactl:created"
    /// Tag saying lambdactl's bucket settings were applied (so they are applied once).
    package static let settingsTag = "lambdactl:settings"
    /// The settings' version, the value of `settingsTag`.
    package static let settingsVersion = "1"

    /// Days until a staged package expires: `LAMBDACTL_ARTIFACT_EXPIRY_DAYS`, default 30 (pure).
    package static func expiryDays(_ setting: String?) throws -> Int {
        guard let setting, !setting.trimmingCharacters(in: .whitespaces).isEmpty else { return 30 }
        guard let days = Int(setting.trimmingCharacters(in: .whitespaces)), days >= 1 else {
            throw LifecycleError.usage(
                "LAMBDACTL_ARTIFACT_EXPIRY_DAYS=\(setting) is not a number of days; set a whole number of at least 1, e.g. LAMBDACTL_ARTIFACT_EXPIRY_DAYS=30")
        }
        return days
    }

    /// Creates the default bucket with lambdactl's settings, or applies them once to one an
    /// earlier lambdactl created without them (its tags lack `lambdactl:settings`).
    func prepareDefaultBucket(_ bucket: String, expiryDays days: Int) async throws {
        let summary = "public access blocked, ACLs disabled (bucket owner enforced), SSE-S3 encryption, "
            + "staged packages expire after \(days) day\(days == 1 ? "" : "s") (LAMBDACTL_ARTIFACT_EXPIRY_DAYS)"
        if try await !s3.bucketExists(bucket) {
            try await s3.createBucket(bucket, region: region)
            try await applySettings(bucket, tags: [:], expiryDays: days)
            progress("created S3 bucket \(bucket) for packages over 50 MB: \(summary)")
            return
        }
        let tags = try await s3.bucketTags(bucket)
        guard tags[Self.settingsTag] == nil else { return }
        try await applySettings(bucket, tags: tags, expiryDays: days)
        progress("applied lambdactl's settings to S3 bucket \(bucket) (created by an earlier lambdactl): \(summary)")
    }

    /// The five settings, tags last so an interrupted run applies them again next time.
    func applySettings(_ bucket: String, tags: [String: String], expiryDays days: Int) async throws {
        try await s3.blockPublicAccess(bucket)
        try await s3.enforceBucketOwner(bucket)
        try await s3.encryptByDefault(bucket)
        try await s3.expireObjects(bucket, prefix: Self.stagingPrefix, days: days, ruleID: "lambdactl-expire-staged-packages")
        var merged = tags
        merged[Self.createdTag] = "true"
        merged[Self.settingsTag] = Self.settingsVersion
        try await s3.setBucketTags(bucket, merged)
    }

    /// Stages `artifact` for function or layer `name`.
    package func stage(_ artifact: CodeArtifact, name: String, bucket: String?, key: String?) async throws -> Staged {
        guard usesS3(artifact, bucket: bucket) else {
            guard let data = files.contents(at: artifact.path) else {
                throw LifecycleError.localInput("cannot read \(artifact.path)")
            }
            return Staged(source: .zipFile(data), uploadedToS3: 0, route: "direct")
        }
        let targetBucket: String
        if let bucket {
            targetBucket = bucket  // the user's bucket: never changed
        } else {
            let days = try Self.expiryDays(expiryDaysSetting)
            let account = try await sts.getCallerIdentity().account
            targetBucket = Self.defaultBucket(account: account, region: region)
            try await prepareDefaultBucket(targetBucket, expiryDays: days)
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
