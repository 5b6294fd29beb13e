import AWSCore
import AWSLambda
import Foundation

extension Deployer {
    /// What the steps applied so far produced, for the steps after them.
    struct Progress {
        /// The version ARN of each managed layer, in config order.
        var layerARNs: [String] = []
        /// The version the alias should point at (published now, or the latest one).
        var version: String?
        /// The CodeSha256 the function has.
        var codeSHA256: String
    }

    /// Applies `plan`, step by step and in its order, through the lifecycle use cases; each step
    /// of the report is the plan's step as it turned out. A failing step ends the run with a
    /// ``DeployFailure`` naming the steps done, the one that failed and those not started.
    func execute(_ plan: DeployPlan, prepared: Prepared, state: DeployState, report: DeployReport) async throws
        -> DeployReport
    {
        var report = report
        var progress = Progress(version: state.latestVersion?.version, codeSHA256: prepared.target.codeSHA256)
        var done: [DeployStep] = []
        for (index, step) in plan.steps.enumerated() {
            do {
                guard step.changes else {
                    done.append(try await apply(step, plan: plan, prepared: prepared, state: state, progress: &progress, report: &report))
                    continue
                }
                var stepProgress = progress
                var stepReport = report
                let result = try await services.events.around(
                    resource: step.action.resourceKind, name: step.target, action: step.action.rawValue, clock: services.time
                ) {
                    try await apply(step, plan: plan, prepared: prepared, state: state, progress: &stepProgress, report: &stepReport)
                } outcome: { ($0.change.rawValue, $0.fields) }
                progress = stepProgress
                report = stepReport
                done.append(result)
            } catch {
                report.steps = done
                report.changed = done.contains { $0.changes }
                report.version = progress.version
                report.failedStep = step
                report.error = DeployFailure.oneLine(error)
                report.notStarted = plan.steps[(index + 1)...].filter(\.changes)
                throw DeployFailure(report: report, underlying: error)
            }
        }
        report.steps = done
        report.changed = done.contains { $0.changes }
        report.version = prepared.target.publish ? progress.version : nil
        return report
    }

    /// Carries out one planned step and returns it as it turned out.
    func apply(
        _ step: DeployStep, plan: DeployPlan, prepared: Prepared, state: DeployState, progress: inout Progress,
        report: inout DeployReport
    ) async throws -> DeployStep {
        let name = prepared.config.function.name
        switch step.action {
        case .publishLayer:
            return try await publishLayer(step, prepared: prepared, state: state, progress: &progress)
        case .createFunction:
            let created = try await FunctionCreator(services: services).run(
                createRequest(prepared, configuration: configuration(plan, prepared: prepared, state: state, progress: progress)))
            progress.codeSHA256 = created.codeSha256
            return DeployStep(.createFunction, name, .create, detail: "CodeSha256 \(created.codeSha256)")
        case .updateCode:
            guard step.changes else { return step }
            let updated = try await CodeUpdater(services: services).run(
                CodeUpdater.Request(name: name, codePath: prepared.config.function.code))
            progress.codeSHA256 = updated.codeSha256
            var result = step
            result.change = updated.changed ? .update : .unchanged
            return result
        case .createRole:
            // The app's shared role is made by the app deploy, not as a function's step.
            return step
        case .switchRole:
            return try await switchRole(step, prepared: prepared, state: state)
        case .updateRole:
            // With a configuration update, ConfigUpdater writes the role around it (additions
            // before, removals after); alone, the role is written here (after a switch, the
            // switch already wrote the additions to the new role).
            let configurationChanges = plan.steps.contains { $0.action == .updateConfiguration && $0.changes }
            guard step.changes, let role = state.role, !configurationChanges, state.roleSwitch == nil else { return step }
            let converger = RolePolicyConverger(iam: services.iam, warn: services.warn)
            try await converger.applyBefore(role)
            try await converger.applyAfter(role)
            return step
        case .updateConfiguration:
            guard step.changes else { return step }
            let updated = try await ConfigUpdater(services: services).run(
                name, desired: configuration(plan, prepared: prepared, state: state, progress: progress),
                policies: prepared.target.policies)
            var result = step
            result.change = updated.changed ? .update : .unchanged
            if updated.changed { result.fields = updated.fields } else { result.diff = nil }
            return result
        case .updateTags:
            guard let arn = state.function?.functionARN else { return step }
            try await services.lambda.tagResource(arn, tags: DeployPlan.tagChanges(current: state.tags, desired: prepared.target.tags))
            return step
        case .publishVersion:
            guard step.changes else { return step }
            progress.version = try await VersionManager(services: services).publish(name, codeSHA256: progress.codeSHA256)
                .version
            return DeployStep(.publishVersion, name, .publish, diff: step.diff, detail: progress.version.map { "version \($0)" })
        case .moveAlias:
            return try await moveAlias(step, prepared: prepared, state: state, progress: progress, report: &report)
        case .reservedConcurrency, .provisionedConcurrency, .asyncConfig, .functionURL:
            return try await applyInvocation(step, of: name, alias: prepared.config.alias, spec: prepared.target.invocation)
        case .triggers, .alarms:
            // Triggers and alarms are applied after every step (`applyTriggers`, `applyAlarms`), not as plan steps.
            return step
        case .attachRoutes:
            guard let spec = prepared.config.routes, let routes else { return step }
            let attached = try await routes.attach(spec, function: name, qualifier: prepared.config.alias)
            report.invokeURL = attached.invokeURL
            return DeployStep(
                .attachRoutes, spec.api, attached.changes.isEmpty ? .unchanged : .update,
                detail: (attached.changes.isEmpty ? "" : "\(attached.changes.count) change(s); ") + attached.invokeURL)
        }
    }

