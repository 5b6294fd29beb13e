import AWSCore
import AWSLambda
import Foundation

extension Deployer {
    /// Applies `plan`, step by step, through the lifecycle use cases, and reports what each
    /// step did.
    func execute(_ plan: DeployPlan, prepared: Prepared, state: DeployState, report: DeployReport) async throws
        -> DeployReport
    {
        var report = report
        var steps: [DeployStep] = []
        let config = prepared.config
        let layerARNs = try await publishLayers(config.layers, state: state, steps: &steps)
        var configuration = plan.configuration
        configuration.layers = DeployPlan.layerList(
            explicit: config.function.layers, current: state.function?.layerARNs ?? [], managed: layerARNs)
        let version =
            state.function == nil
            ? try await create(prepared, configuration: configuration, steps: &steps)
            : try await update(prepared, plan: plan, configuration: configuration, state: state, steps: &steps)
        report.version = version
        if let alias = config.alias, let version {
            if state.aliasVersion == version {
                record(DeployStep(.moveAlias, alias, .unchanged, detail: "version \(version)"), in: &steps)
            } else {
                try await point(alias, of: config.function.name, to: version, steps: &steps)
            }
        }
        if let spec = config.routes, let routes {
            let attached = try await routes.attach(spec, function: config.function.name, qualifier: config.alias)
            report.invokeURL = attached.invokeURL
            record(
                DeployStep(.attachRoutes, spec.api, attached.changes.isEmpty ? .unchanged : .update,
                    detail: (attached.changes.isEmpty ? "" : "\(attached.changes.count) change(s); ") + attached.invokeURL),
                in: &steps)
        }
        report.steps = steps
        report.changed = steps.contains { $0.changes }
        return report
    }

    /// Creates the function, then publishes its first version when asked; returns that version.
    func create(_ prepared: Prepared, configuration: DesiredConfiguration, steps: inout [DeployStep]) async throws
        -> String?
    {
        let function = prepared.config.function
        let created = try await FunctionCreator(services: services).run(
            FunctionCreator.Request(
                name: function.name, codePath: function.code, runtime: function.runtime, handler: function.handler,
                role: function.role, configuration: configuration, architectures: function.architecture.map { [$0] },
                tags: function.tags ?? [:]))
        record(DeployStep(.createFunction, function.name, .create, detail: "CodeSha256 \(created.codeSha256)"), in: &steps)
        // Published separately rather than with CreateFunction's Publish flag, so the version
        // is cut only once the function is Active (VersionManager waits first).
        guard prepared.target.publish else { return nil }
        let version = try await VersionManager(services: services).publish(function.name, codeSHA256: created.codeSha256)
            .version
        record(DeployStep(.publishVersion, function.name, .publish, detail: version.map { "version \($0)" }), in: &steps)
        return version
    }

    /// Updates the code and the configuration where the plan says they differ, then publishes
    /// when the plan says so; returns the version the alias should point at.
    func update(
        _ prepared: Prepared, plan: DeployPlan, configuration: DesiredConfiguration, state: DeployState,
        steps: inout [DeployStep]
    ) async throws -> String? {
        let name = prepared.config.function.name
        func planned(_ action: DeployStep.Action) -> DeployStep? { plan.steps.first { $0.action == action } }
        if planned(.updateCode)?.changes == true {
            let updated = try await CodeUpdater(services: services).run(
                CodeUpdater.Request(name: name, codePath: prepared.config.function.code))
            record(
                DeployStep(.updateCode, name, updated.changed ? .update : .unchanged,
                    detail: "CodeSha256 \(updated.codeSha256)"), in: &steps)
        } else {
            record(DeployStep(.updateCode, name, .unchanged, detail: "CodeSha256 \(prepared.target.codeSHA256)"), in: &steps)
        }
        if planned(.updateConfiguration)?.changes == true {
            let updated = try await ConfigUpdater(services: services).run(name, desired: configuration)
            record(
                DeployStep(.updateConfiguration, name, updated.changed ? .update : .unchanged,
                    fields: updated.changed ? updated.fields : nil), in: &steps)
        } else {
            record(DeployStep(.updateConfiguration, name, .unchanged), in: &steps)
        }
        if let tagStep = planned(.updateTags), let arn = state.function?.functionARN {
            try await services.lambda.tagResource(arn, tags: DeployPlan.tagChanges(current: state.tags, desired: prepared.target.tags))
            record(tagStep, in: &steps)
        }
        guard let publish = planned(.publishVersion) else { return state.latestVersion?.version }
        guard publish.changes else {
            record(publish, in: &steps)
            return state.latestVersion?.version
        }
        let version = try await VersionManager(services: services).publish(name, codeSHA256: prepared.target.codeSHA256)
            .version
        record(DeployStep(.publishVersion, name, .publish, detail: version.map { "version \($0)" }), in: &steps)
        return version
    }

