import AWSCore
import AWSLambda
import Foundation

extension AppDeployer {
    /// What `--only` selects: the functions, the layers they use and the routes to them.
    struct Selection: Sendable {
        var functions: [AppFunction]
        var layers: [LayerSpec]
        var apis: [AppAPI]
    }

    /// The whole app, or the `--only` functions and what they need; an unknown key is refused.
    func select(_ app: AppConfig) throws -> Selection {
        guard !options.only.isEmpty else { return Selection(functions: app.functions, layers: app.layers, apis: app.apis) }
        let keys = app.functions.map(\.key)
        if let unknown = options.only.first(where: { !keys.contains($0) }) {
            throw DeployConfigError(
                "\(options.onlyOption) \(unknown): \(app.file) has no function with that key; give one of \(keys.joined(separator: ", "))")
        }
        let functions = app.functions.filter { options.only.contains($0.key) }
        let used = Set(functions.flatMap(\.layerReferences).compactMap { app.layerNames[$0] })
        var apis: [AppAPI] = []
        for var api in app.apis {
            api.routes = api.routes.filter { options.only.contains($0.function) }
            if !api.routes.isEmpty { apis.append(api) }
        }
        return Selection(functions: functions, layers: app.layers.filter { used.contains($0.name) }, apis: apis)
    }

    /// Publishes the layers, deploys the functions `jobs` at a time, then attaches each API's
    /// routes. A failure stops new work (running functions finish) and ends in an
    /// ``AppDeployFailure`` whose report says what was done, what failed and what did not start.
    func apply(
        _ layerPlans: [AppLayers.Planned], plans: [PlannedFunction], apis: [AppAPI], app: AppConfig,
        report: AppDeployReport, prune: PrunePlan? = nil
    ) async throws -> AppDeployReport {
        var report = report
        var arns: [String: String] = [:]
        var plans = plans
        do {
            if report.role != nil {
                let role = sharedRole(app)
                let resolved = try await services.events.around(
                    resource: "role", name: role.name, action: DeployStep.Action.createRole.rawValue, clock: services.time
                ) {
                    try await role.ensure(iam: services.iam, now: services.time.now())
                } outcome: { ($0.created ? "create" : "unchanged", nil) }
                if resolved.created { services.progress("created role \(resolved.name) (shared by the app's plain functions)") }
                report.role?.change = resolved.created ? .create : .unchanged
                let sharing = Self.sharingRole(plans)
                for index in plans.indices where sharing.contains(plans[index].function.key) {
                    plans[index].planned.prepared.sharedRole = resolved
                }
            }
            let published = try await BoundedConcurrency.mapThrowing(layerPlans, jobs: options.jobs) { planned in
                guard planned.step.changes else { return try await AppLayers(services: services).apply(planned) }
                return try await services.events.around(
                    resource: "layer", name: planned.spec.name, action: DeployStep.Action.publishLayer.rawValue, clock: services.time
                ) {
                    try await AppLayers(services: services).apply(planned)
                } outcome: { ($0.step.change.rawValue, nil) }
            }
            for (planned, result) in zip(layerPlans, published) { arns[planned.spec.name] = result.arn }
            report.layers = published.map(\.step)
        } catch {
            report.functions = report.functions.map { var entry = $0; entry.status = .notStarted; return entry }
            if report.removals != nil { report.removals = [] }
            return try fail(report, error: error)
        }
        let layerARNs = arns
        let outcomes = await BoundedConcurrency.map(plans, jobs: options.jobs, isFailure: { $0.entry.status == .failed }) { plan in
            await deploy(plan, app: app, layerARNs: layerARNs)
        }
        var firstError: (any Error)?
        for (index, outcome) in outcomes.enumerated() {
            guard let outcome else {
                report.functions[index].status = .notStarted
                continue
            }
            report.functions[index] = outcome.entry
            if firstError == nil, let error = outcome.error { firstError = error }
        }
        let deployed = Set(report.functions.filter { $0.status == .deployed }.map(\.key))
        do {
            report.apis = try await attachRoutes(apis, plans: plans, deployed: deployed, app: app)
        } catch {
            firstError = firstError ?? error
            if report.error == nil { report.error = ErrorTextFolding.oneLine(String(describing: error)) }
        }
        if firstError == nil {
            // One release, one unit: the changed functions' aliases move together, and all go
            // back when any watched alarm fires.
            let pending = report.functions.compactMap { $0.status == .deployed ? $0.report?.pendingRollout : nil }
            if !pending.isEmpty, let rollout {
                do {
                    report.rollout = try await DeployRollout(services: services, cloudWatch: rollout.cloudWatch).run(pending)
                } catch {
                    if let stopped = error as? RolloutError { report.rollout = stopped.report }
                    firstError = error
                    report.error = DeployFailure.oneLine(error)
                }
            }
        }
        if let prune {
            // Pruning only after everything the file lists is in place; a failure leaves it all.
            if firstError == nil {
                let pruned = await applyPrune(prune)
                report.removals = pruned.removed
                firstError = pruned.error
                if let error = pruned.error, report.error == nil { report.error = DeployFailure.oneLine(error) }
            } else {
                report.removals = []
            }
        }
        report.changed = report.role?.changes == true || report.layers.contains(where: \.changes)
            || report.functions.contains(where: \.changes)
            || report.apis.contains { !$0.changes.isEmpty } || report.removals?.isEmpty == false
        if let firstError { return try fail(report, error: firstError) }
        return report
    }

