import AWSResourceGroupsTagging
import Deployment
import Foundation

extension Deploy {
    /// Deploys an app file.
    func runApp(_ config: AppConfig) async throws {
        let app = try AppEnvironment.make(global)
        let waitTimeout = Duration.seconds(config.waitTimeoutSeconds ?? 600)
        var services = try app.lifecycle(waitTimeout: waitTimeout)
        services.loader.includes = config.include
        let needsTriggers = config.functions.contains { $0.config.triggers != nil }
        var options = AppDeployOptions()
        options.dryRun = dryRun
        options.only = only
        options.onlyOption = "--only"
        options.jobs = jobs ?? 4
        options.adopt = adopt
        options.prune = prune
        let deployer = AppDeployer(
            services: services, routes: try app.routeAttacher(),
            triggers: needsTriggers ? try app.triggerWiring(waitTimeout: waitTimeout) : nil,
            tagging: TaggingClient(client: try app.client(.resourceGroupsTagging)),
            alarms: config.functions.contains { $0.config.alarms != nil } ? try app.alarmServices() : nil, options: options)
        do {
            let report = try await deployer.run(config)
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
