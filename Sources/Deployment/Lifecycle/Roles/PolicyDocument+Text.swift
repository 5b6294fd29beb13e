import Foundation

/// One IAM policy statement lambdactl writes: `Effect`, `Action`, `Resource`.
package struct IAMStatement: Sendable, Equatable, Hashable {
    /// `Allow` or `Deny`.
    package var effect: String
    /// Actions such as `dynamodb:PutItem`.
    package var actions: [String]
    /// Resource ARNs (or `*`).
    package var resources: [String]

    /// Creates a statement.
    package init(effect: String, actions: [String], resources: [String]) {
        self.effect = effect
        self.actions = actions
        self.resources = resources
    }
}

/// IAM policy documents as text: checked locally before any call, built deterministically,
/// compared by meaning (pure). See the IAM User Guide, "IAM JSON policy elements reference".
/// The document model that adds and removes statements is `PolicyDocument` in
/// `Triggers/PolicyDocument.swift`; this is the same type.
extension PolicyDocument {
    /// The only policy language version IAM documents should use.
    package static let version = "2012-10-17"

    /// Why `text` is not a policy document IAM would accept, or nil when it looks like one:
    /// JSON, an object with `Version` and `Statement`, each statement with `Effect` (`Allow` or
    /// `Deny`), `Action` (or `NotAction`) and `Resource` (or `NotResource`).
    package static func problem(in text: String) -> String? {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return "is not valid JSON" }
        guard let document = object as? [String: Any] else { return "is not a JSON object" }
        guard let version = document["Version"] as? String else { return "has no \"Version\": add \"Version\": \"2012-10-17\"" }
        guard ["2012-10-17", "2008-10-17"].contains(version) else {
            return "has Version \(version); IAM knows \"2012-10-17\""
        }
        let statements: [Any]
        switch document["Statement"] {
        case let list as [Any]: statements = list
        case let single as [String: Any]: statements = [single]
        default: return "has no \"Statement\" list"
        }
        if statements.isEmpty { return "has an empty \"Statement\" list" }
        for (index, element) in statements.enumerated() {
            guard let statement = element as? [String: Any] else { return "statement \(index + 1) is not an object" }
            if let problem = problem(inStatement: statement) { return "statement \(index + 1) \(problem)" }
        }
        return nil
    }

    static func problem(inStatement statement: [String: Any]) -> String? {
        guard let effect = statement["Effect"] as? String else { return "has no \"Effect\" (Allow or Deny)" }
        guard effect == "Allow" || effect == "Deny" else { return "has Effect \(effect); use Allow or Deny" }
        guard isStringOrList(statement["Action"]) || isStringOrList(statement["NotAction"]) else {
            return "has no \"Action\" (a string or a list of strings)"
        }
        guard isStringOrList(statement["Resource"]) || isStringOrList(statement["NotResource"]) else {
            return "has no \"Resource\" (a string or a list of strings)"
        }
        return nil
    }

    static func isStringOrList(_ value: Any?) -> Bool {
        if value is String { return true }
        guard let list = value as? [Any], !list.isEmpty else { return false }
        return list.allSatisfy { $0 is String }
    }

    /// Why `statement` would not be accepted, or nil (the deploy config's inline statements).
    package static func problem(in statement: IAMStatement) -> String? {
        if statement.effect != "Allow" && statement.effect != "Deny" { return "effect must be Allow or Deny" }
        if statement.actions.isEmpty { return "needs at least one action, e.g. dynamodb:GetItem" }
        if let bad = statement.actions.first(where: { $0 != "*" && !$0.contains(":") }) {
            return "action \(bad) is not service:Action, e.g. dynamodb:GetItem"
        }
        if statement.resources.isEmpty { return "needs at least one resource ARN (or \"*\")" }
        if let bad = statement.resources.first(where: { $0 != "*" && !$0.hasPrefix("arn:") }) {
            return "resource \(bad) is not an ARN (arn:…) or \"*\""
        }
        return nil
    }

    /// The compact JSON of a document with `statements`, keys sorted: the same statements always
    /// give the same bytes.
    package static func text(_ statements: [IAMStatement]) -> String {
        let objects: [[String: Any]] = statements.map {
            ["Effect": $0.effect, "Action": $0.actions, "Resource": $0.resources]
        }
        return canonicalText(["Version": version, "Statement": objects]) ?? ""
    }

    /// True when two documents say the same (parsed and compared with sorted keys; whitespace and
    /// IAM's own re-formatting do not count); false when either does not parse.
    package static func sameMeaning(_ left: String, _ right: String) -> Bool {
        guard let a = canonical(left), let b = canonical(right) else { return false }
        return a == b
    }

    /// `text` re-serialised with sorted keys, or nil when it is not JSON.
    static func canonical(_ text: String) -> String? {
        guard let data = text.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else {
            return nil
        }
        return canonicalText(object)
    }

    static func canonicalText(_ object: Any) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
