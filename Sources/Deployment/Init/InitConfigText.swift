import AWSCloudWatch
import AWSLambda
import Foundation

/// Turns deployed functions into deploy-file text (pure): the single-function form for one,
/// the app form (`app:` + `functions:`) for several. Environment values go to env files, never
/// into the YAML; whatever the file cannot express becomes a note, printed and written as a
/// comment at the end of the file.
package struct InitConfigText: Sendable {
    /// The app's name (the app form), or nil (one function).
    package var app: String?
    /// The `code:` path of each function, relative to the config file, by function name.
    package var codePaths: [String: String]
    /// Functions whose `code:` is a placeholder the user fills in.
    package var placeholders: Set<String>
    /// The config file's name, for the env file names (`lambdactl.env`, `lambdactl.NAME.env`).
    package var configName: String
    /// The app's stage, when every function is tagged for the app with the same
    /// `lambdactl:stage` and named with its suffix (set by `render`).
    var stage: String?

    /// Creates the renderer.
    package init(app: String?, codePaths: [String: String], placeholders: Set<String>, configName: String = "lambdactl.yml") {
        self.app = app
        self.codePaths = codePaths
        self.placeholders = placeholders
        self.configName = configName
    }

    /// The rendered files: the config first, then the env files; and the notes.
    package struct Rendered: Sendable, Equatable {
        /// The config's text.
        package var config: String
        /// Env files (relative path → content).
        package var envFiles: [InitFile]
        /// Notes for the user.
        package var notes: [String]
    }

    /// The env file of `function`: `lambdactl.env` beside a single-function file, else one per function.
    package func envFileName(_ function: String) -> String {
        let stem = configName.hasSuffix(".yml") || configName.hasSuffix(".yaml")
            ? String(configName[..<configName.lastIndex(of: ".")!]) : configName
        return app == nil ? "\(stem).env" : "\(stem).\(key(function)).env"
    }

    /// Renders `functions` (one, or several with `app`).
    package func render(_ functions: [DeployedFunction]) -> Rendered {
        var renderer = self
        renderer.stage = Self.stage(of: functions, app: app)
        return renderer.rendered(functions)
    }

    /// The stage all `functions` were deployed with as `app`, if they share one.
    static func stage(of functions: [DeployedFunction], app: String?) -> String? {
        guard let app else { return nil }
        let stages = Set(functions.map { $0.tags[AppOwnership.appTag] == app ? $0.tags[AppOwnership.stageTag] : nil })
        guard stages.count == 1, let stage = stages.first ?? nil, !stage.isEmpty,
            functions.allSatisfy({ $0.name.hasSuffix("-\(stage)") && $0.name.count > stage.count + 1 })
        else { return nil }
        return stage
    }

    /// The function's key in the app form: its name without the stage's suffix.
    func key(_ name: String) -> String {
        guard let stage, name.hasSuffix("-\(stage)") else { return name }
        return String(name.dropLast(stage.count + 1))
    }

    /// What rendering collects beside the lines: notes, env files and each API's routes.
    struct Collected {
        var notes: [String] = []
        var envFiles: [InitFile] = []
        var apis: [String: [(route: String, function: String)]] = [:]
    }

    func rendered(_ functions: [DeployedFunction]) -> Rendered {
        var collected = Collected()
        let alias = Self.alias(of: functions, notes: &collected.notes)
        let lines = app == nil
            ? singleLines(functions[0], alias: alias, collected: &collected)
            : appLines(functions, alias: alias, collected: &collected)
        var text = lines.joined(separator: "\n") + "\n"
        if !collected.notes.isEmpty {
            text += "\n# Notes from init (what this file does not say):\n" + collected.notes.map { "# - \($0)" }.joined(separator: "\n") + "\n"
        }
        return Rendered(config: text, envFiles: collected.envFiles, notes: collected.notes)
    }

    /// The alias the file writes: the one the functions that have a single alias share.
    static func alias(of functions: [DeployedFunction], notes: inout [String]) -> String? {
        let aliases = Set(functions.compactMap(\.alias))
        let alias = aliases.count == 1 ? aliases.first! : nil
        if aliases.count > 1 {
            notes.append("the functions use different aliases (\(functions.map { "\($0.name): \($0.alias ?? "none")" }.joined(separator: ", "))); an app file has one alias: for all, so none was written")
        }
        if let alias {
            for function in functions where function.alias == nil && function.aliases.count < 2 {
                notes.append("\(function.name) has no alias \(alias): the first deploy publishes a version of it and creates the alias")
            }
        }
        for function in functions where function.aliases.count > 1 {
            notes.append("\(function.name) has \(function.aliases.count) aliases (\(function.aliases.map(\.name).joined(separator: ", "))); a deploy file moves one, so none was written: add alias: NAME for the one to move")
        }
        return alias
    }

    /// `alias:`, or `publish: true` when every function has published versions.
    static func publishLines(alias: String?, published: Bool) -> [String] {
        if let alias { return ["alias: \(YAMLText.scalar(alias))"] }
        return published ? ["publish: true    # versions have been published"] : []
    }

    /// The app form.
    func appLines(_ functions: [DeployedFunction], alias: String?, collected: inout Collected) -> [String] {
        var lines = ["app: \(YAMLText.scalar(app ?? ""))"]
        if let stage { lines.append("stage: \(YAMLText.scalar(stage))    # every function's name ends in -\(stage)") }
        lines += Self.publishLines(alias: alias, published: functions.allSatisfy { $0.publishedVersions > 0 })
        lines.append("functions:")
        for function in functions {
            lines.append("  \(YAMLText.scalar(key(function.name))):")
            lines += functionLines(function, alias: alias, collected: &collected).map { "    " + $0 }
        }
        guard !collected.apis.isEmpty else { return lines }
        lines.append("apis:")
        for api in collected.apis.keys.sorted() {
            lines.append("  \(YAMLText.scalar(key(api))):")  // a deploy appends the stage again
            lines.append("    routes:")
            for (route, function) in collected.apis[api]! { lines.append("      \(YAMLText.quoted(route)): \(YAMLText.scalar(function))") }
        }
        return lines
    }

    /// The single-function form.
    func singleLines(_ function: DeployedFunction, alias: String?, collected: inout Collected) -> [String] {
        var lines = ["function:"] + functionLines(function, alias: alias, collected: &collected).map { "  " + $0 }
        lines += Self.publishLines(alias: alias, published: function.publishedVersions > 0)
        let names = collected.apis.keys.sorted()
        guard let api = names.first else { return lines }
        lines.append("routes:")
        lines.append("  api: \(YAMLText.scalar(api))")
        lines.append("  routes: [\(collected.apis[api]!.map { YAMLText.quoted($0.route) }.joined(separator: ", "))]")
        for other in names.dropFirst() {
            collected.notes.append("routes on HTTP API \(other) (\(collected.apis[other]!.map(\.route).joined(separator: ", "))) were left out: a single-function file has one routes: API")
        }
        return lines
    }

    // MARK: One function

    /// The function's keys, unindented.
    func functionLines(_ function: DeployedFunction, alias: String?, collected: inout Collected) -> [String] {
        let name = function.name
        var lines = basicLines(function, collected: &collected)
        lines += invocationLines(function, alias: alias, notes: &collected.notes)
        lines += FunctionSettingsText.lines(function.configuration)
        lines += InitTriggerText(function: name, alias: alias, key: key(name)).lines(function, notes: &collected.notes, apis: &collected.apis)
        lines += InitAlarmText(function: name, app: app).lines(function.alarms, notes: &collected.notes)
        for hole in function.unread { collected.notes.append("\(name): \(hole) could not be read and is not described") }
        return lines
    }

    /// Name, runtime, handler, code, role, sizes, description, environment, layers and tags.
    func basicLines(_ function: DeployedFunction, collected: inout Collected) -> [String] {
        let c = function.configuration
        let name = function.name
        var lines: [String] = []
        if app == nil { lines.append("name: \(YAMLText.scalar(name))") }
        if c.packageType == "Image" {
            collected.notes.append("\(name) is a container image function, which lambdactl does not deploy; its runtime, handler and code were filled in as placeholders")
        }
        lines.append("runtime: \(YAMLText.scalar(c.runtime ?? "FILL-IN"))")
        lines.append("handler: \(YAMLText.scalar(c.handler ?? "FILL-IN"))")
        let code = codePaths[name] ?? "./src/\(name)"
        if placeholders.contains(name) {
            lines.append("code: \(YAMLText.scalar(code))    # fill in: the function's code (a directory or .zip); the deployed package is not downloaded")
            collected.notes.append("code: of \(name) is a placeholder (\(code)): put the function's code there, or download the deployed package into it")
        } else {
            lines.append("code: \(YAMLText.scalar(code))    # the deployed package, unpacked")
        }
        if let role = c.role, !isLambdactlRole(role, function: name, functionARN: c.functionARN) { lines.append("role: \(YAMLText.scalar(role))") }
        if let memory = c.memorySize { lines.append("memory: \(memory)") }
        if let timeout = c.timeout { lines.append("timeout: \(timeout)") }
        if let architecture = c.architectures?.first { lines.append("architecture: \(YAMLText.scalar(architecture))") }
        if let description = c.description, !description.isEmpty { lines.append("description: \(YAMLText.scalar(description))") }
        if !c.variables.isEmpty {
            let file = envFileName(name)
            lines.append("env_file: \(YAMLText.scalar(file))    # \(c.variables.count) variable(s); keep \(file) out of version control")
            collected.envFiles.append(
                InitFile(path: file, contents: Self.envText(c.variables, function: name, notes: &collected.notes), secret: true))
        }
        if !c.layerARNs.isEmpty { lines.append("layers: \(YAMLText.list(c.layerARNs))") }
        let tags = function.tags.filter { !$0.key.hasPrefix("lambdactl:") && !$0.key.hasPrefix("aws:") }
        if !tags.isEmpty {
            lines.append("tags: {" + tags.keys.sorted().map { "\(YAMLText.scalar($0)): \(YAMLText.scalar(tags[$0]!))" }.joined(separator: ", ") + "}")
        }
        return lines
    }

    /// Reserved and provisioned concurrency, asynchronous invocation and the function URL.
    func invocationLines(_ function: DeployedFunction, alias: String?, notes: inout [String]) -> [String] {
        var lines: [String] = []
        if let reserved = function.reservedConcurrency { lines.append("reserved_concurrency: \(reserved)") }
        if function.alias != alias, let own = function.alias {
            let left = [
                function.provisionedConcurrency.map { "provisioned concurrency (\($0))" },
                function.asyncConfig.map { _ in "asynchronous invocation settings" }, function.url.map { _ in "function URL" },
            ].compactMap { $0 }
            if !left.isEmpty {
                notes.append("\(left.joined(separator: ", ")) of \(function.name):\(own) left out: the file's alias is \(alias ?? "none")")
            }
        }
        if let provisioned = function.provisionedConcurrency, function.alias == alias, alias != nil {
            lines.append("provisioned_concurrency: \(provisioned)")
        }
        if let config = function.asyncConfig, function.alias == alias {
            var keys: [String] = []
            if let retries = config.maximumRetryAttempts { keys.append("max_retries: \(retries)") }
            if let age = config.maximumEventAgeInSeconds { keys.append("max_event_age: \(age)") }
            if let success = config.destinationConfig?.onSuccess?.destination, !success.isEmpty {
                keys.append("on_success: \(YAMLText.scalar(success))")
            }
            if let failure = config.destinationConfig?.onFailure?.destination, !failure.isEmpty {
                keys.append("on_failure: \(YAMLText.scalar(failure))")
            }
            if !keys.isEmpty { lines.append("async:"); lines += keys.map { "  " + $0 } }
        }
        if let url = function.url, function.alias == alias {
            lines.append("function_url:")
            lines.append("  auth: \(url.authType.lowercased())")
            if let origins = url.cors?.allowOrigins, !origins.isEmpty { lines.append("  cors_origins: \(YAMLText.list(origins))") }
        }
        return lines
    }

    /// Whether `roleARN` is the role lambdactl would pick for the function anyway (its own
    /// `lambdactl-NAME-role`, or in the app form the app's shared role in the function's region),
    /// so `role:` is left out.
    func isLambdactlRole(_ roleARN: String, function: String, functionARN: String?) -> Bool {
        let name = roleARN.split(separator: "/").last.map(String.init) ?? roleARN
        if name == RoleProvisioner.defaultRoleName(function: function) { return true }
        guard let app, let region = functionARN.flatMap(FunctionARN.init)?.region else { return false }
        return name == AppExecutionRole(ownership: AppOwnership(app: app, stage: stage), region: region).name
    }

    /// `KEY=VALUE` lines, quoted where the env-file reader would otherwise change the value.
    static func envText(_ variables: [String: String], function: String, notes: inout [String]) -> String {
        var text = "# The environment of \(function), read by env_file:. Keep this file out of version control.\n"
        for key in variables.keys.sorted() {
            let value = variables[key]!
            if value.contains("\n") || value.contains("\r") {
                notes.append("\(function): variable \(key) holds a line break, which an env file cannot; it was left out (a deploy would remove it): give it in environment:")
                continue
            }
            let needsQuotes = value != value.trimmingCharacters(in: .whitespaces) || value.hasPrefix("\"") || value.hasPrefix("'")
                || value.hasPrefix("#")
            text += "\(key)=\(needsQuotes ? (value.contains("\"") ? "'\(value)'" : "\"\(value)\"") : value)\n"
        }
        return text
    }
}
