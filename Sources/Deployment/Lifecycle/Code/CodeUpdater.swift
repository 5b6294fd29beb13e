import AWSCore
import AWSLambda
import Foundation

/// `update-code`: compare the local CodeSha256 with the function's, upload only when it
/// differs (or `--force`), pin the RevisionId read, wait, then optionally publish and move an alias.
package struct CodeUpdater: Sendable {
    /// What to do.
    package struct Request: Sendable {
        package var name: String
        package var codePath: String
        package var publish: Bool
        package var alias: String?
        package var force: Bool
        package var dryRun: Bool
        package var s3Bucket: String?
        package var s3Key: String?

        /// Creates a request; `alias` implies `publish`.
        package init(
            name: String, codePath: String, publish: Bool = false, alias: String? = nil, force: Bool = false,
            dryRun: Bool = false, s3Bucket: String? = nil, s3Key: String? = nil
        ) {
            self.name = name
            self.codePath = codePath
            self.publish = publish || alias != nil
            self.alias = alias
            self.force = force
            self.dryRun = dryRun
            self.s3Bucket = s3Bucket
            self.s3Key = s3Key
        }
    }

    /// What happened.
    package struct Result: Sendable, Encodable, Equatable {
        package var functionName: String
        package var changed: Bool
        package var dryRun: Bool
        package var codeSha256: String
        package var previousCodeSha256: String?
        package var size: Int64
        /// `direct`, `s3` or `none`.
        package var upload: String
        package var uploadedBytes: Int64
        /// The version published, or (unchanged code) the existing version that matches `$LATEST`.
        package var version: String?
        /// True when a version was (or, with `--dry-run`, would be) published.
        package var published: Bool?
        package var alias: String?
        /// Where the alias pointed before; equal to `version` when it did not move.
        package var aliasPreviousVersion: String?
        package var revisionId: String?
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// Runs it.
    package func run(_ request: Request) async throws -> Result {
        if let alias = request.alias { try NameRules.checkAliasName(alias) }
        try services.loader.validate(request.codePath)
        let artifact = try await services.loader.load(request.codePath)
        let current = try await services.lambda.getFunction(request.name).configuration
        var result = Result(
            functionName: current.functionName ?? request.name, changed: false, dryRun: request.dryRun,
            codeSha256: artifact.codeSHA256, previousCodeSha256: current.codeSHA256, size: artifact.size,
            upload: "none", uploadedBytes: 0, version: nil, alias: nil, revisionId: current.revisionID)
        if current.codeSHA256 == artifact.codeSHA256 && !request.force {
            guard request.publish else { return result }
            return try await release(request, deployed: current, result: result)
        }
        result.changed = true
        let route = services.stager.usesS3(artifact, bucket: request.s3Bucket) ? "s3" : "direct"
        if request.dryRun {
            result.upload = route
            return result
        }
        let staged = try await services.stager.stage(
            artifact, name: request.name, bucket: request.s3Bucket, key: request.s3Key)
        let updated = try await services.waiter.mutate(request.name, current: current) {
            try await Self.pinned(request.name, revisionID: current.revisionID, operation: "UpdateFunctionCode") {
                try await services.lambda.updateFunctionCode(
                    request.name, code: staged.source, revisionID: current.revisionID)
            }
        }
        result.upload = staged.route
        result.uploadedBytes = staged.route == "direct" ? artifact.size : staged.uploadedToS3
        let ready = try await services.waiter.waitUntilReady(request.name, current: updated)
        result.revisionId = ready.revisionID
        result.codeSha256 = ready.codeSHA256 ?? artifact.codeSHA256
        guard request.publish else { return result }
        let published = try await VersionManager(services: services).publish(
            request.name, codeSHA256: result.codeSha256, revisionID: ready.revisionID, current: ready)
        result.version = published.version
        result.published = true
        if let alias = request.alias, let version = published.version {
            let moved = try await VersionManager(services: services).point(request.name, alias: alias, to: version)
            result.alias = alias
            result.aliasPreviousVersion = moved.previousVersion
        }
        return result
    }

    /// Runs `call` and reports a 412 (the RevisionId moved on) as a concurrent change.
    static func pinned<T>(_ function: String, revisionID: String?, operation: String, _ call: () async throws -> T)
        async throws -> T
    {
        do {
            return try await call()
        } catch let error as AWSServiceError where error.isRevisionMismatch {
            throw LifecycleError.concurrentChange(function, revisionID: revisionID, operation: operation)
        }
    }
}
