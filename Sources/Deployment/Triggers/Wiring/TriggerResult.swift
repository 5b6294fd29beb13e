/// What one attach or detach did (or, with a dry run, would do): one value for the text and
/// JSON output, and for the deploy plan.
package struct TriggerResult: Sendable, Equatable, Encodable {
    /// What happened to the trigger.
    package enum Action: String, Sendable, Equatable, Encodable {
        /// It did not exist and now does.
        case created
        /// It existed and options changed in place.
        case updated
        /// It existed exactly as asked: no write.
        case unchanged
        /// It existed and was removed.
        case removed
        /// Detach of a trigger that does not exist: no write.
        case absent
    }

    /// `sqs`, `kinesis`, `dynamodb`, `s3`, `schedule`, `rule` or `sns`.
    package var kind: String
    /// The function.
    package var function: String
    /// The qualifier invoked, if any.
    package var qualifier: String?
    /// The source's ARN (queue, stream, bucket, topic, event bus) or the schedule expression.
    package var source: String
    /// The trigger's own id: the mapping UUID, the schedule or rule name, the notification id,
    /// the subscription ARN (nil when not known yet, e.g. a dry run of a create).
    package var id: String?
    /// What happened.
    package var action: Action
    /// The options that changed, as `name: old → new` (empty unless updated).
    package var changes: [String]
    /// Everything else done or that would be done, one short line each (the permission
    /// statement added, the role statement written, "a new trigger: its identity changed").
    package var notes: [String]
    /// True when nothing was written because the caller asked for a dry run.
    package var dryRun: Bool

    /// Creates a result.
    package init(
        kind: TriggerKind, target: TriggerTarget, source: String, id: String?, action: Action, changes: [String] = [],
        notes: [String] = [], dryRun: Bool = false
    ) {
        self.kind = kind.rawValue
        self.function = target.function
        self.qualifier = target.qualifier
        self.source = source
        self.id = id
        self.action = action
        self.changes = changes
        self.notes = notes
        self.dryRun = dryRun
    }

    /// True when the call wrote (or would write) something.
    package var writes: Bool { action != .unchanged && action != .absent }
}

/// One way the function can be invoked, as `triggers NAME` lists it.
package struct TriggerListing: Sendable, Equatable, Encodable {
    /// `sqs`, `kinesis`, `dynamodb`, `s3`, `schedule`, `rule`, `sns`, `route`, `url`, or
    /// `permission` (a resource-policy statement nothing else explains).
    package var kind: String
    /// The qualifier invoked, if any.
    package var qualifier: String?
    /// The source: an ARN, a route key, a URL, a schedule expression.
    package var source: String
    /// The trigger's own id (mapping UUID, schedule/rule name, notification id, subscription
    /// ARN, route id), when it has one.
    package var id: String?
    /// Its state, where AWS reports one (`Enabled`, `ENABLED`, …).
    package var state: String?
    /// True when lambdactl made it (a `lambdactl-` name or the `lambdactl:function` tag).
    package var owned: Bool
    /// The identity hash (`TriggerIdentity.hash`) of a lambdactl-made trigger, so `deploy`
    /// can tell which ones the file no longer lists.
    package var identityHash: String?
    /// The options worth showing (batch size, events and filters, timezone, …), by name.
    package var details: [String: String]

    /// Creates a listing.
    package init(
        kind: String, qualifier: String?, source: String, id: String?, state: String? = nil, owned: Bool,
        identityHash: String? = nil, details: [String: String] = [:]
    ) {
        self.kind = kind
        self.qualifier = qualifier
        self.source = source
        self.id = id
        self.state = state
        self.owned = owned
        self.identityHash = identityHash
        self.details = details
    }
}