    /// Creates or moves `alias` to `version`.
    func point(_ alias: String, of function: String, to version: String, steps: inout [DeployStep]) async throws {
        let moved = try await VersionManager(services: services).point(function, alias: alias, to: version)
        let change: DeployStep.Change =
            moved.previousVersion == nil ? .create : moved.previousVersion == version ? .unchanged : .move
        let detail = "version \(version)" + (change == .move ? moved.previousVersion.map { ", was \($0)" } ?? "" : "")
        record(DeployStep(.moveAlias, alias, change, detail: detail), in: &steps)
    }

    /// Publishes each layer whose code or settings changed (LayerPublisher checks again) and
    /// returns the version ARNs to attach, in config order; unchanged layers make no call.
    func publishLayers(_ layers: [LayerSpec], state: DeployState, steps: inout [DeployStep]) async throws -> [String] {
        var arns: [String] = []
        for layer in layers {
            if let latest = state.layers[layer.name], let sha = state.layerCodeSHA256[layer.name],
                layer.settings.matches(latest), try await services.loader.load(layer.code, kind: .layer).codeSHA256 == sha
            {
                arns.append(latest.layerVersionARN)
                record(DeployStep(.publishLayer, layer.name, .unchanged, detail: "version \(latest.version)"), in: &steps)
                continue
            }
            let result = try await LayerPublisher(services: services).run(
                LayerPublisher.Request(
                    name: layer.name, codePath: layer.code, compatibleRuntimes: layer.compatibleRuntimes ?? [],
                    compatibleArchitectures: layer.compatibleArchitectures ?? [], description: layer.description,
                    licenseInfo: layer.licenseInfo))
            arns.append(result.layerVersionArn)
            record(
                DeployStep(.publishLayer, layer.name, result.published ? .publish : .unchanged,
                    detail: "version \(result.version)"), in: &steps)
        }
        return arns
    }

    /// Appends `step` (the command prints the steps on stdout when the deploy ends).
    func record(_ step: DeployStep, in steps: inout [DeployStep]) {
        steps.append(step)
    }
}

/// One line of text per step (pure).
public enum DeployText {
    /// `layer deps: published version 4`, `function hello: configuration updated (MemorySize)`, …
    public static func line(for step: DeployStep, dryRun: Bool) -> String {
        let subject: String
        switch step.action {
        case .publishLayer: subject = "layer \(step.target)"
        case .createFunction, .updateCode: subject = "function \(step.target)"
        case .updateConfiguration: subject = "function \(step.target) configuration"
        case .updateTags: subject = "function \(step.target) tags"
        case .publishVersion: subject = "version of \(step.target)"
        case .moveAlias: subject = "alias \(step.target)"
        case .attachRoutes: subject = "routes on \(step.target)"
        }
        let verb: String
        switch (step.change, dryRun) {
        case (.unchanged, _): verb = "unchanged"
        case (.create, false): verb = "created"
        case (.create, true): verb = "would create"
        case (.update, false): verb = step.action == .updateCode ? "code updated" : "updated"
        case (.update, true): verb = step.action == .updateCode ? "would update code" : "would update"
        case (.publish, false): verb = "published"
        case (.publish, true): verb = "would publish"
        case (.move, false): verb = "moved"
        case (.move, true): verb = "would move"
        case (.ensure, _): verb = dryRun ? "would ensure" : "ensured"
        }
        var extras: [String] = []
        if let fields = step.fields, !fields.isEmpty { extras.append(fields.joined(separator: ", ")) }
        if let detail = step.detail { extras.append(detail) }
        return "\(subject): \(verb)" + (extras.isEmpty ? "" : " (\(extras.joined(separator: "; ")))")
    }
}
