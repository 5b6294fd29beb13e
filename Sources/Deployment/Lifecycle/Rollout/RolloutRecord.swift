import Foundation

/// A rollout's start and end, kept in one function tag per alias beside the alias history
/// (`lambdactl:rollout:live=from=3 to=4 started=2026-12-03T17:00:00Z completed=2026-12-03T17:04:10Z`),
/// so whoever looks at the function sees what the last rollout did and when. Pure.
package enum RolloutRecord {
    /// The tag key prefix.
    package static let keyPrefix = "lambdactl:rollout:"

    /// The tag key for `alias`, never longer than AWS's 128 characters.
    package static func tagKey(for alias: String) -> String {
        AliasHistory.tagKey(prefix: keyPrefix, alias: alias)
    }

    /// The value when the rollout starts.
    package static func started(_ target: RolloutTarget, at time: Date) -> String {
        "from=\(target.from) to=\(target.to) started=\(stamp(time))"
    }

    /// The value when it ends: `outcome` is `completed`, `rolled-back` or `interrupted`.
    package static func ended(_ target: RolloutTarget, started start: Date, outcome: String, at time: Date) -> String {
        started(target, at: start) + " \(outcome)=\(stamp(time))"
    }

    /// `2026-12-03T17:00:00Z` (only characters AWS allows in tag values).
    static func stamp(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: time)
    }
}
