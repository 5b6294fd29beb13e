import AWSResourceGroupsTagging
import Deployment
import Foundation

extension Deploy {
    /// Deploys an app file.
    func runApp(_ config: AppConfig) async throws {
        let app = try AppEnvironment.make(global, events: true)
        let waitTimeout = Duration.seconds(config.waitTimeoutSeconds ?? 600)
        var services = try app.lifecycle(waitTimeout: waitTimeout)
        services.loader.includes = config.include
        // Pruning looks at the triggers of functions the file no longer lists, too.
        let needsTriggers = prune || config.functions.contains { $0.config.triggers != nil }
        var options = AppDeployOptions()
        options.dryRun = dryRun
        options.only = only
        options.onlyOption = "--only"
        options.jobs = jobs ?? 4
        options.adopt = adopt
        options.prune = prune
        let triggers = needsTriggers ? try app.triggerWiring(waitTimeout: waitTimeout) : nil
        let deployer = AppDeployer(
            services: services, routes: try app.routeAttacher(), triggers: triggers,
            tagging: TaggingClient(client: try app.client(.resourceGroupsTagging)),
            teardown: prune ? try app.teardown(config.ownership, triggers: triggers, deleteLogs: false) : nil,
            alarms: config.functions.contains { $0.config.alarms != nil } ? try app.alarmServices() : nil,
            rollout: config.functions.contains { $0.config.rollout != nil }
                ? RolloutWiring(cloudWatch: try app.cloudWatch(), enabled: !noRollout) : nil,
            options: options)
        do {
            // Ctrl-C cancels the deploy; during the rollout every alias goes back first.
            let report = try await Interruption.cancellingOnInterrupt { [config] in try await deployer.run(config) }
            try app.output.emit(report) { AppDeployText.text(report) }
        } catch let failure as AppDeployFailure {
            var report = failure.report
            if report.notOwned.isEmpty { report.rerun = Self.rerunAdvice }
            if let hinted = ErrorText.hinted(failure.underlying) { report.error = hinted }
            try app.output.emit(report) { AppDeployText.text(report) }
            throw failure.underlying
        }
    }
}
