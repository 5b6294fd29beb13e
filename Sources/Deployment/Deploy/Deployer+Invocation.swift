import AWSCore
import AWSLambda
import Foundation

extension Deployer {
    /// Reads only what the config's invocation keys need (no key, no call).
    func observeInvocation(_ prepared: Prepared, into state: inout DeployState) async throws {
        let name = prepared.target.name
        let spec = prepared.target.invocation
        let alias = prepared.target.alias
        if spec.reservedConcurrency != nil {
            state.reservedConcurrency = try await services.lambda.getFunctionConcurrency(name)
        }
        if spec.provisionedConcurrency != nil, let alias, state.aliasVersion != nil {
            state.provisioned = try await services.lambda.getProvisionedConcurrency(name, qualifier: alias)
        }
        if spec.async != nil, alias == nil || state.aliasVersion != nil {
            state.asyncSettings = try await AsyncConfigManager(services: services).current(name, qualifier: alias)
        }
        if spec.functionURL != nil, alias == nil || state.aliasVersion != nil {
            state.functionURL = try await services.lambda.getFunctionURLConfig(name, qualifier: alias)
        }
    }

    /// Applies one invocation step through the concurrency and async-config use cases (which
    /// read again and write only what still differs). Provisioned concurrency is waited on even
    /// when its value is unchanged: moving the alias to a new version allocates it again.
    func applyInvocation(_ step: DeployStep, of name: String, alias: String?, spec: InvocationSpec) async throws
        -> DeployStep
    {
        let concurrency = ConcurrencyManager(services: services)
        var result = step
        switch step.action {
        case .reservedConcurrency:
            guard step.changes, let change = spec.reservedConcurrency else { return step }
            let made = try await concurrency.applyReserved(name, change)
            if case .set(0) = change {
                services.warn("reserved_concurrency is 0: every invocation of \(name) is throttled")
            }
            result.change = made == nil ? .unchanged : .update
        case .provisionedConcurrency:
            guard let change = spec.provisionedConcurrency, let alias else { return step }
            if !step.changes, case .remove = change { return step }
            let made = try await concurrency.applyProvisioned(name, qualifier: alias, change)
            result.change = made == nil ? .unchanged : .update
        case .asyncConfig:
            guard step.changes, let change = spec.async else { return step }
            let report = try await AsyncConfigManager(services: services).run(name, qualifier: alias, change.asyncChange)
            result.change = report.changes.isEmpty ? .unchanged : .update
        case .functionURL:
            guard step.changes, let change = spec.functionURL else { return step }
            let configurer = FunctionURLConfigurer(services: services)
            switch change {
            case .remove:
                try await configurer.remove(name, qualifier: alias)
            case .set(let url):
                _ = try await configurer.run(
                    name, authType: url.authType ?? url.auth, corsOrigins: url.corsOrigins, qualifier: alias)
            }
        default:
            return step
        }
        if !result.changes { result.diff = nil }
        return result
    }
}
