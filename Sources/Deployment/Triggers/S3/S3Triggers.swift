import AWSCore
import AWSLambda
import AWSS3

/// S3 bucket notifications that invoke a function: the permission first (principal
/// `s3.amazonaws.com`, `SourceArn` the bucket, `SourceAccount` the function's account), then
/// lambdactl's own entry merged into the bucket's configuration, everything else written back
/// unchanged, read back and merged again when a concurrent writer removed it.
package struct S3Triggers: TriggerHandler {
    /// The shared clients.
    package var services: TriggerServices
    /// One writer per bucket, shared by everything this handler runs.
    package var locks: BucketWriteLocks

    /// Creates the handler.
    package init(services: TriggerServices, locks: BucketWriteLocks = BucketWriteLocks()) {
        self.services = services
        self.locks = locks
    }

    package var kinds: Set<TriggerKind> { [.s3] }

    static let principal = "s3.amazonaws.com"

    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        let s3 = try Self.spec(spec)
        guard Self.isBucketName(s3.bucket) else {
            throw LifecycleError(
                .usage, "'\(s3.bucket)' is not an S3 bucket name: give the bucket's name (3-63 lower-case letters, digits, '.', '-')")
        }
        for event in s3.events where !event.hasPrefix("s3:") {
            throw LifecycleError(.usage, "'\(event)' is not an S3 event type: write it like s3:ObjectCreated:* or s3:ObjectRemoved:Delete")
        }
    }

    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        try trigger(Self.spec(spec), target).identity
    }

    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let trigger = try trigger(Self.spec(spec), target)
        let function = try await FunctionFacts.resolve(target, services: services)
        try await refuseOtherRegion(trigger.bucket, function: function)
        let entry = trigger.entry(functionARN: function.invokedARN)
        let source = trigger.bucketARN(partition: function.arn.partition)
        let permission = PermissionRequest(
            statementID: trigger.statementID, principal: Self.principal, sourceARN: source,
            sourceAccount: function.arn.account)
        return try await locks.withLock(trigger.bucket) {
            let current = try await services.s3.notificationConfiguration(trigger.bucket)
            let plan = S3TriggerPlan.attach(entry, to: current)
            if case .refused(let overlap) = plan {
                throw LifecycleError(
                    .refused, "bucket \(trigger.bucket): \(overlap.description), or detach that trigger first")
            }
            let hasPermission = try await function.permissions.policy(function: target.function, qualifier: target.qualifier)
                .contains { $0.sid == trigger.statementID && $0.grants(permission) }
            var notes: [String] = []
            if !hasPermission { notes.append("permission \(trigger.statementID) for s3.amazonaws.com on \(source)") }
            let action: TriggerResult.Action =
                switch (plan == .unchanged, hasPermission) {
                case (true, true): .unchanged
                case (true, false): .updated
                case (false, _): current.hasEntry(entry.id) ? .updated : .created
                }
            let otherOwn = current.destinations.contains { destination in
                guard let id = destination.entry.id, id != entry.id else { return false }
                return TriggerNaming.looksOwned(
                    id, function: target.function, kind: .s3, limit: TriggerNaming.notificationIDLimit)
            }
            if action == .created, otherOwn {
                notes.append("a new trigger: events, prefix and suffix are its identity; another S3 trigger of the function stays until detached")
            }
            if !dryRun, action != .unchanged {
                if !hasPermission {
                    try await function.permissions.addPermission(
                        function: target.function, qualifier: target.qualifier, permission: permission)
                }
                try await writeUntilPresent(entry, bucket: trigger.bucket, first: current)
            }
            return TriggerResult(kind: .s3, target: target, source: source, id: entry.id, action: action, notes: notes, dryRun: dryRun)
        }
    }

    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let trigger = try trigger(Self.spec(spec), target)
        return try await remove(
            bucket: trigger.bucket, id: trigger.notificationID, statementID: trigger.statementID, target: target,
            dryRun: dryRun)
    }

    /// The entry out of the bucket's configuration (everything else written back unchanged),
    /// then exactly its permission statement.
    func remove(bucket: String, id: String, statementID: String, target: TriggerTarget, dryRun: Bool) async throws
        -> TriggerResult
    {
        let permissions = LambdaPermissionsAPI(lambda: services.lambda)
        let source = "arn:aws:s3:::\(bucket)"
        return try await locks.withLock(bucket) {
            let current: BucketNotificationConfiguration
            do {
                current = try await services.s3.notificationConfiguration(bucket)
            } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
                current = BucketNotificationConfiguration()  // the bucket is gone, and its entry with it
            }
            let statement = try await permissions.policy(function: target.function, qualifier: target.qualifier)
                .first { $0.sid == statementID }
            let plan = S3TriggerPlan.detach(id: id, from: current)
            guard plan != .unchanged || statement != nil else {
                return TriggerResult(kind: .s3, target: target, source: source, id: id, action: .absent, dryRun: dryRun)
            }
            var notes: [String] = []
            if statement != nil { notes.append("permission \(statementID) removed") }
            if !dryRun {
                if case .write = plan { try await writeUntilAbsent(id, bucket: bucket, first: current) }
                if statement != nil {
                    try await permissions.removePermission(function: target.function, qualifier: target.qualifier, statementID: statementID)
                }
            }
            return TriggerResult(
                kind: .s3, target: target, source: statement?.sourceARN ?? source, id: id, action: .removed, notes: notes,
                dryRun: dryRun)
        }
    }

    /// Writes the merged configuration, retrying S3's "Unable to validate" briefly, reading back
    /// and merging again (bounded) when a concurrent writer removed the entry.
    func writeUntilPresent(_ entry: NotificationEntry, bucket: String, first: BucketNotificationConfiguration) async throws {
        var current = first
        for attempt in 1...S3TriggerPlan.maximumAttempts {
            switch S3TriggerPlan.attach(entry, to: current) {
            case .unchanged: return
            case .refused(let overlap):
                throw LifecycleError(.conflict, "bucket \(bucket) now has \(overlap.description); detach it or choose another prefix or suffix")
            case .write(let merged):
                do {
                    try await services.s3.setNotificationConfiguration(bucket, merged)
                } catch let error as AWSServiceError
                    where S3TriggerPlan.isUnvalidatedDestination(code: error.code, message: error.message)
                    && attempt < S3TriggerPlan.maximumAttempts
                {
                    services.progress("S3 cannot see the new permission yet; retrying")
                    try await services.time.sleep(.seconds(attempt))
                    current = try await services.s3.notificationConfiguration(bucket)
                    continue
                } catch let error as AWSServiceError where error.code == "OperationAborted" && attempt < S3TriggerPlan.maximumAttempts {
                    // Another process (a second deploy) is writing this bucket's notifications.
                    services.progress("another writer is changing bucket \(bucket)'s notifications; waiting and merging again")
                    try await services.time.sleep(.milliseconds(500 * attempt))
                    current = try await services.s3.notificationConfiguration(bucket)
                    continue
                }
            }
            current = try await services.s3.notificationConfiguration(bucket)
            if !S3TriggerPlan.needsRetry(entry, present: true, readBack: current) { return }
            services.progress("another writer changed bucket \(bucket)'s notifications; merging again")
        }
        throw LifecycleError(
            .conflict, "bucket \(bucket)'s notifications kept changing under lambdactl; run the command again when nothing else writes them")
    }

    /// Writes the configuration without entry `id`, read back and again (bounded) when a concurrent writer restored it.
    func writeUntilAbsent(_ id: String, bucket: String, first: BucketNotificationConfiguration) async throws {
        var current = first
        for attempt in 1...S3TriggerPlan.maximumAttempts {
            guard case .write(let remaining) = S3TriggerPlan.detach(id: id, from: current) else { return }
            do {
                try await services.s3.setNotificationConfiguration(bucket, remaining)
            } catch let error as AWSServiceError where error.code == "OperationAborted" && attempt < S3TriggerPlan.maximumAttempts {
                services.progress("another writer is changing bucket \(bucket)'s notifications; waiting and merging again")
                try await services.time.sleep(.milliseconds(500 * attempt))
                current = try await services.s3.notificationConfiguration(bucket)
                continue
            }
            current = try await services.s3.notificationConfiguration(bucket)
            if !current.hasEntry(id) { return }
        }
        throw LifecycleError(.conflict, "bucket \(bucket)'s notifications kept changing under lambdactl; run the command again")
    }

    /// Refuses, before any write, a bucket outside the function's region: S3 cannot notify across regions.
    func refuseOtherRegion(_ bucket: String, function: FunctionFacts) async throws {
        let region: String
        do {
            region = try await services.s3.bucketRegion(bucket)
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
            throw LifecycleError(.refused, "bucket \(bucket) does not exist (\(error.message)); create it or check the name")
        }
        guard region == function.arn.region else {
            throw LifecycleError(
                .refused,
                "bucket \(bucket) is in \(region) and function \(function.arn.name) in \(function.arn.region): S3 cannot notify across regions; use a bucket in \(function.arn.region)")
        }
    }

    func trigger(_ spec: S3TriggerSpec, _ target: TriggerTarget) -> S3Trigger {
        S3Trigger(
            function: target.function, qualifier: target.qualifier, bucket: spec.bucket,
            events: spec.events.isEmpty ? S3Trigger.defaultEvents : spec.events, prefix: spec.prefix, suffix: spec.suffix)
    }

    static func spec(_ spec: TriggerSpec) throws -> S3TriggerSpec {
        guard case .s3(let s3) = spec else { throw LifecycleError(.usage, "not an S3 trigger") }
        return s3
    }

    /// S3's bucket-name rules, enough to refuse a typo or an ARN before a call.
    static func isBucketName(_ name: String) -> Bool {
        (3...63).contains(name.count)
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-") }
            && name.first.map { $0.isLetter || $0.isNumber } == true && name.last.map { $0.isLetter || $0.isNumber } == true
    }
}

extension BucketNotificationConfiguration {
    /// True when an element carries `id`.
    func hasEntry(_ id: String?) -> Bool { elements.contains { S3NotificationMerge.hasID($0, id) } }
}
