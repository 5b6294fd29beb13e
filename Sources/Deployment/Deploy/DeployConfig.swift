import Foundation

/// A `lambdactl.yml` deploy configuration, decoded after unknown keys were rejected,
/// `--set` overrides applied and `${VAR}` references expanded (see `DeployConfigParser`).
package struct DeployConfig: Sendable, Equatable, Decodable {
    /// The function to deploy.
    package var function: FunctionSpec
    /// Layers to publish (deduplicated by CodeSha256) and attach to the function.
    package var layers: [LayerSpec]
    /// Whether to publish a version after a change.
    package var publish: Bool
    /// An alias to point at the published version (implies `publish`).
    package var alias: String?
    /// HTTP API routes to the function.
    package var routes: RoutesSpec?
    /// Move the alias step by step, watching alarms (nil: at once).
    package var rollout: RolloutSpec?
    /// How long to wait for the function to settle: seconds or `90s`, `10m`, `1h30m`, `1d`.
    package var waitTimeout: String?
    /// Patterns packaged although excluded by default (`.git/`, …), `--exclude` or `.lambdaignore`,
    /// for every directory `code` of this file.
    package var include: [String] = []
    /// `function.triggers:` (read by the parser from the YAML, so `[]` and `null` are told from
    /// an absent key): nil leaves the function's triggers alone; a list is the desired set of
    /// lambdactl-made triggers; empty removes every lambdactl-made trigger of the function.
    package var triggers: [TriggerEntry]?
    /// `function.alarms:` (read by the parser from the YAML): nil leaves the function's alarms
    /// alone; a list is the desired set of lambdactl-made alarms; empty removes them all.
    package var alarms: [AlarmEntry]?
    /// Where each value came from (file line or `--set`), for messages; empty when built in code.
    package var sources = ConfigSources()
    /// The app and stage that own the function, in the app form (nil in the single-function form).
    package var ownership: AppOwnership?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case function, layers, publish, alias, routes, include, rollout
        case waitTimeout = "wait_timeout"
    }

    /// Creates a configuration (tests).
    package init(
        function: FunctionSpec, layers: [LayerSpec] = [], publish: Bool = false, alias: String? = nil,
        routes: RoutesSpec? = nil, waitTimeout: String? = nil
    ) {
        self.function = function
        self.layers = layers
        self.publish = publish
        self.alias = alias
        self.routes = routes
        self.waitTimeout = waitTimeout
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        function = try container.decode(FunctionSpec.self, forKey: .function)
        function.invocation = try InvocationSpec(
            from: container.nestedContainer(keyedBy: InvocationSpec.CodingKeys.self, forKey: .function))
        function.settings = try container.decode(FunctionSettingsSpec.self, forKey: .function)
        layers = try container.decodeIfPresent([LayerSpec].self, forKey: .layers) ?? []
        alias = try container.decodeIfPresent(String.self, forKey: .alias)
        publish = try container.decodeIfPresent(Bool.self, forKey: .publish) ?? false
        routes = try container.decodeIfPresent(RoutesSpec.self, forKey: .routes)
        rollout = try container.decodeIfPresent(RolloutSpec.self, forKey: .rollout)
        waitTimeout = try container.decodeIfPresent(String.self, forKey: .waitTimeout)
        include = try container.decodeIfPresent([String].self, forKey: .include) ?? []
    }

    /// True when a version is published: `publish: true` or an alias.
    package var publishes: Bool { publish || alias != nil }

    /// `wait_timeout` in whole seconds (default 600; `DurationSpec` syntax: `90`, `10m`, `1h30m`,
    /// `1d`); nil when it does not parse or is zero.
    package var waitTimeoutSeconds: Int? {
        guard let text = waitTimeout else { return 600 }
        guard let duration = DurationSpec.parse(text), duration > .zero else { return nil }
        return DurationSpec.wholeSeconds(duration)
    }
}

/// The `function:` section.
package struct FunctionSpec: Sendable, Equatable, Decodable {
    package var name: String
    package var runtime: String
    package var handler: String
    /// A directory or `.zip`, relative to the config file (made absolute by the parser).
    package var code: String
    /// An ARN or a role name; nil uses `lambdactl-NAME-role`, created when missing.
    package var role: String?
    package var memory: Int?
    package var timeout: Int?
    /// `x86_64` or `arm64`.
    package var architecture: String?
    package var description: String?
    /// The whole environment; with `env_file`, the file's variables come first and these win.
    package var environment: [String: String]?
    /// A dotenv file, relative to the config file (made absolute by the parser).
    package var envFile: String?
    /// Layer version ARNs not managed by this config.
    package var layers: [String]?
    /// Tags set when the function is created.
    package var tags: [String: String]?
    /// Concurrency and asynchronous invocation (`reserved_concurrency`, `provisioned_concurrency`,
    /// `async`, `function_url`), read by `DeployConfig` so an explicit `null` is told from an absent key.
    package var invocation = InvocationSpec()
    /// VPC, tracing, `/tmp`, logging, dead-letter queue and SnapStart (decoded by `DeployConfig`
    /// from the same mapping).
    package var settings = FunctionSettingsSpec()
    /// Managed policies and inline statements for the execution role lambdactl created; nil
    /// leaves the role as it is, `[]` (or `null`) removes what lambdactl attached for this list.
    package var policies: [PolicyEntry]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, runtime, handler, code, role, memory, timeout, architecture, description, environment
        case envFile = "env_file"
        case layers, tags, policies
    }

    /// Creates a function spec (tests).
    package init(
        name: String, runtime: String, handler: String, code: String, role: String? = nil, memory: Int? = nil,
        timeout: Int? = nil, architecture: String? = nil, description: String? = nil,
        environment: [String: String]? = nil, envFile: String? = nil, layers: [String]? = nil,
        tags: [String: String]? = nil, policies: [PolicyEntry]? = nil
    ) {
        self.policies = policies
        self.name = name
        self.runtime = runtime
        self.handler = handler
        self.code = code
        self.role = role
        self.memory = memory
        self.timeout = timeout
        self.architecture = architecture
        self.description = description
        self.environment = environment
        self.envFile = envFile
        self.layers = layers
        self.tags = tags
    }
}

