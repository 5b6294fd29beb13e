import Foundation

/// The keys the app form accepts, for the unknown-key check: the top level and `apis` here,
/// function keys (under `defaults` and each function) from the single-function schema.
enum AppSchema {
    /// The top-level keys of the app form.
    static let topKeys = [
        "app", "stage", "defaults", "layers", "functions", "apis", "publish", "alias", "rollout", "wait_timeout",
        "include",
    ]
    /// The keys of one HTTP API.
    static let apiKeys = ["routes", "cors_origins", "stage"]
    /// Keys a function may give that defaults may not.
    static let functionOnlyKeys = ["name"]

    /// The rule at `path` of an app file.
    static func rule(at path: [String]) -> KeyRule {
        guard let first = path.first else { return .keys(topKeys) }
        switch first {
        case "defaults":
            let rule = DeployConfigSchema.rule(at: ["function"] + path.dropFirst())
            if path.count == 1, case .keys(let keys) = rule { return .keys(keys.filter { !functionOnlyKeys.contains($0) }) }
            return rule
        case "functions":
            return path.count == 1 ? .anyKey : DeployConfigSchema.rule(at: ["function"] + path.dropFirst(2))
        case "layers", "rollout":
            return DeployConfigSchema.rule(at: path)
        case "apis":
            switch path.count {
            case 1: return .anyKey
            case 2: return .keys(apiKeys)
            default: return .free
            }
        default:
            return .free
        }
    }

    /// The single-function key path an app key path's value lands at: `functions.K.memory` and
    /// `defaults.memory` → `function.memory`; top-level keys stay.
    static func functionKeyPath(_ appKeyPath: String, functionKey: String) -> String? {
        let parts = appKeyPath.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "defaults": return (["function"] + parts.dropFirst()).joined(separator: ".")
        case "functions":
            guard parts.count >= 2, parts[1] == functionKey else { return nil }
            return (["function"] + parts.dropFirst(2)).joined(separator: ".")
        case "publish", "alias", "rollout", "wait_timeout", "include": return appKeyPath
        default: return nil
        }
    }
}

extension KeyRule {
    /// The rule with its keys sorted (for comparisons).
    var sorted: KeyRule {
        if case .keys(let keys) = self { return .keys(keys.sorted()) }
        return self
    }
}