    /// The configuration to send: the plan's, with the layer ARNs actually published.
    func configuration(_ plan: DeployPlan, prepared: Prepared, state: DeployState, progress: Progress)
        -> DesiredConfiguration
    {
        var configuration = plan.configuration
        configuration.layers = DeployPlan.layerList(
            explicit: prepared.config.function.layers, current: state.function?.layerARNs ?? [],
            managed: progress.layerARNs)
        return configuration
    }

    /// FunctionCreator's request for the config's function.
    func createRequest(_ prepared: Prepared, configuration: DesiredConfiguration) -> FunctionCreator.Request {
        let function = prepared.config.function
        // Published by its own step rather than with CreateFunction's Publish flag, so the
        // version is cut only once the function is Active (VersionManager waits first).
        var request = FunctionCreator.Request(
            name: function.name, codePath: function.code, runtime: function.runtime, handler: function.handler,
            role: function.role, configuration: configuration, architectures: function.architecture.map { [$0] },
            tags: prepared.target.tags, policies: prepared.target.policies)
        if let shared = prepared.sharedRole {
            request.role = shared.arn
            request.knownRole = shared
        } else if let ownership = prepared.config.ownership {
            request.roleTags = appRoleTags(ownership)
        }
        return request
    }

    /// Creates or moves the alias to the version published (or found) before it; the move is
    /// recorded in the alias history from the tags already read. With `rollout:` a move from a
    /// published version is left to the rollout after every other step (`report.pendingRollout`).
    func moveAlias(
        _ step: DeployStep, prepared: Prepared, state: DeployState, progress: Progress, report: inout DeployReport
    ) async throws -> DeployStep {
        let function = prepared.config.function.name
        guard let version = progress.version else { return step }
        if !step.changes && state.aliasVersion == version { return step }
        if let pending = pendingRollout(prepared, current: state.aliasVersion, version: version) {
            report.pendingRollout = pending
            return DeployStep(
                .moveAlias, step.target, .move, diff: [FieldChange("version", old: pending.from, new: version)],
                detail: "rollout " + pending.schedule.text)
        }
        let known = state.function.map { FunctionDetails(configuration: $0, tags: state.tags) }
        let moved = try await VersionManager(services: services).point(function, alias: step.target, to: version, known: known)
        if moved.previousVersion == nil {
            return DeployStep(.moveAlias, step.target, .create, detail: "version \(version)")
        }
        if moved.previousVersion == version {
            return DeployStep(.moveAlias, step.target, .unchanged, detail: "version \(version)")
        }
        return DeployStep(.moveAlias, step.target, .move, diff: [FieldChange("version", old: moved.previousVersion, new: version)])
    }

    /// Publishes a layer whose code or settings changed (LayerPublisher checks again);
    /// an unchanged layer makes no call.
    func publishLayer(_ step: DeployStep, prepared: Prepared, state: DeployState, progress: inout Progress) async throws
        -> DeployStep
    {
        guard let layer = prepared.config.layers.first(where: { $0.name == step.target }) else { return step }
        if !step.changes, let latest = state.layers[layer.name] {
            progress.layerARNs.append(latest.layerVersionARN)
            return step
        }
        let result = try await LayerPublisher(services: services).run(
            LayerPublisher.Request(
                name: layer.name, codePath: layer.code, compatibleRuntimes: layer.compatibleRuntimes ?? [],
                compatibleArchitectures: layer.compatibleArchitectures ?? [], description: layer.description,
                licenseInfo: layer.licenseInfo))
        progress.layerARNs.append(result.layerVersionArn)
        return DeployStep(.publishLayer, layer.name, result.published ? .publish : .unchanged, detail: "version \(result.version)")
    }
}
