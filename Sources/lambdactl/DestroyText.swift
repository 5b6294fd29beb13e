import Deployment
import Foundation

/// The text of a `destroy` report (pure): one line per removal, what was kept, a summary line.
enum DestroyText {
    static func text(_ report: AppDestroyReport) -> String {
        var lines = report.removals.map { AppDeployText.line(for: $0, dryRun: report.dryRun) }
        lines.append("  layer versions: kept (delete them with lambdactl request lambda DeleteLayerVersion …)")
        if report.logGroupsKept { lines.append("  log groups /aws/lambda/…: kept (destroy --delete-logs deletes them)") }
        lines.append("  staged code packages: kept (they expire)")
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    static func summary(_ report: AppDestroyReport) -> String {
        let label = (report.stage.map { "\(report.app) (stage \($0))" } ?? report.app) + " in \(report.region)"
        let functions = report.removals.filter { $0.kind == .function }.count
        let counts = "\(functions) function(s) and \(report.removals.count - functions) other resource(s)"
        if let error = report.error {
            return "\(label): destroy stopped after removing \(counts): \(error); fix the cause and run the same "
                + "lambdactl destroy again: it finds what is left by its tags"
        }
        if report.removals.isEmpty { return "\(label): nothing to delete; the app owns nothing here" }
        return report.dryRun ? "\(label): \(counts) would be deleted (dry run; nothing was deleted)" : "\(label): deleted \(counts)"
    }
}
