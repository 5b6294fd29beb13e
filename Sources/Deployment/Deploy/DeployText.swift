import Foundation

/// One line of text per step (pure).
package enum DeployText {
    /// `layer deps: published version 4`, `function hello: configuration updated (MemorySize)`, …
    package static func line(for step: DeployStep, dryRun: Bool) -> String {
        let verb: String
        switch (step.change, dryRun) {
        case (.unchanged, _): verb = "unchanged"
        case (.create, false): verb = "created"
        case (.create, true): verb = "would create"
        case (.update, false): verb = step.action == .updateCode ? "code updated" : "updated"
        case (.update, true): verb = step.action == .updateCode ? "would update code" : "would update"
        case (.publish, false): verb = "published"
        case (.publish, true): verb = "would publish"
        case (.move, false): verb = "moved"
        case (.move, true): verb = "would move"
        case (.ensure, _): verb = dryRun ? "would ensure" : "ensured"
        }
        return "\(subject(step)): \(verb)" + extras(step)
    }

    /// `+ trigger sqs orders`, `~ trigger sqs orders (batch_size: 10 → 20)`, `= trigger …`,
    /// `- trigger …`, `trigger … not in the file (kept)`; `keptAdvice` ends a kept line.
    package static func line(for step: TriggerStep, keptAdvice: String = "") -> String {
        var subject = "trigger \(step.kind) \(step.source)"
        if let qualifier = step.qualifier { subject += " → :\(qualifier)" }
        var extras = step.changes
        extras += step.notes
        let tail = extras.isEmpty ? "" : " (\(extras.joined(separator: "; ")))"
        switch step.change {
        case .create: return "+ \(subject)\(tail)"
        case .update: return "~ \(subject)\(tail)"
        case .unchanged: return "= \(subject)"
        case .remove: return "- \(subject)" + (step.id.map { " (\($0))" } ?? "")
        case .keep: return "  \(subject) not in the file (kept\(keptAdvice))"
        }
    }

    /// `+ alarm hello-errors-sum`, `~ alarm … (threshold: 1 → 5)`, `= alarm …`, `- alarm …`,
    /// `alarm … not in the file (kept)`; `keptAdvice` ends a kept line.
    package static func line(for step: AlarmStep, keptAdvice: String = "") -> String {
        let subject = "alarm \(step.name)"
        let tail = step.changes.isEmpty ? "" : " (\(step.changes.joined(separator: "; ")))"
        switch step.change {
        case .create: return "+ \(subject)"
        case .update: return "~ \(subject)\(tail)"
        case .unchanged: return "= \(subject)"
        case .remove: return "- \(subject)"
        case .keep: return "  \(subject) not in the file (kept\(keptAdvice))"
        }
    }

    /// `alias live: FAILED: AccessDeniedException: … (HTTP 403, request id …)`.
    package static func failedLine(for step: DeployStep, error: String) -> String {
        "\(subject(step)): FAILED: \(error)"
    }

    /// `alias live: not started; would move (version: 1 → (new))`.
    package static func notStartedLine(for step: DeployStep) -> String {
        let planned = line(for: step, dryRun: true)
        return "\(subject(step)): not started; " + planned.dropFirst(subject(step).count + 2)
    }

    /// The text after the verb: each changed field old → new (or the field names), then the detail.
    static func extras(_ step: DeployStep) -> String {
        var extras: [String] = []
        if let diff = step.diff, !diff.isEmpty {
            extras.append(diff.map(\.text).joined(separator: ", "))
        } else if let fields = step.fields, !fields.isEmpty {
            extras.append(fields.joined(separator: ", "))
        }
        if let detail = step.detail, !detail.isEmpty { extras.append(detail) }
        return extras.isEmpty ? "" : " (\(extras.joined(separator: "; ")))"
    }

    /// What a step acts on: `function hello configuration`, `alias live`, …
    static func subject(_ step: DeployStep) -> String {
        let subject: String
        switch step.action {
        case .publishLayer: subject = "layer \(step.target)"
        case .createFunction, .updateCode: subject = "function \(step.target)"
        case .updateRole, .createRole: subject = "role \(step.target)"
        case .switchRole: subject = "function \(step.target) role"
        case .updateConfiguration: subject = "function \(step.target) configuration"
        case .updateTags: subject = "function \(step.target) tags"
        case .publishVersion: subject = "version of \(step.target)"
        case .moveAlias: subject = "alias \(step.target)"
        case .attachRoutes: subject = "routes on \(step.target)"
        case .reservedConcurrency: subject = "reserved concurrency of \(step.target)"
        case .provisionedConcurrency: subject = "provisioned concurrency on \(step.target)"
        case .asyncConfig: subject = "asynchronous invocation of \(step.target)"
        case .functionURL: subject = "function URL of \(step.target)"
        case .triggers: subject = "triggers of \(step.target)"
        case .alarms: subject = "alarms of \(step.target)"
        }
        return subject
    }
}
