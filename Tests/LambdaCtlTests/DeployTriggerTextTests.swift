import Foundation
import Testing
@testable import Deployment
@testable import lambdactl

@Suite("deploy's text output: trigger lines and the summary")
struct DeployTriggerTextTests {
    func report(_ triggers: [TriggerStep], dryRun: Bool) -> DeployReport {
        var report = DeployReport(
            functionName: "hello", dryRun: dryRun, changed: triggers.contains(where: \.writes),
            steps: [DeployStep(.updateCode, "hello", .unchanged)])
        report.triggers = triggers
        return report
    }

    @Test("each trigger has its line after the steps, a kept one says how to remove it, and writes count as changes")
    func lines() {
        let text = Deploy.text(
            report(
                [
                    TriggerStep(change: .create, kind: "sqs", source: "orders", qualifier: "live"),
                    TriggerStep(change: .update, kind: "sqs", source: "jobs", qualifier: nil, changes: ["batch_size: 10 → 20"]),
                    TriggerStep(change: .unchanged, kind: "sns", source: "alerts", qualifier: nil),
                    TriggerStep(change: .keep, kind: "schedule", source: "lambdactl-hello-schedule-abc", qualifier: nil),
                ], dryRun: true))
        #expect(
            text.split(separator: "\n").map(String.init) == [
                "function hello: unchanged",
                "+ trigger sqs orders → :live",
                "~ trigger sqs jobs (batch_size: 10 → 20)",
                "= trigger sns alerts",
                "  trigger schedule lambdactl-hello-schedule-abc not in the file (kept; deploy --prune removes it)",
                "hello: 2 step(s) would change (dry run; nothing was changed)",
            ])
    }

    @Test("only unchanged and kept triggers: up to date")
    func upToDate() {
        let text = Deploy.text(
            report(
                [
                    TriggerStep(change: .unchanged, kind: "sqs", source: "orders", qualifier: nil),
                    TriggerStep(change: .keep, kind: "rule", source: "r", qualifier: nil),
                ], dryRun: false))
        #expect(text.hasSuffix("hello: up to date; nothing changed"))
    }
}
