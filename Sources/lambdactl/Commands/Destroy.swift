import ArgumentParser
import Deployment
import Foundation

/// `lambdactl destroy`: delete everything an app owns in this region, found by its tags.
struct Destroy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete everything an app (from its app file) owns in this region, found by its tags.",
        discussion: """
            Deletes the app's HTTP APIs, its functions with their triggers (mappings, S3 entries, \
            subscriptions, schedules, rules and their permissions) and the roles lambdactl made for it, \
            in that order. Keeps layer versions, and log groups unless --delete-logs. A function of the \
            same name that the app does not own is never touched. Without --yes it asks on a terminal and \
            refuses elsewhere.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("f"), .customLong("file")], help: "The app file (app: at the top).")
    var file: String = "lambdactl.yml"

    @Flag(name: .customLong("yes"), help: "Delete without asking (needed where there is no terminal, as in CI).")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "List what would be deleted; delete nothing.")
    var dryRun = false

    @Flag(name: .customLong("delete-logs"), help: "Also delete the functions' log groups (/aws/lambda/NAME).")
    var deleteLogs = false

    @Option(name: .customLong("jobs"), help: "Functions deleted at once (1–32; default 4).")
    var jobs: Int = 4

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override a config value (repeatable), e.g. stage=prod.", valueName: "key.path=value"))
    var overrides: [String] = []

    func validate() throws {
        if !(1...32).contains(jobs) { throw ValidationError("--jobs takes 1 to 32, not \(jobs); e.g. --jobs 8") }
        for override in overrides where !override.contains("=") {
            throw ValidationError("--set takes KEY.PATH=VALUE, not \(override); e.g. --set stage=prod")
        }
    }

    func run() async throws {
        // With --output ndjson the stream ends in a summary line even when it stops early.
        try await Output(format: global.output).streaming { try await deployOrDestroy() }
    }

    func deployOrDestroy() async throws {
        let parsed = try DeployConfigParser.loadFile(
            file, environment: ProcessEnvironment.snapshot.variables,
            overrides: ConfigOverrides(option: "--set", overrides), files: AppEnvironment.fileSystem)
        guard case .app(let config) = parsed else {
            throw ValidationError(
                "destroy takes an app file (app: at the top), and \(file) describes one function; "
                    + "to delete it: lambdactl delete-function NAME --delete-role")
        }
        let app = try AppEnvironment.make(global, events: true)
        let teardown = try app.teardown(config.ownership, triggers: try app.triggerWiring(), deleteLogs: deleteLogs)
        let destroyer = AppDestroyer(teardown: teardown, jobs: jobs, deleteLogs: deleteLogs)
        let plan = try await destroyer.plan()
        let planned = destroyer.report(plan, dryRun: true)
        if dryRun || planned.removals.isEmpty {
            var report = planned
            report.dryRun = dryRun
            return try app.output.emit(report) { DestroyText.text(report) }
        }
        if !yes { try confirm(planned, console: app.console) }
        do {
            let report = try await destroyer.run(plan)
            try app.output.emit(report) { DestroyText.text(report) }
        } catch let failure as AppDestroyFailure {
            try app.output.emit(failure.report) { DestroyText.text(failure.report) }
            throw failure.underlying
        }
    }

    /// Asks on a terminal (the plan on stderr, then the app's name typed back); refuses elsewhere.
    func confirm(_ plan: AppDestroyReport, console: Console) throws {
        let label = plan.stage.map { "\(plan.app) (stage \($0))" } ?? plan.app
        guard isatty(0) == 1, isatty(2) == 1 else {
            throw ValidationError(
                "destroy deletes \(plan.removals.count) resource(s) of app \(label) in \(plan.region) and asks first; "
                    + "there is no terminal to ask on: add --yes (or --dry-run to list them)")
        }
        console.info(DestroyText.text(plan))
        FileHandle.standardError.write(Data("Type the app's name (\(plan.app)) to delete all of this: ".utf8))
        guard readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) == plan.app else {
            throw ValidationError("not confirmed; nothing was deleted")
        }
    }
}
