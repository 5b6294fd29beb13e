import AWSCore
import AWSLambda
import Foundation

/// Attaches HTTP API routes to a function (the routes use case, plugged in by the
/// composition root); returns one line per change made.
package protocol RouteAttaching: Sendable {
    /// Ensures `routes` point at `function` (at `qualifier` when given).
    func attach(_ routes: RoutesSpec, function: String, qualifier: String?) async throws -> RouteAttachment

    /// What `attach` would change, found with read-only calls. `functionARN` is the function's
    /// (unqualified) ARN, nil when the function does not exist yet.
    func preview(_ routes: RoutesSpec, function: String, qualifier: String?, functionARN: String?) async throws
        -> RouteAttachment
}

/// What attaching routes found and did.
package struct RouteAttachment: Sendable, Equatable, Encodable {
    /// The URL to call.
    package var invokeURL: String
    /// One line per change; empty when nothing changed.
    package var changes: [String]

    /// JSON keys: camelCase with acronyms as words.
    enum CodingKeys: String, CodingKey {
        case invokeURL = "invokeUrl", changes
    }

    /// Creates an attachment.
    package init(invokeURL: String, changes: [String]) {
        self.invokeURL = invokeURL
        self.changes = changes
    }
}

/// What a deploy did (or, with `--dry-run`, would do).
package struct DeployReport: Sendable, Equatable, Encodable {
    package var functionName: String
    package var dryRun: Bool
    /// True when any step changed something.
    package var changed: Bool
    package var steps: [DeployStep]
    /// The published (or current) version the alias points at.
    package var version: String?
    package var alias: String?
    /// The HTTP API URL, when routes were attached.
    package var invokeURL: String?
    /// The step that failed, when the deploy stopped midway (`steps` are those done).
    package var failedStep: DeployStep?
    /// Why it failed: AWS's reason, on one line.
    package var error: String?
    /// The planned steps after the failed one that would have changed something.
    package var notStarted: [DeployStep]?
    /// After a failure: what to do (a rerun converges), worded by the caller, which knows the
    /// command that was run.
    package var rerun: String?
    /// The triggers' plan (or, after applying, what was done); nil when the config has no
    /// `function.triggers` key.
    package var triggers: [TriggerStep]? = nil
    /// The alarms' plan (or, after applying, what was done); nil when the config has no
    /// `function.alarms` key.
    package var alarms: [AlarmStep]? = nil
    /// The rollout of the alias to the new version, when `rollout:` moved it step by step.
    package var rollout: RolloutReport? = nil
    /// The alias move left to a rollout after every step (not printed: `rollout` reports it).
    package var pendingRollout: PendingRollout? = nil

    /// JSON keys: camelCase with acronyms as words.
    enum CodingKeys: String, CodingKey {
        case functionName, dryRun, changed, steps, version, alias, invokeURL = "invokeUrl"
        case failedStep, error, notStarted, rerun, triggers, alarms, rollout
    }
}

/// A deploy that stopped at a step: the report (steps done, the failed one, those not started)
/// and the error that stopped it, whose category decides the exit code.
package struct DeployFailure: Error, CustomStringConvertible {
    /// What was done, what failed, what was not started.
    package var report: DeployReport
    /// The error of the failed step.
    package var underlying: any Error

    /// Creates the failure.
    package init(report: DeployReport, underlying: any Error) {
        self.report = report
        self.underlying = underlying
    }

    /// The failed step's error on one line.
    package var description: String { Self.oneLine(underlying) }

    /// `error` folded onto one line.
    static func oneLine(_ error: any Error) -> String {
        ErrorTextFolding.oneLine(String(describing: error))
    }
}

