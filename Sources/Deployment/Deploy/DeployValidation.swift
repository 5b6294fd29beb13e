import AWSCore
import Foundation

/// Local checks of a deploy configuration, all made before the first AWS call: names, ranges,
/// route keys, and that every code path and env file exists.
package enum DeployValidation {
    /// Checks the values of `config` (pure: no file access). Each error starts with where the
    /// value came from: `FILE:LINE` or `--set KEY=VALUE` (`file` when the config has no sources).
    package static func check(_ config: DeployConfig, file: String) throws {
        let function = config.function
        func fail(_ keyPath: String, _ message: String) -> DeployConfigError {
            DeployConfigError("\(config.sources.location(of: keyPath, fallback: file)): \(message)")
        }
        guard isName(function.name, maxLength: 64) || function.name.hasPrefix("arn:") else {
            throw fail("function.name", "function.name \"\(function.name)\" must be 1–64 letters, digits, - or _")
        }
        if function.runtime.isEmpty { throw fail("function.runtime", "function.runtime is empty; e.g. runtime: python3.12") }
        if function.handler.isEmpty { throw fail("function.handler", "function.handler is empty; e.g. handler: app.handler") }
        func fail(_ problem: InputProblem) -> DeployConfigError {
            fail(naming.subject(problem.field), problem.message(naming))
        }
        try checkRollout(config, fail: fail)
        if let problem = LambdaLimits.problem(memory: function.memory, timeout: function.timeout, description: nil) {
            throw fail(problem)
        }
        if let architecture = function.architecture, !LambdaLimits.architectures.contains(architecture) {
            throw fail("function.architecture", "function.architecture \"\(architecture)\" must be x86_64 or arm64")
        }
        if let problem = LambdaLimits.problem(memory: nil, timeout: nil, description: function.description) {
            throw fail(problem)
        }
        let settings = try checkSettings(config, fail: fail)
        var provisioned: Int?
        if case .set(let count)? = function.invocation.provisionedConcurrency { provisioned = count }
        if let mode = settings.snapStart,
            let problem = SnapStartRules.problem(
                mode: mode, runtime: function.runtime, ephemeralStorage: settings.ephemeralStorage,
                provisionedConcurrency: provisioned)
        {
            throw fail(problem)
        }
        let environment = function.environment ?? [:]
        for key in environment.keys.sorted() where !DesiredConfiguration.isValidVariableName(key) {
            throw fail(
                "function.environment.\(key)",
                "function.environment: \"\(key)\" is not a valid variable name; use letters, digits and _, starting with a letter")
        }
        if let key = environment.keys.sorted().first(where: DesiredConfiguration.reservedVariableNames.contains) {
            throw fail("function.environment.\(key)", "function.environment: " + DesiredConfiguration.reservedMessage(key))
        }
        let managed = config.layers.map(\.name)
        if let duplicate = managed.indices.first(where: { managed[..<$0].contains(managed[$0]) }) {
            throw fail("layers[\(duplicate)].name", "layers: each layer name may appear only once")
        }
        for (index, layer) in config.layers.enumerated() where !isName(layer.name, maxLength: 140) {
            throw fail("layers[\(index)].name", "layers: name \"\(layer.name)\" must be letters, digits, - or _")
        }
        let layerCount = (function.layers ?? []).count + managed.count
        if layerCount > 5 {
            throw fail(function.layers == nil ? "layers" : "function.layers", "a function can use at most 5 layers; the config gives \(layerCount)")
        }
        if let alias = config.alias, !isName(alias, maxLength: 128) || Int(alias) != nil {
            throw fail("alias", "alias \"\(alias)\" must be letters, digits, - or _ and not only digits; e.g. alias: live")
        }
        if config.waitTimeoutSeconds == nil {
            throw fail("wait_timeout", "wait_timeout \"\(config.waitTimeout ?? "")\" must be seconds or a duration like 90s or 10m")
        }
        if let routes = config.routes { try check(routes, fail: fail) }
        try checkInvocation(config, fail: fail)
        for (index, entry) in (function.policies ?? []).enumerated() {
            let keyPath = "function.policies[\(index)]"
            switch entry {
            case .managed(let reference):
                if let problem = PolicyReference.problem(reference) { throw fail(keyPath, "function.policies: \(problem)") }
            case .statement(let statement):
                if let problem = PolicyDocument.problem(in: statement) { throw fail(keyPath, "function.policies: the statement \(problem)") }
            }
        }
    }

    /// The checked settings keys (`vpc`, `tracing`, `ephemeral_storage`, `logging`,
    /// `dead_letter`, `snap_start`), each problem named by its key and line.
    package static func checkSettings(_ config: DeployConfig, fail: (InputProblem) -> DeployConfigError) throws
        -> FunctionSettings
    {
        do {
            return try config.function.settings.input.settings()
        } catch let error as LifecycleError {
            guard let problem = error.problem else { throw error }
            throw fail(problem)
        }
    }

    /// Checks the routes section: an API name and keys like `GET /hello`.
    static func check(_ routes: RoutesSpec, fail: (String, String) -> DeployConfigError) throws {
        if routes.api.isEmpty { throw fail("routes.api", "routes.api is empty; name the HTTP API, e.g. api: hello-api") }
        if routes.routes.isEmpty { throw fail("routes.routes", "routes.routes is empty; e.g. routes: [\"GET /hello\"]") }
        for (index, key) in routes.routes.enumerated() {
            do {
                _ = try RouteKey(key)
            } catch let error as RouteKeyError {
                throw fail("routes.routes[\(index)]", "routes.routes: \(error.description)")
            }
        }
        if let stage = routes.stage, stage != "$default", !isName(stage, maxLength: 128) {
            throw fail("routes.stage", "routes.stage \"\(stage)\" must be $default or letters, digits, - and _")
        }
    }

    /// Checks `function.runtime` and `function.handler` against the runtime table for `use` on
    /// `today`: throws for a blocked runtime or an impossible handler, returns the warnings
    /// (deprecated or unknown runtime), each naming its line or `--set`.
    package static func checkRuntime(_ config: DeployConfig, file: String, for use: RuntimeRules.Use, today: String) throws
        -> [String]
    {
        let function = config.function
        let runtimeAt = config.sources.location(of: "function.runtime", fallback: file)
        let warnings: [String]
        do {
            warnings = try RuntimeRules.check(runtime: function.runtime, for: use, today: today, option: "function.runtime")
        } catch let error as LifecycleError {
            throw DeployConfigError("\(runtimeAt): \(error.message)")
        }
        do {
            try RuntimeRules.checkHandler(function.handler, runtime: function.runtime, option: "function.handler")
        } catch let error as LifecycleError {
            throw DeployConfigError("\(config.sources.location(of: "function.handler", fallback: file)): \(error.message)")
        }
        return warnings.map { "\(runtimeAt): \($0)" }
    }

    /// Checks that the function's and every layer's code and the env file exist.
    package static func checkFiles(_ config: DeployConfig, loader: CodeLoader, file: String) throws {
        func location(_ keyPath: String) -> String { config.sources.location(of: keyPath, fallback: file) }
        let codes = [("function.code", config.function.code)]
            + config.layers.enumerated().map { ("layers[\($0.offset)].code", $0.element.code) }
        for (keyPath, code) in codes {
            do {
                try loader.validate(code)
            } catch let error as LifecycleError {
                throw DeployConfigError("\(location(keyPath)): " + error.message(CodeKeyNaming()), category: error.category)
            }
        }
        if let envFile = config.function.envFile, !loader.files.isReadable(at: envFile) {
            throw DeployConfigError(
                "\(location("function.env_file")): function.env_file \(envFile) cannot be read", category: .localInput)
        }
    }

    /// Inputs named by their deploy-config keys: `function.memory`, `memory: 512`.
    static let naming = DeployConfigNaming()

    static func isName(_ text: String, maxLength: Int) -> Bool {
        !text.isEmpty && text.count <= maxLength
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// `rollout:`: needs `alias:`; steps between 0 and 100 going up; an interval that parses.
    static func checkRollout(_ config: DeployConfig, fail: (String, String) -> DeployConfigError) throws {
        guard let rollout = config.rollout else { return }
        if config.alias == nil {
            throw fail("rollout", "rollout moves an alias's traffic step by step and needs alias:; add e.g. alias: live")
        }
        if let steps = rollout.steps, let problem = RolloutSchedule.problem(steps: steps) {
            throw fail("rollout.steps", "rollout.steps: \(problem); e.g. steps: [10, 50]")
        }
        if let interval = rollout.interval, DurationSpec.parse(interval) == nil {
            throw fail("rollout.interval", "rollout.interval \"\(interval)\" is not a duration; e.g. interval: 2m (or 90s, 30)")
        }
        if let empty = rollout.alarms?.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw fail("rollout.alarms[\(empty)]", "rollout.alarms: an alarm name is empty; e.g. alarms: [errors]")
        }
    }
}
