import AWSCore
import AWSS3

extension S3Triggers {
    package func list(function: String) async throws -> [TriggerListing] {
        let permissions = LambdaPermissionsAPI(lambda: services.lambda)
        let statements = try await permissions.statementsOnEveryQualifier(function: function)
        let buckets = Set(statements.filter { $0.principals.contains(Self.principal) }.compactMap(\.sourceARN))
            .compactMap(Self.bucket(fromARN:)).sorted()
        var listings: [TriggerListing] = []
        for bucket in buckets {
            let configuration: BucketNotificationConfiguration
            do {
                configuration = try await services.s3.notificationConfiguration(bucket)
            } catch let error as AWSServiceError where ["NoSuchBucket", "AccessDenied"].contains(error.code) {
                services.warn("bucket \(bucket) named by \(function)'s resource policy: \(error.code) (\(error.message))")
                continue
            }
            for (_, entry) in configuration.destinations where entry.kind == .function {
                guard let arn = FunctionARN(entry.targetARN), arn.name == function else { continue }
                listings.append(listing(entry, bucket: bucket, qualifier: arn.qualifier, function: function))
            }
        }
        return listings
    }

    func listing(_ entry: NotificationEntry, bucket: String, qualifier: String?, function: String) -> TriggerListing {
        let trigger = S3Trigger(
            function: function, qualifier: qualifier, bucket: bucket, events: entry.events, prefix: entry.prefix,
            suffix: entry.suffix)
        let owned = entry.id.map { $0.hasPrefix(TriggerNaming.prefix) } ?? false
        var details = ["events": entry.events.joined(separator: ",")]
        if let prefix = entry.prefix { details["prefix"] = prefix }
        if let suffix = entry.suffix { details["suffix"] = suffix }
        return TriggerListing(
            kind: TriggerKind.s3.rawValue, qualifier: qualifier, source: trigger.bucketARN(), id: entry.id, owned: owned,
            identityHash: owned && entry.id == trigger.notificationID ? trigger.identity.hash : nil, details: details)
    }

    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        let target = TriggerTarget(function: function, qualifier: listing.qualifier)
        guard listing.owned, let id = listing.id, let bucket = Self.bucket(fromARN: listing.source) else {
            throw LifecycleError(.refused, "the S3 notification \(listing.id ?? "?") on \(listing.source) was not made by lambdactl; it is kept")
        }
        let configuration = try await services.s3.notificationConfiguration(bucket)
        let entry = configuration.destinations.map(\.entry).first { $0.id == id }
        let trigger = S3Trigger(
            function: function, qualifier: listing.qualifier, bucket: bucket, events: entry?.events ?? [],
            prefix: entry?.prefix, suffix: entry?.suffix)
        return try await remove(bucket: bucket, id: id, statementID: trigger.statementID, target: target, dryRun: dryRun)
    }

    /// The bucket an `arn:PARTITION:s3:::BUCKET` names.
    static func bucket(fromARN arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "s3", !parts[5].isEmpty, !parts[5].contains("/") else { return nil }
        return String(parts[5])
    }
}
