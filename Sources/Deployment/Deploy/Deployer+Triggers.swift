import Foundation

extension Deployer {
    /// The convergence of the config's `function.triggers`; nil when the key is absent.
    func triggerConvergence(_ config: DeployConfig) -> TriggerConvergence? {
        guard config.triggers != nil, let triggers else { return nil }
        return TriggerConvergence(wiring: triggers, function: config.function.name, alias: config.alias, prune: prune)
    }

    /// Every trigger entry checked locally, before any call.
    func validateTriggers(_ config: DeployConfig, file: String) throws {
        guard let entries = config.triggers else { return }
        guard let convergence = triggerConvergence(config) else {
            throw DeployConfigError(
                "\(file): function.triggers needs the trigger handlers, which this build does not have; "
                    + "remove the triggers key and attach them with the trigger commands")
        }
        try convergence.validate(entries)
    }

    /// The triggers' plan, from read-only calls; nil when the config has no `function.triggers`.
    func planTriggers(_ prepared: Prepared, functionExists: Bool) async throws -> [TriggerConvergence.Planned]? {
        guard let entries = prepared.config.triggers, let convergence = triggerConvergence(prepared.config) else { return nil }
        return try await convergence.plan(entries, functionExists: functionExists)
    }

    /// Attaches and removes what `plan` says, after the function, its version and alias are in
    /// place (a trigger points at the alias). A failure ends the run with a ``DeployFailure``.
    func applyTriggers(_ plan: [TriggerConvergence.Planned], prepared: Prepared, report: DeployReport) async throws
        -> DeployReport
    {
        guard let convergence = triggerConvergence(prepared.config) else { return report }
        var report = report
        var done: [TriggerStep] = []
        do {
            _ = try await convergence.apply(plan) { step in
                done.append(step)
                guard step.writes else { return }
                services.events.send(
                    DeployEvent(.finish, resource: "trigger", name: "\(step.kind) \(step.source)", action: "triggers",
                        change: step.change.rawValue, fields: step.changes.isEmpty ? nil : step.changes))
            }
        } catch {
            services.events.send(
                DeployEvents.failure(error, resource: "trigger", name: prepared.config.function.name, action: "triggers", elapsedMs: nil))
            report.triggers = done
            report.changed = report.changed || done.contains(where: \.writes)
            report.failedStep = DeployStep(.triggers, prepared.config.function.name, .update)
            report.error = DeployFailure.oneLine(error)
            report.notStarted = []
            throw DeployFailure(report: report, underlying: error)
        }
        report.triggers = done
        report.changed = report.steps.contains(where: \.changes) || done.contains(where: \.writes)
        return report
    }
}
