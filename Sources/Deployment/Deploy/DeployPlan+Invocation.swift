import AWSLambda
import Foundation

extension DeployPlan {
    /// Reserved concurrency, the alias's provisioned concurrency and the asynchronous-invocation
    /// settings: one step each for the keys the config gives, changed only when they differ (pure).
    static func invocationSteps(current: DeployState, desired: DeployTarget) -> [DeployStep] {
        let spec = desired.invocation
        var steps: [DeployStep] = []
        let exists = current.function != nil
        if let change = spec.reservedConcurrency {
            let old = exists ? current.reservedConcurrency : nil
            let new = old.applying(change)
            steps.append(
                DeployStep(
                    .reservedConcurrency, desired.name, new == old ? .unchanged : .update,
                    diff: new == old ? nil : [FieldChange("reserved_concurrency", old: text(old), new: text(new) ?? "(none)")],
                    detail: new == old ? text(new) ?? "none reserved" : nil))
        }
        if let change = spec.provisionedConcurrency, let alias = desired.alias {
            let config = exists ? current.provisioned : nil
            let old = config?.requested
            let new = old.applying(change)
            let differs = new != old || (new != nil && config?.status == ProvisionedConcurrencyStatus.failed)
            steps.append(
                DeployStep(
                    .provisionedConcurrency, alias, differs ? .update : .unchanged,
                    diff: differs ? [FieldChange("provisioned_concurrency", old: text(old), new: text(new) ?? "(none)")] : nil,
                    detail: differs ? nil : (new.map { "\($0) (\(config?.status ?? "?"))" } ?? "none")))
        }
        if let change = spec.async {
            let old = exists ? current.asyncSettings : nil
            let asked = change.asyncChange
            var new = asked.applied(to: old)
            if old == nil && new == AsyncInvokeSettings() { new = nil }
            let diff = AsyncConfigManager.diff(old, new)
            steps.append(
                DeployStep(
                    .asyncConfig, desired.alias ?? desired.name, diff.isEmpty ? .unchanged : .update,
                    diff: diff.isEmpty ? nil : diff, detail: diff.isEmpty ? new?.summary ?? "none" : nil))
        }
        if let change = spec.functionURL {
            steps.append(urlStep(change, current: exists ? current.functionURL : nil, desired: desired))
        }
        return steps
    }

    /// The function URL step: auth type and (when given) CORS origins, old → new.
    static func urlStep(_ change: SettingChange<FunctionURLSpec>, current: FunctionURLConfig?, desired: DeployTarget)
        -> DeployStep
    {
        let target = desired.alias ?? desired.name
        var diff: [FieldChange] = []
        switch change {
        case .remove:
            if let current { diff.append(FieldChange("function_url", old: current.functionURL ?? current.authType, new: "(none)")) }
        case .set(let url):
            let auth = url.authType ?? url.auth
            if current?.authType != auth {
                diff.append(FieldChange("function_url.auth", old: current?.authType, new: auth))
            }
            if let origins = url.corsOrigins, Set(origins) != Set(current?.cors?.allowOrigins ?? []) {
                diff.append(
                    FieldChange(
                        "function_url.cors_origins", old: current?.cors?.allowOrigins.map { "[\($0.joined(separator: ", "))]" },
                        new: "[\(origins.joined(separator: ", "))]"))
            }
        }
        return DeployStep(
            .functionURL, target, diff.isEmpty ? .unchanged : .update, diff: diff.isEmpty ? nil : diff,
            detail: diff.isEmpty ? current?.functionURL ?? "none" : nil)
    }

    private static func text(_ value: Int?) -> String? { value.map(String.init) }
}

extension SettingChange where Value == AsyncSpec {
    /// The change to the async settings: `null` removes the configuration; a bad duration
    /// (refused by validation before any plan) reads as no change.
    package var asyncChange: AsyncInvokeChange {
        switch self {
        case .remove: AsyncInvokeChange(clear: true)
        case .set(let spec): spec.change ?? AsyncInvokeChange()
        }
    }
}