/// `deploy`: validate everything locally, read the current state, plan, then (unless dry-run)
/// apply the plan through the lifecycle use cases (which wait, pin RevisionIds, create the
/// role and stage large packages).
package struct Deployer: Sendable {
    /// The shared services.
    package var services: LifecycleServices
    /// The routes use case; nil when this build has none (a `routes:` section is then refused).
    package var routes: (any RouteAttaching)?
    /// The trigger handlers; nil when not given (a `function.triggers` key is then refused).
    package var triggers: TriggerWiring?
    /// Also remove lambdactl-made triggers a non-empty `function.triggers` list does not name.
    package var prune: Bool
    /// CloudWatch and SNS for `function.alarms`; nil when not given (the key is then refused).
    package var alarms: AlarmServices?
    /// CloudWatch for `rollout:`; nil when not given (the key is then refused).
    package var rollout: RolloutWiring?
    /// Leave the rollout in the report (`pendingRollout`) for the caller to run with others
    /// (the app deploy's lockstep rollout).
    package var defersRollout = false

    /// Creates the use case; directories are packaged once per run (`PackageCache`).
    package init(
        services: LifecycleServices, routes: (any RouteAttaching)? = nil, triggers: TriggerWiring? = nil, prune: Bool = false,
        alarms: AlarmServices? = nil, rollout: RolloutWiring? = nil
    ) {
        self.rollout = rollout
        self.triggers = triggers
        self.alarms = alarms
        self.prune = prune
        var services = services
        if let packager = services.loader.packager, !(packager is PackageCache) {
            services.loader.packager = PackageCache(wrapping: packager)
        }
        self.services = services
        self.routes = routes
    }

    /// Local inputs, ready before the first call.
    struct Prepared: Sendable {
        var config: DeployConfig
        var target: DeployTarget
        /// The config file's path, for messages.
        var file = ""
        /// The app's shared execution role, for a new function that needs no role of its own
        /// (set by the app deploy); nil: the function's own role is found or made.
        var sharedRole: RoleProvisioner.Resolved?
    }

    /// Runs the deploy described by `config` (read from `file`).
    package func run(_ config: DeployConfig, file: String, dryRun: Bool) async throws -> DeployReport {
        let planned = try await plan(config, file: file, dryRun: dryRun)
        if dryRun { return planned.report }
        return try await apply(planned)
    }

    /// A deploy planned with read-only calls, ready to apply.
    package struct Planned: Sendable {
        var prepared: Prepared
        var state: DeployState
        var plan: DeployPlan
        var triggerPlan: [TriggerConvergence.Planned]?
        var alarmPlan: [AlarmConvergence.Planned]?
        /// The plan as a report (what a dry run prints).
        package var report: DeployReport
        /// The function exists now.
        package var functionExists: Bool { state.function != nil }
        /// The function's tags as read.
        package var currentTags: [String: String] { state.tags }
        /// The function's ARN, when it exists.
        package var functionARN: String? { state.function?.functionARN }
        /// True when applying would change something.
        package var changes: Bool { report.changed }
    }

    /// Every local check, then the current state read and the plan made: no write.
    package func plan(_ config: DeployConfig, file: String, dryRun: Bool) async throws -> Planned {
        let prepared = try await prepare(config, file: file)
        var state = try await observe(prepared)
        if dryRun, let spec = config.routes, let routes {
            let preview = try await routes.preview(
                spec, function: config.function.name, qualifier: config.alias, functionARN: state.function?.functionARN)
            state.routeChanges = preview.changes
            state.routeInvokeURL = preview.invokeURL.isEmpty ? nil : preview.invokeURL
        }
        try checkSettings(prepared, against: state)
        let plan = DeployPlan(current: state, desired: prepared.target)
        let triggerPlan = try await planTriggers(prepared, functionExists: state.function != nil)
        var report = DeployReport(
            functionName: config.function.name, dryRun: dryRun, changed: !plan.isEmpty, steps: plan.steps.map {
                rolloutNoted($0, config: config, current: state.aliasVersion)
            },
            version: nil, alias: config.alias, invokeURL: dryRun ? state.routeInvokeURL : nil)
        report.triggers = triggerPlan?.map(\.step)
        if triggerPlan?.contains(where: \.step.writes) == true { report.changed = true }
        let alarmPlan = try await planAlarms(prepared, functionARN: state.function?.functionARN)
        report.alarms = alarmPlan?.map(\.step)
        if alarmPlan?.contains(where: \.step.writes) == true { report.changed = true }
        return Planned(prepared: prepared, state: state, plan: plan, triggerPlan: triggerPlan, alarmPlan: alarmPlan, report: report)
    }

    /// Applies a plan made by `plan` (not a dry run's).
    package func apply(_ planned: Planned) async throws -> DeployReport {
        var report = planned.report
        report.dryRun = false
        report = try await execute(planned.plan, prepared: planned.prepared, state: planned.state, report: report)
        if let triggerPlan = planned.triggerPlan {
            report = try await applyTriggers(triggerPlan, prepared: planned.prepared, report: report)
        }
        if let alarmPlan = planned.alarmPlan {
            report = try await applyAlarms(alarmPlan, planned: planned, report: report)
        }
        return try await runPendingRollout(report)
    }

    /// Every local check and the package hashes; no AWS call.
    func prepare(_ config: DeployConfig, file: String) async throws -> Prepared {
        try DeployValidation.check(config, file: file)
        let runtimeWarnings = try DeployValidation.checkRuntime(config, file: file, for: .update, today: services.today)
        runtimeWarnings.forEach(services.warn)
        if config.routes != nil, routes == nil {
            throw DeployConfigError(
                "\(file): routes in deploy config need the attach-routes use case, which this build does not have; "
                    + "remove the routes section and attach them with the routes command")
        }
        try DeployValidation.checkFiles(config, loader: services.loader, file: file)
        try validateTriggers(config, file: file)
        if config.alarms != nil, alarms == nil {
            throw DeployConfigError(
                "\(file): function.alarms needs CloudWatch and SNS clients, which this deploy was not given; "
                    + "remove the alarms key")
        }
        if config.rollout != nil, rollout == nil {
            throw DeployConfigError(
                "\(file): rollout needs a CloudWatch client, which this deploy was not given; remove the rollout key")
        }
        let function = config.function
        var environment: [String: String]?
        if function.envFile != nil || function.environment != nil {
            var variables = try function.envFile.map { try EnvironmentInput.load(file: $0, files: services.loader.files) } ?? [:]
            for (key, value) in function.environment ?? [:] { variables[key] = value }
            try EnvironmentSize.check(variables)
            environment = variables
        }
        let code = try await services.loader.load(function.code)
        var layers: [(name: String, codeSHA256: String)] = []
        for layer in config.layers {
            layers.append((layer.name, try await services.loader.load(layer.code, kind: .layer).codeSHA256))
        }
        var desired = DesiredConfiguration(
            memorySize: function.memory, timeout: function.timeout, handler: function.handler,
            runtime: function.runtime, description: function.description)
        desired.settings = try function.settings.input.settings()
        // The merged environment (env_file included) is checked too, so --dry-run sees what AWS would refuse.
        try DesiredConfiguration(setEnvironment: environment ?? [:]).validate()
        try desired.validate()
        var target = DeployTarget(
            name: function.name, codeSHA256: code.codeSHA256, configuration: desired, environment: environment,
            explicitLayers: function.layers, tags: (function.tags ?? [:]).merging(config.ownership?.tags ?? [:]) { $1 },
            layers: layers, publish: config.publish,
            alias: config.alias,
            routes: config.routes)
        for layer in config.layers { target.layerSettings[layer.name] = layer.settings }
        target.invocation = function.invocation
        target.policies = PolicyEntry.request(function.policies)
        return Prepared(config: config, target: target, file: file)
    }

    /// What AWS would refuse once the settings meet the function as it is (IPv6 without a VPC,
    /// log levels with the Text format, SnapStart with this runtime or `/tmp`), before any write.
    func checkSettings(_ prepared: Prepared, against state: DeployState) throws {
        let function = prepared.config.function
        let current = state.function ?? FunctionConfiguration(functionName: function.name, runtime: function.runtime)
        guard let problem = FunctionSettingsPlan.problem(
            current: current, desired: prepared.target.configuration.settings, runtime: function.runtime, ephemeralStorage: nil)
        else { return }
        let naming = DeployValidation.naming
        let location = prepared.config.sources.location(of: naming.subject(problem.field), fallback: prepared.file)
        throw DeployConfigError("\(location): \(problem.message(naming))")
    }

    /// The current state, read with read-only calls.
    func observe(_ prepared: Prepared) async throws -> DeployState {
        let name = prepared.target.name
        var state = DeployState()
        do {
            let details = try await services.lambda.getFunction(name)
            state.function = details.configuration
            state.tags = details.tags ?? [:]
        } catch let error as AWSServiceError where error.isNotFound {
            state.function = nil
            // A new function: Lambda may refuse the runtime for creation while still allowing updates.
            _ = try DeployValidation.checkRuntime(prepared.config, file: prepared.file, for: .create, today: services.today)
            if let role = prepared.config.function.role, !prepared.target.policies.isEmpty {
                // policies with a role the user supplied: refused now, before any layer is published.
                let resolved = try await RoleProvisioner(iam: services.iam).resolve(role: role, function: name, now: services.time.now())
                _ = try await RolePolicyConverger(iam: services.iam, warn: services.warn).prepare(
                    roleARN: resolved.arn, function: name, request: prepared.target.policies, needs: RoleNeeds())
            }
        }
        for layer in prepared.config.layers {
            guard let latest = try await services.lambda.listLayerVersions(layer.name).max(by: { $0.version < $1.version })
            else { continue }
            // GetLayerVersion: the code's hash and the settings LayerSettings compares.
            let full = try await services.lambda.getLayerVersion(layer.name, version: latest.version)
            state.layers[layer.name] = full
            state.layerCodeSHA256[layer.name] = full.content?.codeSHA256
        }
        if let function = state.function {
            if let architecture = prepared.config.function.architecture, let current = function.architectures?.first,
                current != architecture
            {
                throw DeployConfigError(
                    "\(name) runs on \(current) and the config asks for \(architecture); deploy cannot change the "
                        + "architecture", hint: .deleteAndDeploy(function: name), separator: ": ")
            }
            let needs = RoleNeeds.resulting(current: function, desired: prepared.target.configuration, destinations: nil)
            if let move = plannedRoleSwitch(prepared, current: function) {
                // The own role is planned as new (basic execution policy only): nothing to read.
                state.roleSwitch = move
                state.role = try await RolePolicyConverger(iam: services.iam, warn: services.warn).prepare(
                    roleARN: move.toARN, function: name, request: prepared.target.policies, needs: needs, justCreated: true)
            } else if RoleNeeds.concernsRole(prepared.target.policies, needs: needs, current: function) {
                state.role = try await RolePolicyConverger(iam: services.iam, warn: services.warn).prepare(
                    roleARN: function.role ?? "", function: function.functionName ?? name, request: prepared.target.policies,
                    needs: needs)
            }
            if prepared.target.publish {
                state.latestVersion = try await services.lambda.listVersions(name)
                    .filter { Int($0.version ?? "") != nil }.max { Int($0.version ?? "")! < Int($1.version ?? "")! }
            }
            if let alias = prepared.target.alias {
                do {
                    state.aliasVersion = try await services.lambda.getAlias(name, alias: alias).functionVersion
                } catch let error as AWSServiceError where error.isNotFound {
                    state.aliasVersion = nil
                }
            }
            try await observeInvocation(prepared, into: &state)
        }
        return state
    }
}
