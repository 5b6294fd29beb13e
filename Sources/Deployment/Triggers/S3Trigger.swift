import AWSS3

/// An S3 trigger as the user asks for it: the function (and qualifier) the bucket's events
/// invoke, the events and the key filter. Its notification id is deterministic
/// (`lambdactl-<function>-s3-<hash>`), so a rerun finds and replaces exactly its own entry.
package struct S3Trigger: Sendable, Equatable {
    /// S3's default event when none is given.
    package static let defaultEvents = ["s3:ObjectCreated:*"]

    /// The function's name.
    package var function: String
    /// The alias or version invoked; nil for the unqualified function.
    package var qualifier: String?
    /// The bucket's name.
    package var bucket: String
    /// The events, deduplicated and sorted.
    package var events: [String]
    /// The key prefix filter; nil or empty for none.
    package var prefix: String?
    /// The key suffix filter; nil or empty for none.
    package var suffix: String?

    /// Creates a trigger; no events means `s3:ObjectCreated:*`, an empty prefix or suffix none.
    package init(function: String, qualifier: String?, bucket: String, events: [String], prefix: String?, suffix: String?) {
        self.function = function
        self.qualifier = qualifier.flatMap { $0.isEmpty ? nil : $0 }
        self.bucket = bucket
        self.events = Set(events.isEmpty ? Self.defaultEvents : events).sorted()
        self.prefix = prefix.flatMap { $0.isEmpty ? nil : $0 }
        self.suffix = suffix.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// (function, qualifier, bucket, events, prefix, suffix).
    package var identity: TriggerIdentity {
        .s3(function: function, qualifier: qualifier, bucket: bucket, events: events, prefix: prefix, suffix: suffix)
    }

    /// The notification entry's `Id`.
    package var notificationID: String { TriggerNaming.resourceName(for: identity) }

    /// The statement id of the `AddPermission` that lets this bucket invoke the function.
    package var statementID: String { TriggerNaming.statementID(for: identity) }

    /// The bucket's ARN (`SourceArn` of the permission; `SourceAccount` goes with it).
    package func bucketARN(partition: String = "aws") -> String { "arn:\(partition):s3:::\(bucket)" }

    /// The entry lambdactl writes, invoking `functionARN` (qualified when the trigger is).
    package func entry(functionARN: String) -> NotificationEntry {
        NotificationEntry(
            kind: .function, id: notificationID, targetARN: functionARN, events: events, prefix: prefix, suffix: suffix)
    }
}
