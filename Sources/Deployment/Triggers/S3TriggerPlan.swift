import AWSS3

/// What attaching or detaching an S3 trigger does to a bucket's configuration, decided from the
/// configuration just read: nothing (a rerun), one PUT of the merged configuration, or a
/// refusal before any write. The caller reads, plans, writes, reads back and plans again when
/// a concurrent writer removed the entry (`needsRetry`), a bounded number of times. Pure.
package enum S3TriggerPlan: Sendable, Equatable {
    /// The configuration already holds exactly this entry (attach) or none of it (detach).
    case unchanged
    /// PUT this configuration.
    case write(BucketNotificationConfiguration)
    /// Another entry overlaps ours: S3 would refuse the PUT.
    case refused(S3NotificationOverlap)

    /// The plan to make `entry` part of `current`.
    package static func attach(_ entry: NotificationEntry, to current: BucketNotificationConfiguration) -> Self {
        if S3NotificationMerge.isCurrent(entry, in: current) { return .unchanged }
        if let overlap = S3NotificationMerge.overlap(of: entry, in: current) { return .refused(overlap) }
        return .write(S3NotificationMerge.merging(entry, into: current))
    }

    /// The plan to take the entry with `id` out of `current`.
    package static func detach(id: String, from current: BucketNotificationConfiguration) -> Self {
        let remaining = S3NotificationMerge.removing(id: id, from: current)
        return remaining == current ? .unchanged : .write(remaining)
    }

    /// After a write and a read-back: whether the entry must be merged again (S3 has no
    /// conditional write; a concurrent writer may have replaced the configuration), for attach
    /// (`present` true) or detach.
    package static func needsRetry(_ entry: NotificationEntry, present: Bool, readBack: BucketNotificationConfiguration) -> Bool {
        if present { return !S3NotificationMerge.isCurrent(entry, in: readBack) }
        return readBack.elements.contains { S3NotificationMerge.hasID($0, entry.id) }
    }

    /// S3's answer while the new permission has not reached it yet, retried briefly: 400
    /// `InvalidArgument` "Unable to validate the following destination configurations".
    package static func isUnvalidatedDestination(code: String?, message: String?) -> Bool {
        code == "InvalidArgument" && (message ?? "").hasPrefix("Unable to validate the following destination configurations")
    }

    /// The attempts a caller makes at most (merge, write, read back) before giving up.
    package static let maximumAttempts = 5
}