    /// Ends the run with `error`, its one line in the report.
    func fail(_ report: AppDeployReport, error: any Error) throws -> AppDeployReport {
        var report = report
        if report.error == nil { report.error = DeployFailure.oneLine(error) }
        throw AppDeployFailure(report: report, underlying: error)
    }

    /// One function deployed: adopted first when asked, its layer names resolved to the ARNs
    /// this deploy published or found.
    func deploy(_ plan: PlannedFunction, app: AppConfig, layerARNs: [String: String]) async
        -> (entry: AppFunctionReport, error: (any Error)?)
    {
        var entry = planReport(plan, app: app)
        var planned = plan.planned
        let events = services.events
        let start = services.time.now()
        let elapsed = { [services] in Int((services.time.now().timeIntervalSince(start) * 1000).rounded()) }
        if planned.changes { events.send(DeployEvent(.start, resource: "function", name: plan.function.name, action: "deploy")) }
        defer {
            if entry.status == .failed {
                var failed = DeployEvent(.fail, resource: "function", name: plan.function.name, action: "deploy", elapsedMs: elapsed())
                failed.message = entry.error
                events.send(failed)
            } else if planned.changes {
                events.send(
                    DeployEvent(.finish, resource: "function", name: plan.function.name, action: "deploy",
                        change: entry.changes ? "update" : "unchanged", elapsedMs: elapsed()))
            }
        }
        planned.prepared.config.function.layers = Self.resolvingLayers(plan.function.config, app: app, arns: layerARNs)
            .function.layers
        do {
            if planned.functionExists, !app.ownership.owns(planned.currentTags), let arn = planned.functionARN {
                // --adopt: the ownership tags go on before any other change, so a failure
                // midway leaves a function the next run recognises.
                try await services.lambda.tagResource(arn, tags: app.ownership.tags)
                entry.adopted = true
                services.progress("\(plan.function.name): adopted for \(app.ownership.label)")
            }
            entry.report = try await deployer(for: plan.function).apply(planned)
            entry.status = .deployed
            return (entry, nil)
        } catch let failure as DeployFailure {
            entry.report = failure.report
            entry.status = .failed
            entry.error = DeployFailure.oneLine(failure.underlying)
            return (entry, failure.underlying)
        } catch {
            entry.status = .failed
            entry.error = DeployFailure.oneLine(error)
            return (entry, error)
        }
    }

    /// Each API's routes, one function at a time (writes to one API are serialised).
    func attachRoutes(_ apis: [AppAPI], plans: [PlannedFunction], deployed: Set<String>, app: AppConfig) async throws
        -> [AppAPIReport]
    {
        guard let routes else { return [] }
        var reports: [AppAPIReport] = []
        for api in apis {
            var entry = AppAPIReport(key: api.key, name: api.name, changes: [])
            for key in api.functionKeys {
                guard deployed.contains(key), let plan = plans.first(where: { $0.function.key == key }) else {
                    entry.skipped = (entry.skipped ?? []) + [key]
                    continue
                }
                let attached = try await services.events.around(
                    resource: "api", name: api.name, action: DeployStep.Action.attachRoutes.rawValue, clock: services.time
                ) {
                    try await routes.attach(
                        spec(api, function: key, app: app), function: plan.function.name, qualifier: plan.function.config.alias)
                } outcome: { ($0.changes.isEmpty ? "unchanged" : "update", nil) }
                entry.changes += attached.changes
                entry.invokeURL = attached.invokeURL
            }
            reports.append(entry)
        }
        return reports
    }

    /// What attaching each API's routes would change, from read-only calls.
    func previewRoutes(_ apis: [AppAPI], plans: [PlannedFunction], app: AppConfig) async throws -> [AppAPIReport] {
        guard let routes else { return [] }
        var reports: [AppAPIReport] = []
        for api in apis {
            var entry = AppAPIReport(key: api.key, name: api.name, changes: [])
            for key in api.functionKeys {
                guard let plan = plans.first(where: { $0.function.key == key }) else { continue }
                let preview = try await routes.preview(
                    spec(api, function: key, app: app), function: plan.function.name,
                    qualifier: plan.function.config.alias, functionARN: plan.planned.functionARN)
                for change in preview.changes where !entry.changes.contains(change) { entry.changes.append(change) }
                if !preview.invokeURL.isEmpty { entry.invokeURL = preview.invokeURL }
            }
            reports.append(entry)
        }
        return reports
    }

    /// The routes of `api` that invoke the function with key `function`, as the routes use case takes them.
    func spec(_ api: AppAPI, function: String, app: AppConfig) -> RoutesSpec {
        var spec = RoutesSpec(api: api.name, routes: api.routeKeys(of: function), stage: api.stage, corsOrigins: api.corsOrigins)
        spec.tags = app.ownership.tags
        return spec
    }
}
