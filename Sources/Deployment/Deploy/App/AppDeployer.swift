import AWSCore
import AWSLambda
import AWSResourceGroupsTagging
import Foundation

/// What an app deploy was asked to do beside the file.
package struct AppDeployOptions: Sendable {
    /// Print the plan; make no change.
    package var dryRun = false
    /// Function keys to deploy (with what they need); empty: all.
    package var only: [String] = []
    /// Functions worked on at once.
    package var jobs = 4
    /// Tag functions of the file's names that exist untagged, and deploy them.
    package var adopt = false
    /// Remove what the app owns that the file no longer lists: triggers, functions, routes,
    /// APIs, roles (needs the deployer's `teardown`).
    package var prune = false
    /// How the user names the function selection in sentences (the CLI's option).
    package var onlyOption = "only"

    package init() {}
}

/// `deploy` of an app file: every local check and every read first (layers and functions
/// planned concurrently, ownership checked), then layers published once, functions deployed
/// `jobs` at a time (steps on one function serial, through the single-function `Deployer`),
/// then each API's routes, one function at a time per API. Nothing is recorded on disk: the
/// account (the functions' `lambdactl:app` tags) is the record.
package struct AppDeployer: Sendable {
    /// The shared services (one package cache for the whole app).
    package var services: LifecycleServices
    /// The routes use case; nil when this build has none (an `apis:` section is then refused).
    package var routes: (any RouteAttaching)?
    /// The trigger handlers, shared by every function (they serialise writes to one bucket).
    package var triggers: TriggerWiring?
    /// Finds what the app owns that the file no longer lists; nil: not looked for.
    package var tagging: TaggingClient?
    /// Removes what the app owns and the file no longer lists (`prune`); nil: nothing removed.
    package var teardown: AppTeardown?
    /// CloudWatch and SNS for the functions' `alarms`; nil when none has the key.
    package var alarms: AlarmServices?
    /// CloudWatch for `rollout:`; nil when the file has none.
    package var rollout: RolloutWiring?
    package var options: AppDeployOptions

    /// Creates the use case.
    package init(
        services: LifecycleServices, routes: (any RouteAttaching)?, triggers: TriggerWiring?, tagging: TaggingClient? = nil,
        teardown: AppTeardown? = nil, alarms: AlarmServices? = nil, rollout: RolloutWiring? = nil, options: AppDeployOptions
    ) {
        self.rollout = rollout
        self.tagging = tagging
        self.teardown = teardown
        self.alarms = alarms
        var services = services
        if let packager = services.loader.packager, !(packager is PackageCache) {
            services.loader.packager = PackageCache(wrapping: packager)
        }
        self.services = services
        self.routes = routes
        self.triggers = triggers
        self.options = options
    }

    /// A function's plan.
    struct PlannedFunction: Sendable {
        var function: AppFunction
        var planned: Deployer.Planned
    }

    /// Runs the deploy of `app`.
    package func run(_ app: AppConfig) async throws -> AppDeployReport {
        let selection = try select(app)
        if !selection.apis.isEmpty, routes == nil {
            throw DeployConfigError("\(app.file): apis need the attach-routes use case, which this build does not have")
        }
        let layerPlans = try await AppLayers(services: services).plan(selection.layers, jobs: options.jobs)
        let placeholders = Dictionary(uniqueKeysWithValues: layerPlans.map { ($0.spec.name, $0.arn) })
        let plans = try await BoundedConcurrency.mapThrowing(selection.functions, jobs: options.jobs) { function in
            let config = Self.resolvingLayers(function.config, app: app, arns: placeholders)
            let planned = try await deployer(for: function).plan(config, file: app.file, dryRun: options.dryRun)
            return PlannedFunction(function: function, planned: planned)
        }
        var report = AppDeployReport(
            app: app.ownership.app, stage: app.ownership.stage, dryRun: options.dryRun,
            changed: layerPlans.contains { $0.step.changes } || plans.contains { $0.planned.changes },
            layers: layerPlans.map(\.step), functions: plans.map { planReport($0, app: app) }, apis: [])
        report.role = try await sharedRoleStep(plans, app: app)
        if report.role?.changes == true { report.changed = true }
        report.notInFile = try await functionsNotInFile(app)
        let prune = try await planPrune(app, plans: plans, notInFile: report.notInFile ?? [])
        if let prune {
            report.removals = prune.removals
            if !prune.removals.isEmpty { report.changed = true }
        }
        if options.dryRun || !report.notOwned.isEmpty && !options.adopt {
            report.apis = try await previewRoutes(selection.apis, plans: plans, app: app)
            if report.apis.contains(where: { !$0.changes.isEmpty }) { report.changed = true }
        }
        if let refusal = ownershipRefusal(report, app: app) {
            report.error = refusal.message
            throw AppDeployFailure(report: report, underlying: refusal)
        }
        if options.dryRun { return report }
        return try await apply(layerPlans, plans: plans, apis: selection.apis, app: app, report: report, prune: prune)
    }

    /// The functions tagged for this app and stage that the file does not list (kept; a partial
    /// `--only` deploy does not look). One read of the tagging API.
    func functionsNotInFile(_ app: AppConfig) async throws -> [String]? {
        guard let tagging, options.only.isEmpty else { return nil }
        var filters = [AppOwnership.appTag: [app.ownership.app]]
        if let stage = app.ownership.stage { filters[AppOwnership.stageTag] = [stage] }
        let names = Set(app.functions.map(\.name))
        return try await tagging.resources(tagged: filters, types: ["lambda:function"])
            .filter { app.ownership.owns($0.tags) }
            .compactMap { $0.arn.split(separator: ":").dropFirst(6).first.map(String.init) }
            .filter { !names.contains($0) }
            .sorted()
    }

    /// The app's shared execution role.
    func sharedRole(_ app: AppConfig) -> AppExecutionRole {
        AppExecutionRole(ownership: app.ownership, region: services.lambda.client.endpoint.signingRegion)
    }

    /// The keys of the new functions that need no role of their own (pure).
    static func sharingRole(_ plans: [PlannedFunction]) -> Set<String> {
        Set(
            plans.filter {
                !$0.planned.functionExists
                    && AppExecutionRole.suffices(for: $0.planned.prepared.config, target: $0.planned.prepared.target)
            }.map(\.function.key))
    }

    /// The shared role's step when new functions will use it: read (and refused when a role of
    /// its name is not this app's) before any write; nil when no new function uses it.
    func sharedRoleStep(_ plans: [PlannedFunction], app: AppConfig) async throws -> DeployStep? {
        let sharing = Self.sharingRole(plans)
        guard !sharing.isEmpty else { return nil }
        let role = sharedRole(app)
        let exists = try await role.find(iam: services.iam) != nil
        return DeployStep(
            .createRole, role.name, exists ? .unchanged : .create,
            detail: "shared by \(sharing.count) new function(s)")
    }

    /// The single-function deployer of one function: its progress lines name it.
    func deployer(for function: AppFunction) -> Deployer {
        var services = services
        let progress = services.progress
        let name = function.name
        services.progress = { line in progress(line.hasPrefix(name) ? line : "\(name): \(line)") }
        var deployer = Deployer(
            services: services, routes: nil, triggers: triggers, prune: options.prune, alarms: alarms, rollout: rollout)
        deployer.defersRollout = true
        return deployer
    }

    /// The function's configuration with its layer names replaced by version ARNs (pure).
    static func resolvingLayers(_ config: DeployConfig, app: AppConfig, arns: [String: String]) -> DeployConfig {
        var config = config
        config.function.layers = config.function.layers?.map { entry in
            guard !entry.hasPrefix("arn:"), let deployed = app.layerNames[entry] else { return entry }
            return arns[deployed] ?? entry
        }
        return config
    }

    /// A function's planned report: refused when it exists untagged for this app.
    func planReport(_ plan: PlannedFunction, app: AppConfig) -> AppFunctionReport {
        let planned = plan.planned
        var entry = AppFunctionReport(
            key: plan.function.key, name: plan.function.name, status: .planned, report: planned.report)
        if planned.functionExists, !app.ownership.owns(planned.currentTags) {
            entry.owner = planned.currentTags[AppOwnership.appTag]
            if !options.adopt { entry.status = .notOwned }
        }
        return entry
    }

    /// The refusal when functions of the file's names exist and are not this app's (exit 6).
    func ownershipRefusal(_ report: AppDeployReport, app: AppConfig) -> DeployConfigError? {
        let foreign = report.notOwned
        guard let first = foreign.first else { return nil }
        let names = foreign.map(\.name).joined(separator: ", ")
        let whose = first.owner.map { "it belongs to app \($0)" } ?? "it is not tagged \(AppOwnership.appTag)=\(app.ownership.app)"
        return DeployConfigError(
            "\(names) already exist\(foreign.count == 1 ? "s" : "") and \(foreign.count == 1 ? whose : "are not tagged for \(app.ownership.label)"); "
                + "nothing was changed",
            category: .conflict, hint: .adoptOrRename(file: app.file))
    }
}
