import ArgumentParser
import Deployment
import Foundation

/// `lambdactl rollout`: move an alias to a new version step by step, watching alarms, and roll
/// back by itself when one fires.
struct Rollout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Move an alias to a new version step by step (a canary), rolling back when an alarm fires.",
        discussion: """
            Each step gives the new version that share of the alias's traffic (AWS's weighted \
            alias), then watches the alarms (and with --watch-errors the new version's Errors \
            through the alias) for --interval. On ALARM, on errors or on Ctrl-C the alias goes back \
            entirely to its old version: exit 11 (130 for Ctrl-C). At the end the alias points at \
            the new version alone. An alarm already in ALARM stops it before anything moves (exit 11).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The alias to move, e.g. live.")
    var alias: String

    @Option(name: .customLong("to-version"), help: ArgumentHelp("The published version to move to.", valueName: "N"))
    var toVersion: String

    @Option(help: ArgumentHelp("The new version's share at each step, in percent (100 comes last by itself).", valueName: "10,50"))
    var steps: String = "10,50"

    @Option(help: ArgumentHelp("How long each step is watched, e.g. 2m, 90s, 30.", valueName: "duration"))
    var interval: String = "2m"

    @Option(name: .customLong("alarm"), help: ArgumentHelp("A CloudWatch alarm to watch (repeatable).", valueName: "name"))
    var alarms: [String] = []

    @Flag(name: .customLong("watch-errors"), help: "Also roll back when the new version reports errors through the alias.")
    var watchErrors = false

    func validate() throws {
        if toVersion == "$LATEST" {
            throw ValidationError("--to-version takes a published version number, not $LATEST (a weighted alias cannot use it); "
                + "publish one with: lambdactl publish-version \(name)")
        }
        guard let number = Int(toVersion), number > 0 else {
            throw ValidationError("--to-version takes a published version number, e.g. --to-version 4")
        }
        _ = try schedule()
    }

    /// The steps and interval, checked.
    func schedule() throws -> RolloutSchedule {
        guard let values = RolloutSchedule.parse(steps: steps) else {
            throw ValidationError("--steps takes percentages separated by commas, not \(steps); e.g. --steps 10,50")
        }
        if let problem = RolloutSchedule.problem(steps: values) {
            throw ValidationError("--steps: \(problem); e.g. --steps 10,50")
        }
        guard let duration = DurationSpec.parse(interval) else {
            throw ValidationError("--interval takes a duration such as 2m, 90s or 30, not \(interval)")
        }
        return RolloutSchedule(steps: values, interval: duration)
    }

    func run() async throws {
        try await Output(format: global.output).streaming { try await roll() }
    }

    func roll() async throws {
        let app = try AppEnvironment.make(global, events: true)
        let runner = RolloutRunner(services: try app.lifecycle(), cloudWatch: try app.cloudWatch())
        let request = RolloutRequest(function: name, alias: alias, to: toVersion)
        let schedule = try schedule()
        let watch = RolloutWatch(alarms: alarms, errors: watchErrors)
        do {
            let report = try await Interruption.cancellingOnInterrupt {
                try await runner.run([request], schedule: schedule, watch: watch)
            }
            try app.output.emit(report) { RolloutText.summary(report) }
        } catch let stopped as RolloutError {
            try app.output.emit(stopped.report) { RolloutText.summary(stopped.report) }
            throw stopped
        }
    }
}

/// The text of a rollout's result. Pure.
enum RolloutText {
    /// A deploy's rollout lines (none without a rollout).
    static func lines(_ report: RolloutReport?) -> [String] {
        guard let report else { return [] }
        return summary(report).split(separator: "\n").map { "  rollout \($0)" }
    }

    static func summary(_ report: RolloutReport) -> String {
        let steps = report.steps.joined(separator: ", ")
        let took = report.elapsedSeconds > 0 ? " in \(DurationText.format(seconds: report.elapsedSeconds))" : ""
        return report.targets.map { target in
            switch report.outcome {
            case "completed":
                "\(target.label) → \(target.to) (was \(target.from); steps \(steps)\(took))"
            case "not-started":
                "\(target.label) stays at \(target.from): rollout to \(target.to) not started (\(report.alert?.text ?? "stopped"))"
            default:
                "\(target.label) back at \(target.from): rollout to \(target.to) rolled back after \(steps.isEmpty ? "no step" : steps)"
                    + " (\(report.alert?.text ?? "stopped"))"
            }
        }.joined(separator: "\n")
    }
}
