import AWSLambda
import Foundation

/// One changed field of a deploy step, old → new, in the config's own names (`memory: 512 →
/// 1024`). Environment values are never shown: only which variables change. Pure.
package struct FieldChange: Sendable, Equatable, Encodable {
    /// The config key: `memory`, `timeout`, `handler`, `runtime`, `description`, `environment`,
    /// `layers`, `code`, `tags.KEY`, `version`.
    package var field: String
    /// The value now; nil when there is none (or, for `environment`, never shown).
    package var old: String?
    /// The value after the step; nil when it is not known yet or not shown.
    package var new: String?
    /// For `environment`: which variables change (`STAGE changed, DEBUG added`), never their values.
    package var note: String?

    /// Creates a change.
    package init(_ field: String, old: String?, new: String?, note: String? = nil) {
        self.field = field
        self.old = old
        self.new = new
        self.note = note
    }

    /// `memory: 512 → 1024`, `environment: changed (STAGE changed)`, `tags.team: (none) → web`.
    package var text: String {
        if let note { return "\(field): \(note)" }
        return "\(field): \(old ?? "(none)") → \(new ?? "(new)")"
    }

    /// The configuration fields `changes` sets, each with its current value in `current`.
    package static func configuration(_ changes: ConfigurationChanges, current: FunctionConfiguration) -> [FieldChange] {
        var list: [FieldChange] = []
        func add(_ field: String, _ old: CustomStringConvertible?, _ new: CustomStringConvertible?) {
            guard let new else { return }
            list.append(FieldChange(field, old: old.map(\.description), new: new.description))
        }
        add("memory", current.memorySize, changes.memorySize)
        add("timeout", current.timeout, changes.timeout)
        add("handler", current.handler, changes.handler)
        add("runtime", current.runtime, changes.runtime)
        if let description = changes.description {
            list.append(FieldChange("description", old: quoted(current.description ?? ""), new: quoted(description)))
        }
        if let environment = changes.environment {
            list.append(FieldChange("environment", old: nil, new: nil, note: environmentNote(current.variables, environment)))
        }
        if let layers = changes.layers {
            list.append(FieldChange("layers", old: layerList(current.layerARNs), new: layerList(layers)))
        }
        return list + settings(changes.settings, current: current)
    }

    /// Which variables are added, changed or removed, by name only (values may be secrets).
    static func environmentNote(_ old: [String: String], _ new: [String: String]) -> String {
        var parts: [String] = []
        let changed = new.keys.filter { old[$0] != nil && old[$0] != new[$0] }.sorted()
        let added = new.keys.filter { old[$0] == nil }.sorted()
        let removed = old.keys.filter { new[$0] == nil }.sorted()
        if !changed.isEmpty { parts.append(changed.joined(separator: ", ") + " changed") }
        if !added.isEmpty { parts.append(added.joined(separator: ", ") + " added") }
        if !removed.isEmpty { parts.append(removed.joined(separator: ", ") + " removed") }
        return "changed (" + (parts.isEmpty ? "values hidden" : parts.joined(separator: "; ")) + ")"
    }

    /// Tags that are added or overwritten.
    package static func tags(_ changes: [String: String], current: [String: String]) -> [FieldChange] {
        changes.keys.sorted().map { FieldChange("tags.\($0)", old: current[$0], new: changes[$0]) }
    }

    /// `[deps:4, other:1]`: each layer ARN as `name:version`.
    static func layerList(_ arns: [String]) -> String {
        "[" + arns.map { $0.split(separator: ":").suffix(2).joined(separator: ":") }.joined(separator: ", ") + "]"
    }

    static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
