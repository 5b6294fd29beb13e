import AWSLambda
import Foundation

/// What exists now, gathered with read-only calls.
package struct DeployState: Sendable, Equatable {
    /// The function's configuration; nil when it does not exist.
    package var function: FunctionConfiguration?
    /// The function's tags.
    package var tags: [String: String]
    /// The latest version of each managed layer, by layer name; absent when it has none.
    package var layers: [String: LayerVersion]
    /// The CodeSha256 of each managed layer's latest version, by layer name.
    package var layerCodeSHA256: [String: String]
    /// The highest published version and its CodeSha256.
    package var latestVersion: FunctionConfiguration?
    /// The version the alias points at now; nil when there is no such alias.
    package var aliasVersion: String?
    /// What attaching the routes would change (`--dry-run` only; nil: not looked at).
    package var routeChanges: [String]?
    /// The routes' invoke URL found by the preview.
    package var routeInvokeURL: String?
    /// Reserved concurrency (read only when the config sets `reserved_concurrency`).
    package var reservedConcurrency: Int?
    /// The alias's provisioned concurrency (read only when the config sets `provisioned_concurrency`).
    package var provisioned: ProvisionedConcurrencyConfig?
    /// The alias's (else the function's) async settings (read only when the config sets `async`).
    package var asyncSettings: AsyncInvokeSettings?
    /// The alias's (else `$LATEST`'s) function URL (read only when the config sets `function_url`).
    package var functionURL: FunctionURLConfig?
    /// The execution role as read, and the writes it needs (nil: not looked at).
    package var role: RolePolicyConverger.Prepared?
    /// The move off the app's shared role onto the function's own, when it now needs one.
    package var roleSwitch: RoleSwitch?

    /// Creates a state.
    package init(
        function: FunctionConfiguration? = nil, tags: [String: String] = [:], layers: [String: LayerVersion] = [:],
        layerCodeSHA256: [String: String] = [:], latestVersion: FunctionConfiguration? = nil,
        aliasVersion: String? = nil
    ) {
        self.function = function
        self.tags = tags
        self.layers = layers
        self.layerCodeSHA256 = layerCodeSHA256
        self.latestVersion = latestVersion
        self.aliasVersion = aliasVersion
    }
}

/// What the config asks for, with local code already hashed.
package struct DeployTarget: Sendable, Equatable {
    /// The function name.
    package var name: String
    /// The CodeSha256 of the function's package.
    package var codeSHA256: String
    /// Runtime, handler, memory, timeout, description (environment and layers are filled by the plan).
    package var configuration: DesiredConfiguration
    /// The whole environment when the config sets one; nil leaves the function's as it is.
    package var environment: [String: String]?
    /// Layer ARNs not managed by the config; nil keeps the function's other layers.
    package var explicitLayers: [String]?
    /// Tags to add or overwrite (tags not listed are kept).
    package var tags: [String: String]
    /// Managed layers: name and CodeSha256 of the local package, in config order.
    package var layers: [(name: String, codeSHA256: String)]
    /// Managed layers' settings (runtimes, architectures, description, licence) by layer name;
    /// a layer without an entry is compared by code only.
    package var layerSettings: [String: LayerSettings] = [:]
    /// Publish a version after a change.
    package var publish: Bool
    /// The alias to point at the published version.
    package var alias: String?
    /// Routes to ensure.
    package var routes: RoutesSpec?
    /// Concurrency and asynchronous invocation, as the config gives them.
    package var invocation = InvocationSpec()
    /// What `function.policies` asks of the execution role.
    package var policies: RolePolicyRequest = RolePolicyRequest()

    /// Creates a target.
    package init(
        name: String, codeSHA256: String, configuration: DesiredConfiguration, environment: [String: String]? = nil,
        explicitLayers: [String]? = nil, tags: [String: String] = [:], layers: [(name: String, codeSHA256: String)] = [],
        publish: Bool = false, alias: String? = nil, routes: RoutesSpec? = nil
    ) {
        self.name = name
        self.codeSHA256 = codeSHA256
        self.configuration = configuration
        self.environment = environment
        self.explicitLayers = explicitLayers
        self.tags = tags
        self.layers = layers
        self.publish = publish || alias != nil
        self.alias = alias
        self.routes = routes
    }

    package static func == (lhs: DeployTarget, rhs: DeployTarget) -> Bool {
        lhs.name == rhs.name && lhs.codeSHA256 == rhs.codeSHA256 && lhs.configuration == rhs.configuration
            && lhs.environment == rhs.environment && lhs.explicitLayers == rhs.explicitLayers && lhs.tags == rhs.tags
            && lhs.layers.map(\.name) == rhs.layers.map(\.name) && lhs.layers.map(\.codeSHA256) == rhs.layers.map(\.codeSHA256)
            && lhs.layerSettings == rhs.layerSettings
            && lhs.publish == rhs.publish && lhs.alias == rhs.alias && lhs.routes == rhs.routes
            && lhs.invocation == rhs.invocation && lhs.policies == rhs.policies
    }
}

