import ArgumentParser
import Deployment
import Foundation

/// Options every command that waits for a function shares.
struct WaitOptions: ParsableArguments {
    @Option(
        name: .customLong("wait-timeout"),
        help: "How long to wait for the function to become ready: seconds, or with units (90s, 10m, 1h30m, 1d).")
    var waitTimeout: String = "10m"

    /// The parsed timeout.
    var duration: Duration {
        get throws {
            guard let seconds = Self.seconds(waitTimeout), seconds > 0 else {
                throw ValidationError("--wait-timeout takes seconds or a duration like 90s, 10m, 1h30m or 1d, not \(waitTimeout)")
            }
            guard seconds <= Self.maximumSeconds else {
                throw ValidationError("--wait-timeout \(waitTimeout) is longer than a day; e.g. --wait-timeout 30m")
            }
            return .seconds(seconds)
        }
    }

    func validate() throws { _ = try duration }

    /// The longest wait accepted: a day (the waiter's arithmetic needs a bound, and no Lambda
    /// update takes longer).
    static let maximumSeconds = 86_400

    /// `90`, `90s`, `10m`, `1h30m`, `1d` → whole seconds (`DurationSpec`); nil when malformed or
    /// too large to represent.
    static func seconds(_ text: String) -> Int? {
        DurationSpec.parse(text).map(DurationSpec.wholeSeconds)
    }
}

/// The configuration options create-function and update-config share.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "Memory in MB (128–10240).")
    var memory: Int?

    @Option(help: "Timeout in seconds (1–900).")
    var timeout: Int?

    @Option(name: .customLong("env"), help: "An environment variable KEY=VALUE (repeatable).")
    var env: [String] = []

    @Option(name: .customLong("env-file"), help: "A file of KEY=VALUE lines to add to the environment.")
    var envFile: String?

    @Option(name: .customLong("layer"), help: "A layer version ARN (repeatable; replaces the whole list).")
    var layers: [String] = []

    @Option(help: "A description.")
    var description: String?

    /// The variables from --env-file then --env (--env wins).
    func variables() throws -> [String: String] {
        var variables = try envFile.map { try EnvironmentInput.load(file: $0, files: AppEnvironment.fileSystem) } ?? [:]
        for (key, value) in try EnvironmentInput.parse(assignments: env) { variables[key] = value }
        return variables
    }

    /// The desired configuration (handler and runtime added by the caller).
    func desired(unset: [String] = []) throws -> DesiredConfiguration {
        let desired = DesiredConfiguration(
            memorySize: memory, timeout: timeout, description: description, setEnvironment: try variables(),
            unsetEnvironment: unset, layers: layers.isEmpty ? nil : layers)
        try desired.validate()
        return desired
    }
}
