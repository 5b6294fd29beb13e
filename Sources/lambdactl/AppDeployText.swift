import Deployment
import Foundation

/// The text of an app deploy's report (pure): layers, then each function (one line when
/// nothing changes, else its changed steps indented), then each API, then a summary line.
enum AppDeployText {
    /// The whole report.
    static func text(_ report: AppDeployReport) -> String {
        var lines = report.role.map { [DeployText.line(for: $0, dryRun: report.dryRun)] } ?? []
        lines += report.layers.map { DeployText.line(for: $0, dryRun: report.dryRun) }
        for function in report.functions { lines += self.lines(for: function, dryRun: report.dryRun) }
        for api in report.apis { lines += self.lines(for: api, dryRun: report.dryRun) }
        if let removals = report.removals {
            lines += removals.map { line(for: $0, dryRun: report.dryRun) }
        } else {
            lines += (report.notInFile ?? []).map { "  function \($0): not in the file (kept; deploy --prune removes it)" }
        }
        lines += RolloutText.lines(report.rollout)
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    /// One function's lines.
    static func lines(for function: AppFunctionReport, dryRun: Bool) -> [String] {
        let name = function.name
        switch function.status {
        case .notOwned:
            let owner = function.owner.map { "belongs to app \($0)" } ?? "is not tagged for this app"
            return ["! \(name): exists and \(owner); left alone (deploy --adopt takes it over)"]
        case .notStarted:
            return ["  \(name): not started"]
        case .planned, .deployed, .failed:
            break
        }
        guard let report = function.report else { return ["  \(name): FAILED: \(function.error ?? "failed")"] }
        let steps = report.steps.filter(\.changes).map { "    " + DeployText.line(for: $0, dryRun: dryRun) }
        let triggers = (report.triggers ?? []).filter { $0.change != .unchanged }
            .map { "    " + DeployText.line(for: $0, keptAdvice: "; deploy --prune removes it") }
        let alarms = (report.alarms ?? []).filter { $0.change != .unchanged }
            .map { "    " + DeployText.line(for: $0, keptAdvice: "; deploy --prune removes it") }
        var lines: [String]
        if function.status == .failed {
            lines = ["x \(name): FAILED: \(function.error ?? report.error ?? "failed")"]
        } else if steps.isEmpty && triggers.isEmpty && alarms.isEmpty {
            return ["= \(name): up to date"]
        } else {
            let verb = dryRun ? "would change" : (function.adopted == true ? "adopted and deployed" : "deployed")
            lines = ["~ \(name): \(verb)"]
        }
        if function.adopted == true, function.status == .failed { lines[0] += " (adopted: tagged for the app)" }
        return lines + steps + triggers + alarms
    }

    /// One API's lines.
    static func lines(for api: AppAPIReport, dryRun: Bool) -> [String] {
        let url = api.invokeURL.map { "; \($0)" } ?? ""
        var lines: [String]
        if api.changes.isEmpty {
            lines = ["= api \(api.name): up to date\(url)"]
        } else {
            lines = ["~ api \(api.name): \(api.changes.count) change(s)\(dryRun ? " would be made" : "")\(url)"]
            lines += api.changes.map { "    \($0)" }
        }
        if let skipped = api.skipped, !skipped.isEmpty {
            lines.append("    routes of \(skipped.joined(separator: ", ")) not attached (the function was not deployed)")
        }
        return lines
    }

    /// One removal's line: `- function orders-dev: removed`.
    static func line(for removal: AppRemoval, dryRun: Bool) -> String {
        let detail = removal.detail.map { " (\($0))" } ?? ""
        return "- \(removal.kind.rawValue) \(removal.name)\(detail): \(dryRun ? "would be removed" : "removed")"
    }

    /// The closing line.
    static func summary(_ report: AppDeployReport) -> String {
        let label = report.stage.map { "\(report.app) (stage \($0))" } ?? report.app
        let count = report.functions.count
        let changed = report.functions.filter(\.changes).count
        if !report.notOwned.isEmpty {
            return "\(label): refused; \(report.notOwned.count) function(s) exist without the app's tags; nothing was changed"
        }
        if let error = report.error {
            let failed = report.functions.filter { $0.status == .failed }.map(\.name)
            let notStarted = report.functions.filter { $0.status == .notStarted }.count
            return "\(label): deploy stopped" + (failed.isEmpty ? "" : " (\(failed.joined(separator: ", ")) failed)")
                + "; \(changed) function(s) changed, \(notStarted) not started: \(error); "
                + (report.rerun ?? "fix the cause and deploy again")
        }
        var removed = ""
        if let list = report.removals, !list.isEmpty {
            let functions = list.filter { $0.kind == .function }.count
            removed = "; \(functions) function(s) and \(list.count - functions) other resource(s) "
                + (report.dryRun ? "to remove" : "removed")
        }
        let routeChanges = report.apis.reduce(0) { $0 + $1.changes.count }
        if routeChanges > 0 { removed = "; \(routeChanges) route change(s)" + removed }
        if report.dryRun {
            return report.changed
                ? "\(label): \(changed) of \(count) function(s) would change\(removed) (dry run; nothing was changed)"
                : "\(label): up to date; nothing would change (\(count) function(s))"
        }
        return report.changed
            ? "\(label): deployed (\(changed) of \(count) function(s) changed\(removed))"
            : "\(label): up to date; nothing changed (\(count) function(s))"
    }
}