/// One step of a deploy: what it acts on and whether (and how) it changes anything.
package struct DeployStep: Sendable, Equatable, Encodable {
    /// The kind of step.
    package enum Action: String, Sendable, Encodable {
        case publishLayer = "publish-layer"
        case createFunction = "create-function"
        case updateCode = "update-code"
        case createRole = "create-role"
        case switchRole = "switch-role"
        case updateRole = "update-role"
        case updateConfiguration = "update-configuration"
        case updateTags = "update-tags"
        case publishVersion = "publish-version"
        case moveAlias = "move-alias"
        case attachRoutes = "attach-routes"
        case reservedConcurrency = "reserved-concurrency"
        case provisionedConcurrency = "provisioned-concurrency"
        case asyncConfig = "async-config"
        case functionURL = "function-url"
        /// The function's triggers (a report's failed step when attaching one failed).
        case triggers
        /// The function's alarms (a report's failed step when writing one failed).
        case alarms

        /// The kind of resource the step acts on, for events.
        package var resourceKind: String {
            switch self {
            case .publishLayer: "layer"
            case .createRole, .updateRole: "role"
            case .moveAlias: "alias"
            case .attachRoutes: "api"
            case .triggers: "trigger"
            case .alarms: "alarm"
            default: "function"
            }
        }
    }

    /// What the step does to its target.
    package enum Change: String, Sendable, Encodable {
        case create, update, publish, move, ensure, unchanged
    }

    package var action: Action
    /// The layer, function, version or alias name.
    package var target: String
    package var change: Change
    /// Changed configuration fields (update-configuration only), as Lambda names them.
    package var fields: [String]?
    /// Each changed field, old → new (environment values never shown).
    package var diff: [FieldChange]?
    /// A short human detail: a CodeSha256, a version, an ARN.
    package var detail: String?

    /// Creates a step.
    package init(
        _ action: Action, _ target: String, _ change: Change, fields: [String]? = nil, diff: [FieldChange]? = nil,
        detail: String? = nil
    ) {
        self.action = action
        self.target = target
        self.change = change
        self.fields = fields
        self.diff = diff
        self.detail = detail
    }

    /// True when the step changes something.
    package var changes: Bool { change != .unchanged }
}

