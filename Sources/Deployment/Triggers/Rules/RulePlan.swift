import AWSEventBridge
import Foundation

/// The names, ids and decisions of an EventBridge rule trigger (pure): the rule's name, the
/// target id, the permission statement, and whether a PutRule or PutTargets is needed.
package enum RulePlan {
    /// The tag that marks a rule lambdactl made, with the function it serves.
    package static let functionTag = "lambdactl:function"
    /// The principal of the permission statement.
    package static let principal = "events.amazonaws.com"

    /// The rule's identity: its name when given, else (function, qualifier, pattern, bus).
    package static func identity(_ rule: RuleTriggerSpec, target: TriggerTarget) -> TriggerIdentity {
        if let name = rule.name { return .named(.rule, function: target.function, qualifier: target.qualifier, name: name) }
        return .rule(function: target.function, qualifier: target.qualifier, pattern: rule.pattern, bus: busName(rule.bus))
    }

    /// The rule's name: `--name` or lambdactl's from the identity.
    package static func name(_ rule: RuleTriggerSpec, target: TriggerTarget) -> String {
        rule.name ?? TriggerNaming.resourceName(for: identity(rule, target: target))
    }

    /// The bus's name (`default` when none; an ARN's last part).
    package static func busName(_ bus: String?) -> String {
        guard let bus, !bus.isEmpty else { return "default" }
        if bus.hasPrefix("arn:"), let slash = bus.lastIndex(of: "/") { return String(bus[bus.index(after: slash)...]) }
        return bus
    }

    /// The target id of the function on the rule: one per (function, qualifier), within
    /// EventBridge's 64 characters of `[.\-_A-Za-z0-9]`.
    package static func targetID(_ target: TriggerTarget) -> String {
        TriggerNaming.name(
            for: TriggerIdentity(kind: .rule, function: target.function, qualifier: target.qualifier, parts: ["target"]),
            limit: 64)
    }

    /// The rule's ARN as EventBridge forms it (`rule/NAME` on `default`, `rule/BUS/NAME` otherwise).
    package static func ruleARN(partition: String, region: String, account: String, bus: String, name: String) -> String {
        let path = bus == "default" ? name : "\(bus)/\(name)"
        return "arn:\(partition):events:\(region):\(account):rule/\(path)"
    }

    /// The bus a rule ARN names (`default` for `rule/NAME`); nil when it is not a rule ARN.
    package static func bus(ofRuleARN arn: String) -> String? {
        guard arn.hasPrefix("arn:"), arn.split(separator: ":").count >= 6, arn.contains(":events:"),
            let range = arn.range(of: ":rule/")
        else { return nil }
        let path = arn[range.upperBound...].split(separator: "/")
        return path.count >= 2 ? String(path[0]) : "default"
    }

    /// Whether the rule needs a PutRule: it is new, its pattern differs (as canonical JSON), or
    /// it is not enabled.
    package static func needsPutRule(_ existing: Rule?, pattern: String) -> [String] {
        guard let existing else { return [] }
        var changes: [String] = []
        let old = existing.eventPattern.map { TriggerIdentity.canonicalJSON($0) ?? $0 }
        let new = TriggerIdentity.canonicalJSON(pattern) ?? pattern
        if old != new { changes.append("pattern: \(old ?? "none") → \(new)") }
        if (existing.state ?? "ENABLED") != "ENABLED" { changes.append("state: \(existing.state ?? "none") → ENABLED") }
        return changes
    }

    /// Whether our target on the rule is missing or points elsewhere.
    package static func targetChange(_ targets: [Target], id: String, functionARN: String) -> String? {
        guard let ours = targets.first(where: { $0.id == id }) else { return nil }
        if ours.arn != functionARN { return "target: \(ours.arn) → \(functionARN)" }
        if ours.input != nil || ours.inputPath != nil { return "target input: back to the whole event" }
        return nil
    }
}
