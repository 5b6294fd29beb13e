import AWSCloudWatch
import AWSCore
import Foundation

/// CloudWatch for `rollout:`, and whether rollouts run (`deploy --no-rollout` moves aliases at once).
package struct RolloutWiring: Sendable {
    /// CloudWatch, for the alarms and the errors metric.
    package var cloudWatch: CloudWatchClient
    /// False: every alias moves at once, whatever `rollout:` says.
    package var enabled: Bool

    /// Creates the wiring.
    package init(cloudWatch: CloudWatchClient, enabled: Bool = true) {
        self.cloudWatch = cloudWatch
        self.enabled = enabled
    }
}

/// An alias move a deploy leaves to a rollout: after every step of the function (and, in the
/// app form, of every function) is done.
package struct PendingRollout: Sendable, Equatable {
    /// The function, its alias and the version just published.
    package var request: RolloutRequest
    /// Where the alias points now.
    package var from: String
    /// The schedule of the file's `rollout:`.
    package var schedule: RolloutSchedule
    /// The alarms to watch, as CloudWatch names them.
    package var alarms: [String]
    /// Also watch the new version's errors.
    package var watchErrors: Bool
}

extension Deployer {
    /// The rollout an alias move from `current` to `version` becomes, or nil when the alias
    /// moves at once: no `rollout:`, `--no-rollout`, a new alias, an alias on `$LATEST`, or no move.
    func pendingRollout(_ prepared: Prepared, current: String?, version: String) -> PendingRollout? {
        let config = prepared.config
        guard let spec = config.rollout, let alias = config.alias, rollout?.enabled == true,
            let current, current != "$LATEST", current != version, let schedule = spec.schedule
        else { return nil }
        return PendingRollout(
            request: RolloutRequest(function: config.function.name, alias: alias, to: version), from: current,
            schedule: schedule, alarms: spec.alarmNames(entries: config.alarms ?? [], base: alarmBase(config)),
            watchErrors: spec.watchErrors ?? false)
    }

    /// A planned alias move that `rollout:` will make step by step, saying so.
    func rolloutNoted(_ step: DeployStep, config: DeployConfig, current: String?) -> DeployStep {
        guard step.action == .moveAlias, step.change == .move, rollout?.enabled == true, let current, current != "$LATEST",
            let schedule = config.rollout?.schedule
        else { return step }
        var noted = step
        noted.detail = "rollout " + schedule.text
        return noted
    }

    /// The name alarms of `function.alarms` start with (the function's, as the alarms are named).
    func alarmBase(_ config: DeployConfig) -> String {
        alarmConvergence(config)?.base ?? config.function.name
    }

    /// Runs the rollout a single-function deploy left (the app deploy runs its functions' together).
    func runPendingRollout(_ report: DeployReport) async throws -> DeployReport {
        guard !defersRollout, let pending = report.pendingRollout, let rollout else { return report }
        var report = report
        do {
            report.rollout = try await DeployRollout(services: services, cloudWatch: rollout.cloudWatch).run([pending])
            return report
        } catch {
            if let stopped = error as? RolloutError { report.rollout = stopped.report }
            report.failedStep = report.steps.first { $0.action == .moveAlias }
            report.steps.removeAll { $0.action == .moveAlias }
            report.changed = report.steps.contains(where: \.changes) || (report.triggers ?? []).contains(where: \.writes)
                || (report.alarms ?? []).contains(where: \.writes)
            report.error = DeployFailure.oneLine(error)
            report.notStarted = []
            throw DeployFailure(report: report, underlying: error)
        }
    }
}

/// The rollouts of one deploy, in lockstep: aliases whose versions AWS cannot split (another
/// role or dead-letter config) move at once, with a warning; the others roll out together.
package struct DeployRollout: Sendable {
    package var services: LifecycleServices
    package var cloudWatch: CloudWatchClient

    package init(services: LifecycleServices, cloudWatch: CloudWatchClient) {
        self.services = services
        self.cloudWatch = cloudWatch
    }

    /// Rolls `pending` out together (their schedules are the file's one `rollout:`); nil when
    /// there was nothing to roll out.
    package func run(_ pending: [PendingRollout]) async throws -> RolloutReport? {
        guard let first = pending.first else { return nil }
        let runner = RolloutRunner(services: services, cloudWatch: cloudWatch)
        var alarms: [String] = []
        for name in pending.flatMap(\.alarms) where !alarms.contains(name) { alarms.append(name) }
        let watch = RolloutWatch(alarms: alarms, errors: pending.contains(where: \.watchErrors))
        var rolling: [RolloutRunner.Prepared] = []
        for item in try await runner.prepare(pending.map(\.request), watch: watch) {
            guard let problem = item.mismatch else {
                rolling.append(item)
                continue
            }
            let target = item.target
            services.warn("\(problem); \(target.label) moves to version \(target.to) at once")
            _ = try await VersionManager(services: services).point(target.function, alias: target.alias, to: target.to)
        }
        guard !rolling.isEmpty else { return nil }
        return try await runner.roll(rolling, schedule: first.schedule, watch: watch)
    }
}