/// What a deploy will do, decided from the current state and the target alone (pure).
/// Layers first, then the function (create, or code then configuration), then the version,
/// the alias and the routes.
package struct DeployPlan: Sendable, Equatable {
    /// The steps, in execution order.
    package var steps: [DeployStep]
    /// The layer list the function will have, with `NAME:(new)`-style placeholders for layers
    /// not yet published.
    package var layerARNs: [String]?
    /// The configuration changes for an existing function (nil when it is created).
    package var configuration: DesiredConfiguration

    /// Computes the plan.
    package init(current: DeployState, desired: DeployTarget) {
        var (steps, managedARNs) = Self.layerSteps(current: current, desired: desired)
        let layerARNs = Self.layerList(
            explicit: desired.explicitLayers, current: current.function?.layerARNs ?? [], managed: managedARNs)
        self.layerARNs = layerARNs
        var configuration = desired.configuration
        configuration.layers = layerARNs
        if let environment = desired.environment {
            configuration.setEnvironment = environment
            configuration.unsetEnvironment = (current.function?.variables.keys.filter { environment[$0] == nil } ?? []).sorted()
        }
        self.configuration = configuration
        var functionChanged = true
        if let function = current.function {
            let codeChanged = function.codeSHA256 != desired.codeSHA256
            steps.append(
                DeployStep(.updateCode, desired.name, codeChanged ? .update : .unchanged,
                    diff: codeChanged ? [FieldChange("code", old: function.codeSHA256, new: desired.codeSHA256)] : nil,
                    detail: codeChanged ? nil : "CodeSha256 \(desired.codeSHA256)"))
            let changes = ConfigurationPlan(current: function, desired: configuration).changes
            if let move = current.roleSwitch {
                steps.append(
                    DeployStep(.switchRole, desired.name, .update, diff: [FieldChange("role", old: move.from, new: move.to)],
                        detail: "it needs a role of its own now"))
            }
            if let role = current.role, !role.plan.isEmpty {
                steps.append(
                    DeployStep(.updateRole, role.roleName, .update,
                        diff: role.plan.lines.map { FieldChange("policies", old: nil, new: nil, note: $0) }))
            }
            steps.append(
                DeployStep(.updateConfiguration, desired.name, changes.isEmpty ? .unchanged : .update,
                    fields: changes.isEmpty ? nil : changes.fieldNames,
                    diff: changes.isEmpty ? nil : FieldChange.configuration(changes, current: function)))
            // A version keeps the role it was published with: a move off the shared role publishes.
            functionChanged = codeChanged || !changes.isEmpty || current.roleSwitch != nil
            let tags = Self.tagChanges(current: current.tags, desired: desired.tags)
            if !tags.isEmpty {
                steps.append(
                    DeployStep(.updateTags, desired.name, .update, fields: tags.keys.sorted(),
                        diff: FieldChange.tags(tags, current: current.tags)))
            }
        } else {
            steps.append(DeployStep(.createFunction, desired.name, .create, detail: "CodeSha256 \(desired.codeSHA256)"))
        }
        if let version = current.latestVersion,
            Self.versionDiffers(version, configuration: configuration, environment: desired.environment)
        {
            // $LATEST already matches (a previous run updated it, then failed before publishing),
            // but the published version does not: publish again so the alias gets this configuration.
            functionChanged = true
        }
        steps += Self.releaseSteps(current: current, desired: desired, functionChanged: functionChanged)
        steps += Self.invocationSteps(current: current, desired: desired)
        self.steps = steps
    }

    /// The tags to add or overwrite: those whose value differs (pure).
    package static func tagChanges(current: [String: String], desired: [String: String]) -> [String: String] {
        desired.filter { current[$0.key] != $0.value }
    }

    /// One step per managed layer, and the ARN each will have (a guess for unpublished ones).
    static func layerSteps(current: DeployState, desired: DeployTarget) -> (steps: [DeployStep], arns: [String]) {
        var steps: [DeployStep] = []
        var arns: [String] = []
        for layer in desired.layers {
            let latest = current.layers[layer.name]
            if let latest, current.layerCodeSHA256[layer.name] == layer.codeSHA256,
                desired.layerSettings[layer.name]?.matches(latest) ?? true
            {
                steps.append(DeployStep(.publishLayer, layer.name, .unchanged, detail: "version \(latest.version)"))
                arns.append(latest.layerVersionARN)
            } else {
                steps.append(DeployStep(.publishLayer, layer.name, .publish, detail: layer.codeSHA256))
                arns.append(Self.placeholderARN(for: layer.name, latest: latest))
            }
        }
        return (steps, arns)
    }

    /// Publish, alias and routes steps. A version is published when the function changed or the
    /// latest version holds other code; the alias moves when it is not at that version.
    static func releaseSteps(current: DeployState, desired: DeployTarget, functionChanged: Bool) -> [DeployStep] {
        var steps: [DeployStep] = []
        var version = current.latestVersion?.version
        if desired.publish {
            let needed = functionChanged || current.latestVersion?.codeSHA256 != desired.codeSHA256
            steps.append(
                DeployStep(.publishVersion, desired.name, needed ? .publish : .unchanged,
                    detail: needed ? version.map { "latest is version \($0)" } : version.map { "version \($0)" }))
            if needed { version = nil }
        }
        if let alias = desired.alias {
            let unchanged = version != nil && current.aliasVersion == version
            if unchanged || current.aliasVersion == nil {
                steps.append(
                    DeployStep(.moveAlias, alias, unchanged ? .unchanged : .create,
                        detail: version.map { "version \($0)" } ?? "the version published"))
            } else {
                steps.append(
                    DeployStep(.moveAlias, alias, .move, diff: [FieldChange("version", old: current.aliasVersion, new: version)]))
            }
        }
        if let routes = desired.routes {
            if let changes = current.routeChanges {
                steps.append(
                    DeployStep(.attachRoutes, routes.api, changes.isEmpty ? .unchanged : .update,
                        detail: (changes + [current.routeInvokeURL].compactMap { $0 }).joined(separator: "; ")))
            } else {
                steps.append(DeployStep(.attachRoutes, routes.api, .ensure, detail: routes.routes.joined(separator: ", ")))
            }
        }
        return steps
    }

    /// Whether the published `version` has another configuration than the one asked for (pure).
    /// Only fields the version reports are compared (Lambda always reports MemorySize; a record
    /// without it is treated as unknown), and only fields the config sets.
    static func versionDiffers(
        _ version: FunctionConfiguration, configuration: DesiredConfiguration, environment: [String: String]?
    ) -> Bool {
        guard version.memorySize != nil else { return false }
        func differs<T: Equatable>(_ wanted: T?, _ actual: T?) -> Bool { wanted != nil && wanted != actual }
        if differs(configuration.memorySize, version.memorySize) || differs(configuration.timeout, version.timeout)
            || differs(configuration.handler, version.handler) || differs(configuration.runtime, version.runtime)
            || differs(configuration.description, version.description ?? "")
        {
            return true
        }
        if let environment, environment != version.variables { return true }
        if let layers = configuration.layers, layers != version.layerARNs { return true }
        return !FunctionSettingsPlan.fields(current: version, desired: configuration.settings).isEmpty
    }

    /// True when the deploy would change nothing (routes not previewed — `ensure` — are not counted).
    package var isEmpty: Bool { steps.allSatisfy { !$0.changes || $0.change == .ensure } }

    /// The function's layer list: the explicit list (or the function's current one) with each
    /// managed layer replacing its older versions in place, or appended (pure).
    package static func layerList(explicit: [String]?, current: [String], managed: [String]) -> [String]? {
        if explicit == nil && managed.isEmpty { return nil }
        var list = explicit ?? current
        for arn in managed { list = LayerPublisher.replacing(arn, in: list) }
        return list
    }

    /// The ARN the next version of a layer will probably have (for the plan only).
    static func placeholderARN(for name: String, latest: LayerVersion?) -> String {
        guard let latest else { return "layer:\(name):(new)" }
        return "\(LayerPublisher.unversioned(latest.layerVersionARN)):\(latest.version + 1)"
    }
}