/// One entry of the top-level `layers:` section.
package struct LayerSpec: Sendable, Equatable, Decodable {
    package var name: String
    /// A directory or `.zip`, relative to the config file (made absolute by the parser).
    package var code: String
    package var compatibleRuntimes: [String]?
    package var compatibleArchitectures: [String]?
    package var description: String?
    /// The layer's licence (`LicenseInfo`).
    package var licenseInfo: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, code
        case compatibleRuntimes = "compatible_runtimes"
        case compatibleArchitectures = "compatible_architectures"
        case description
        case licenseInfo = "license_info"
    }

    /// Creates a layer spec (tests).
    package init(
        name: String, code: String, compatibleRuntimes: [String]? = nil, compatibleArchitectures: [String]? = nil,
        description: String? = nil, licenseInfo: String? = nil
    ) {
        self.licenseInfo = licenseInfo
        self.name = name
        self.code = code
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.description = description
    }

    /// The settings its published version has (compared with the latest version's).
    package var settings: LayerSettings {
        LayerSettings(
            compatibleRuntimes: compatibleRuntimes ?? [], compatibleArchitectures: compatibleArchitectures ?? [],
            description: description, licenseInfo: licenseInfo)
    }
}

/// The `routes:` section: an HTTP API in front of the function.
package struct RoutesSpec: Sendable, Equatable, Decodable {
    /// The HTTP API's name or ID (created when missing).
    package var api: String
    /// Route keys such as `GET /hello`.
    package var routes: [String]
    /// The stage (default `$default`).
    package var stage: String?
    /// CORS origins to allow.
    package var corsOrigins: [String]?
    /// Tags for the API when it is created (an app's ownership; not read from the file).
    package var tags: [String: String] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case api, routes, stage
        case corsOrigins = "cors_origins"
    }

    /// Creates a routes spec (tests).
    package init(api: String, routes: [String], stage: String? = nil, corsOrigins: [String]? = nil) {
        self.api = api
        self.routes = routes
        self.stage = stage
        self.corsOrigins = corsOrigins
    }
}

/// What the unknown-key check accepts at one key path.
enum KeyRule: Equatable {
    /// Only these keys (checked below too).
    case keys([String])
    /// Any key (names chosen by the user, such as function keys), with their values checked.
    case anyKey
    /// A free-form value (`environment`, `tags`): nothing below is checked.
    case free
}

/// The keys each section accepts, for the unknown-key check (one table, next to the types).
enum DeployConfigSchema {
    /// The rule for the single-function form at `path`.
    static func rule(at path: [String]) -> KeyRule {
        allowedKeys(at: path).map(KeyRule.keys) ?? .free
    }

    /// A path of mapping keys (`["function", "environment"]`) → the keys allowed there, or nil
    /// when any key is allowed (free-form maps such as `environment` and `tags`).
    static func allowedKeys(at path: [String]) -> [String]? {
        switch path {
        case []: DeployConfig.CodingKeys.allCases.map(\.rawValue)
        case ["function"]:
            FunctionSpec.CodingKeys.allCases.map(\.rawValue) + InvocationSpec.CodingKeys.allCases.map(\.rawValue)
                + FunctionSettingsSpec.CodingKeys.allCases.map(\.rawValue) + ["triggers", "alarms"]
        case ["function", "async"]: AsyncSpec.CodingKeys.allCases.map(\.rawValue)
        case ["function", "function_url"]: FunctionURLSpec.CodingKeys.allCases.map(\.rawValue)
        case ["function", "vpc"], ["function", "logging"]: FunctionSettingsSpec.allowedKeys(below: Array(path.dropFirst()))
        case ["layers", "[]"]: LayerSpec.CodingKeys.allCases.map(\.rawValue)
        case ["routes"]: RoutesSpec.CodingKeys.allCases.map(\.rawValue)
        case ["rollout"]: RolloutSpec.CodingKeys.allCases.map(\.rawValue)
        case ["function", "policies", "[]"]: PolicyEntry.CodingKeys.allCases.map(\.rawValue)
        case ["function", "alarms", "[]"]: AlarmConfigParser.keys
        default: nil
        }
    }
}
