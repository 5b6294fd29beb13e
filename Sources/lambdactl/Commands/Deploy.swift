import ArgumentParser
import Deployment
import Foundation

/// `lambdactl deploy`: one idempotent deploy from a config file, for CI.
struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy a function, or a whole app, from lambdactl.yml; change only what differs.",
        discussion: """
            The file is either one function (function: at the top) or an app (app: at the top, with \
            functions:, shared layers: and apis:). An app's functions are deployed --jobs at a time; \
            each one's steps run in order. Everything an app makes is tagged lambdactl:app, so a deploy \
            from a fresh CI runner finds what earlier ones made.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("f"), .customLong("file")], help: "The deploy config.")
    var file: String = "lambdactl.yml"

    @Flag(name: .customLong("dry-run"), help: "Print the plan; make no change.")
    var dryRun = false

    @Flag(
        name: .customLong("prune"),
        help: ArgumentHelp(
            "Also remove what lambdactl made and the file no longer lists: triggers; in an app file also "
                + "functions, routes, APIs and unused roles."))
    var prune = false

    @Option(
        name: .customLong("only"),
        help: ArgumentHelp("Deploy only this function of an app file, by its key (repeatable), and what it needs.", valueName: "key"))
    var only: [String] = []

    @Option(name: .customLong("jobs"), help: "Functions of an app deployed at once (1–32; default 4).")
    var jobs: Int?

    @Flag(
        name: .customLong("no-rollout"),
        help: "Move aliases to the new versions at once, even when the file has rollout:.")
    var noRollout = false

    @Flag(
        name: .customLong("adopt"),
        help: "Take over functions of an app's names that exist without its tags: tag them for the app, then deploy.")
    var adopt = false

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override a config value (repeatable), e.g. function.memory=512.", valueName: "key.path=value"))
    var overrides: [String] = []

    func validate() throws {
        if let jobs, !(1...32).contains(jobs) {
            throw ValidationError("--jobs takes 1 to 32, not \(jobs); e.g. --jobs 8")
        }
        if prune, !only.isEmpty {
            throw ValidationError("--prune cannot be combined with --only: a partial deploy must not remove the rest; drop one of them")
        }
        for override in overrides where !override.contains("=") {
            throw ValidationError("--set takes KEY.PATH=VALUE, not \(override); e.g. --set function.memory=512")
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
        let config: DeployConfig
        switch parsed {
        case .app(let appConfig):
            return try await runApp(appConfig)
        case .function(let single):
            config = single
        }
        if let option = !only.isEmpty ? "--only" : jobs != nil ? "--jobs" : adopt ? "--adopt" : nil {
            throw ValidationError(
                "\(option) needs an app file (app: and functions: at the top); \(file) describes one function")
        }
        let app = try AppEnvironment.make(global, events: true)
        var services = try app.lifecycle(waitTimeout: .seconds(config.waitTimeoutSeconds ?? 600))
        services.loader.includes = config.include
        let wiring = config.triggers == nil ? nil : try app.triggerWiring(waitTimeout: .seconds(config.waitTimeoutSeconds ?? 600))
        let alarms = config.alarms == nil ? nil : try app.alarmServices()
        let rollout = config.rollout == nil ? nil : RolloutWiring(cloudWatch: try app.cloudWatch(), enabled: !noRollout)
        let deployer = Deployer(
            services: services, routes: try app.routeAttacher(), triggers: wiring, prune: prune, alarms: alarms, rollout: rollout)
        do {
            // Ctrl-C cancels the deploy; during a rollout the alias goes back first.
            let report = try await Interruption.cancellingOnInterrupt { [config, file, dryRun] in
                try await deployer.run(config, file: file, dryRun: dryRun)
            }
            try app.output.emit(report) { Self.text(report) }
        } catch let failure as DeployFailure {
            // What was done, what failed and what was not started, on stdout; the error itself
            // (one line, with its exit code) on stderr.
            let report = Self.reported(failure)
            try app.output.emit(report) { Self.text(report) }
            throw failure.underlying
        }
    }

    /// The advice printed after a failure.
    static let rerunAdvice =
        "fix the cause and run the same lambdactl deploy again: it reads what exists and changes only what still differs"

    /// A failure's report as printed: the rerun advice, and the error's hint worded with commands.
    static func reported(_ failure: DeployFailure) -> DeployReport {
        var report = failure.report
        report.rerun = rerunAdvice
        if let hinted = ErrorText.hinted(failure.underlying) { report.error = hinted }
        return report
    }

    /// One line per step, then the summary.
    static func text(_ report: DeployReport) -> String {
        var lines = report.steps.map { DeployText.line(for: $0, dryRun: report.dryRun) }
        lines += (report.triggers ?? []).map { DeployText.line(for: $0, keptAdvice: "; deploy --prune removes it") }
        lines += (report.alarms ?? []).map { DeployText.line(for: $0, keptAdvice: "; deploy --prune removes it") }
        lines += RolloutText.lines(report.rollout)
        if let failed = report.failedStep {
            lines.append(DeployText.failedLine(for: failed, error: report.error ?? "failed"))
            lines += (report.notStarted ?? []).map(DeployText.notStartedLine(for:))
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    /// The closing line.
    static func summary(_ report: DeployReport) -> String {
        let changed = report.steps.filter(\.changes).count + (report.triggers ?? []).filter(\.writes).count
            + (report.alarms ?? []).filter(\.writes).count
        if let failed = report.failedStep {
            return "\(report.functionName): deploy stopped at \(failed.action.rawValue) \(failed.target) "
                + "(\(changed) step(s) changed before it, \(report.notStarted?.count ?? 0) not started); "
                + (report.rerun ?? rerunAdvice)
        }
        var text: String
        if report.dryRun {
            text = changed == 0 ? "\(report.functionName): up to date; nothing would change"
                : "\(report.functionName): \(changed) step(s) would change (dry run; nothing was changed)"
        } else {
            text = report.changed ? "\(report.functionName): deployed (\(changed) step(s) changed)"
                : "\(report.functionName): up to date; nothing changed"
        }
        if let alias = report.alias, let version = report.version { text += "; \(alias) → \(version)" }
        if let url = report.invokeURL { text += "; \(url)" }
        return text
    }
}
