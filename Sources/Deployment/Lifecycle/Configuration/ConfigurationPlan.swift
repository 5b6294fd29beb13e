import AWSLambda
import Foundation

/// What the user asked a function's configuration to be; nil fields are left as they are.
package struct DesiredConfiguration: Sendable, Equatable {
    package var memorySize: Int?
    package var timeout: Int?
    package var handler: String?
    package var runtime: String?
    package var description: String?
    /// Variables to set (added or overwritten).
    package var setEnvironment: [String: String]
    /// Variables to remove.
    package var unsetEnvironment: [String]
    /// The whole layer list, when given.
    package var layers: [String]?
    /// VPC, tracing, `/tmp`, logging, dead-letter queue and SnapStart (already checked).
    package var settings = FunctionSettings()

    /// Creates a desired configuration.
    package init(
        memorySize: Int? = nil, timeout: Int? = nil, handler: String? = nil, runtime: String? = nil,
        description: String? = nil, setEnvironment: [String: String] = [:], unsetEnvironment: [String] = [],
        layers: [String]? = nil
    ) {
        self.memorySize = memorySize
        self.timeout = timeout
        self.handler = handler
        self.runtime = runtime
        self.description = description
        self.setEnvironment = setEnvironment
        self.unsetEnvironment = unsetEnvironment
        self.layers = layers
    }

    /// Lambda's limits (`LambdaLimits`, then layers and variable names), checked before any call.
    package func validate() throws {
        if let problem = LambdaLimits.problem(memory: memorySize, timeout: timeout, description: description) {
            throw LifecycleError(problem)
        }
        if let layers, layers.count > 5 {
            throw LifecycleError.usage("a function can use at most 5 layers, \(layers.count) given")
        }
        for layer in layers ?? [] { try NameRules.checkLayerVersionARN(layer) }
        for key in setEnvironment.keys where !Self.isValidVariableName(key) {
            throw LifecycleError.usage(
                "environment variable name \"\(key)\" is not valid; use letters, digits and _ and start with a letter")
        }
        if let key = setEnvironment.keys.sorted().first(where: Self.reservedVariableNames.contains) {
            throw LifecycleError.usage(Self.reservedMessage(key))
        }
    }

    /// Variables Lambda sets itself and refuses in a function's configuration
    /// ("…contains reserved keys that are currently not supported for modification").
    package static let reservedVariableNames: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    /// The refusal for a reserved variable name.
    package static func reservedMessage(_ key: String) -> String {
        "environment variable \(key) is reserved: Lambda sets it itself and refuses it; rename it (e.g. APP_\(key))"
    }

    /// Lambda's rule for variable names: `[a-zA-Z]([a-zA-Z0-9_])+`-like; we accept a single letter too.
    static func isValidVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// The size Lambda counts against its 4 KB environment limit: the variables as a compact JSON
/// object, quotes, colons, commas and escapes included (its refusal says "String measured:
/// {"KEY":"value",…}").
package enum EnvironmentSize {
    /// 4 KB.
    package static let limit = 4096

    /// The size of `variables` as `{"K":"V",…}` in UTF-8.
    package static func of(_ variables: [String: String]) -> Int {
        let pairs = variables.reduce(0) { $0 + quoted($1.key) + 1 + quoted($1.value) }
        return 2 + pairs + max(variables.count - 1, 0)
    }

    /// The UTF-8 length of `text` as a JSON string, quotes included.
    static func quoted(_ text: String) -> Int {
        text.unicodeScalars.reduce(2) { size, scalar in
            switch scalar {
            case "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}": size + 2
            case _ where scalar.value < 0x20: size + 6
            default: size + String(scalar).utf8.count
            }
        }
    }

    /// Throws a usage error when `variables` exceed the limit.
    package static func check(_ variables: [String: String]) throws {
        let size = of(variables)
        if size > limit {
            throw LifecycleError.usage(
                "the environment would be \(size) bytes, over Lambda's 4 KB limit; unset some variables or move large values to SSM or Secrets Manager")
        }
    }
}

/// The difference between a function's configuration and what the user asked for: only the
/// fields that differ, nothing when nothing differs. Pure.
package struct ConfigurationPlan: Sendable, Equatable {
    /// The fields to send (without RevisionId).
    package var changes: ConfigurationChanges
    /// The environment after the change (for the size check and messages).
    package var resultingEnvironment: [String: String]

    /// Computes the plan.
    package init(current: FunctionConfiguration, desired: DesiredConfiguration) {
        var changes = ConfigurationChanges()
        if let memory = desired.memorySize, memory != current.memorySize { changes.memorySize = memory }
        if let timeout = desired.timeout, timeout != current.timeout { changes.timeout = timeout }
        if let handler = desired.handler, handler != current.handler { changes.handler = handler }
        if let runtime = desired.runtime, runtime != current.runtime { changes.runtime = runtime }
        if let description = desired.description, description != (current.description ?? "") {
            changes.description = description
        }
        var environment = current.variables
        for (key, value) in desired.setEnvironment { environment[key] = value }
        for key in desired.unsetEnvironment { environment[key] = nil }
        if environment != current.variables { changes.environment = environment }
        if let layers = desired.layers, layers != current.layerARNs { changes.layers = layers }
        changes.settings = FunctionSettingsPlan.fields(current: current, desired: desired.settings)
        self.changes = changes
        self.resultingEnvironment = environment
    }

    /// True when nothing would change.
    package var isEmpty: Bool { changes.isEmpty }
}
