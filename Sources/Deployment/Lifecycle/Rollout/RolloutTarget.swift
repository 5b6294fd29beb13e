import AWSLambda
import Foundation

/// One alias a rollout moves: from the version it points at to `to`.
package struct RolloutTarget: Sendable, Equatable, Encodable {
    /// The function's name.
    package var function: String
    /// The alias.
    package var alias: String
    /// The version the alias points at when the rollout starts (and goes back to on a rollback).
    package var from: String
    /// The version the traffic moves to.
    package var to: String

    /// Creates a target.
    package init(function: String, alias: String, from: String, to: String) {
        self.function = function
        self.alias = alias
        self.from = from
        self.to = to
    }

    /// `hello:live`.
    package var label: String { "\(function):\(alias)" }
}

/// What AWS refuses about an alias's weights, checked before the first write. Pure.
package enum RolloutRules {
    /// Why `target` cannot be rolled out, or nil. `from` and `to` are the two versions'
    /// configurations: AWS splits an alias's traffic only between published versions with the
    /// same execution role and the same dead-letter config.
    package static func problem(_ target: RolloutTarget, from: FunctionConfiguration, to: FunctionConfiguration) -> String? {
        problem(target) ?? mismatch(target, from: from, to: to)
    }

    /// What the version numbers alone refuse: `$LATEST` on either side, or no move at all.
    package static func problem(_ target: RolloutTarget) -> String? {
        let name = target.function
        if target.to == "$LATEST" {
            return "a rollout moves \(target.alias) to a published version, not $LATEST"
        }
        if target.from == "$LATEST" {
            return "alias \(target.alias) of \(name) points at $LATEST, which cannot share an alias's traffic"
        }
        if target.from == target.to {
            return "alias \(target.alias) of \(name) points at version \(target.to) already"
        }
        return nil
    }

    /// Why AWS cannot split an alias between the two versions (another role or dead-letter
    /// config), or nil.
    package static func mismatch(_ target: RolloutTarget, from: FunctionConfiguration, to: FunctionConfiguration) -> String? {
        let name = target.function
        if (from.role ?? "") != (to.role ?? "") {
            return "versions \(target.from) and \(target.to) of \(name) run with different roles "
                + "(\(from.role ?? "none") and \(to.role ?? "none")), and AWS splits traffic only between versions with the same role"
        }
        let before = from.deadLetterConfig?.targetARN ?? "", after = to.deadLetterConfig?.targetARN ?? ""
        if before != after {
            return "versions \(target.from) and \(target.to) of \(name) have different dead-letter targets "
                + "(\(before.isEmpty ? "none" : before) and \(after.isEmpty ? "none" : after)), and AWS splits traffic only "
                + "between versions with the same dead-letter config"
        }
        return nil
    }
}
