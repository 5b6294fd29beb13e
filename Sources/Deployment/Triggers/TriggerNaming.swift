/// The names and ids lambdactl gives triggers: `lambdactl-<function>-<kind>-<hash>`, where the
/// hash covers the whole identity (function, qualifier and the kind's parts). Too long a name
/// is cut in the function part only, so the hash survives and two long function names that
/// share a prefix still get two names. Only `[A-Za-z0-9_-]` appear (what rule, schedule and
/// statement ids all allow); anything else in a function name becomes `-`. Pure.
package enum TriggerNaming {
    /// EventBridge rule names: 1–64 of `[.\-_A-Za-z0-9]`.
    package static let ruleNameLimit = 64
    /// EventBridge Scheduler schedule names: 1–64 of `[0-9a-zA-Z-_.]`.
    package static let scheduleNameLimit = 64
    /// S3 notification ids: S3 documents no limit; lambdactl keeps them as short as rule names.
    package static let notificationIDLimit = 64
    /// Lambda `AddPermission` statement ids: 1–100 of `[a-zA-Z0-9-_]`.
    package static let statementIDLimit = 100
    /// The prefix of every name lambdactl gives.
    package static let prefix = "lambdactl-"

    /// The name of the resource `identity` creates, within `limit` characters.
    package static func name(for identity: TriggerIdentity, limit: Int) -> String {
        let tail = "-\(identity.kind.rawValue)-\(identity.hash)"
        let budget = max(0, limit - prefix.count - tail.count)
        return prefix + String(sanitized(identity.function).prefix(budget)) + tail
    }

    /// The name for the kind's own resource: a rule or schedule name, an S3 notification id; the
    /// subscription and mapping kinds, which AWS names itself, get a 64-character label.
    package static func resourceName(for identity: TriggerIdentity) -> String {
        switch identity.kind {
        case .rule: name(for: identity, limit: ruleNameLimit)
        case .schedule: name(for: identity, limit: scheduleNameLimit)
        case .s3: name(for: identity, limit: notificationIDLimit)
        case .sqs, .kinesis, .dynamodb, .sns: name(for: identity, limit: 64)
        }
    }

    /// The `AddPermission` statement id for the trigger: deterministic, so a rerun finds it and
    /// adds none, and detach removes exactly this one.
    package static func statementID(for identity: TriggerIdentity) -> String {
        name(for: identity, limit: statementIDLimit)
    }

    /// Whether `name` has the shape lambdactl gives `function`'s triggers of `kind` within
    /// `limit` (prefix, the function part as cut, the kind, a 12-digit hex hash). A candidate
    /// only: the identity's hash confirms which trigger it is.
    package static func looksOwned(_ name: String, function: String, kind: TriggerKind, limit: Int) -> Bool {
        let tailCount = kind.rawValue.count + 2 + 12
        let budget = max(0, limit - prefix.count - tailCount)
        let head = prefix + String(sanitized(function).prefix(budget)) + "-\(kind.rawValue)-"
        guard name.hasPrefix(head), name.count == head.count + 12 else { return false }
        return name.suffix(12).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    static func sanitized(_ function: String) -> String {
        String(function.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }
}
