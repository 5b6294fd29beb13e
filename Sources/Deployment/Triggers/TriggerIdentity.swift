import Foundation
import SigV4

/// The kinds of trigger, with the word their names carry (`lambdactl-<function>-<kind>-<hash>`).
package enum TriggerKind: String, Sendable, Equatable, CaseIterable {
    /// An event-source mapping on an SQS queue.
    case sqs
    /// An event-source mapping on a Kinesis stream.
    case kinesis
    /// An event-source mapping on a DynamoDB table's stream.
    case dynamodb
    /// An S3 bucket notification entry.
    case s3
    /// An EventBridge Scheduler schedule.
    case schedule
    /// An EventBridge rule with the function as target.
    case rule
    /// An SNS subscription.
    case sns
}

/// What makes two attaches "the same trigger" (issue 11, "Identity, per kind"): a mapping is
/// (function, qualifier, source ARN); an S3 trigger (function, qualifier, bucket, events,
/// prefix, suffix); a schedule or rule its name, or without one (function, qualifier,
/// expression or pattern, bus); an SNS trigger (function, qualifier, topic). Options outside
/// the identity (batch size, timezone, filter policy, …) change a trigger in place. Pure.
package struct TriggerIdentity: Sendable, Hashable {
    /// The kind.
    package var kind: TriggerKind
    /// The function's name (not its ARN).
    package var function: String
    /// The alias or version the trigger invokes; nil for the unqualified function.
    package var qualifier: String?
    /// The kind's own identity components, normalised.
    package var parts: [String]

    /// Creates an identity from its components.
    package init(kind: TriggerKind, function: String, qualifier: String?, parts: [String]) {
        self.kind = kind
        self.function = function
        self.qualifier = qualifier.flatMap { $0.isEmpty ? nil : $0 }
        self.parts = parts
    }

    /// An event-source mapping: one per (function, qualifier, source), as AWS allows.
    package static func mapping(_ kind: TriggerKind, function: String, qualifier: String?, sourceARN: String) -> Self {
        Self(kind: kind, function: function, qualifier: qualifier, parts: [sourceARN])
    }

    /// An S3 notification: events are a set (order and repeats do not matter); no prefix and an
    /// empty prefix are the same filter.
    package static func s3(
        function: String, qualifier: String?, bucket: String, events: [String], prefix: String?, suffix: String?
    ) -> Self {
        Self(
            kind: .s3, function: function, qualifier: qualifier,
            parts: [bucket, Set(events).sorted().joined(separator: ","), prefix ?? "", suffix ?? ""])
    }

    /// A schedule without `--name`: its expression (the timezone is an option, not identity).
    package static func schedule(function: String, qualifier: String?, expression: String) -> Self {
        Self(kind: .schedule, function: function, qualifier: qualifier, parts: ["expression", expression])
    }

    /// A rule without `--name`: its pattern (compared as canonical JSON, `canonicalJSON`) and bus.
    package static func rule(function: String, qualifier: String?, pattern: String, bus: String?) -> Self {
        Self(
            kind: .rule, function: function, qualifier: qualifier,
            parts: ["pattern", canonicalJSON(pattern) ?? pattern, bus ?? "default"])
    }

    /// A schedule or rule the user named: the name is the identity.
    package static func named(_ kind: TriggerKind, function: String, qualifier: String?, name: String) -> Self {
        Self(kind: kind, function: function, qualifier: qualifier, parts: ["name", name])
    }

    /// An SNS subscription: one per (function, qualifier, topic).
    package static func sns(function: String, qualifier: String?, topicARN: String) -> Self {
        Self(kind: .sns, function: function, qualifier: qualifier, parts: [topicARN])
    }

    /// The first 12 hex digits of the SHA-256 of the identity, each component length-prefixed
    /// so no two identities share an encoding.
    package var hash: String {
        let components = [kind.rawValue, function, qualifier ?? ""] + parts
        let encoded = components.map { "\($0.utf8.count):\($0)" }.joined()
        return Digest.sha256(encoded).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// JSON text with object keys sorted and no insignificant space, so `{"b":1, "a":2}` and
    /// `{"a":2,"b":1}` are one pattern; nil when `text` is not JSON.
    package static func canonicalJSON(_ text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
