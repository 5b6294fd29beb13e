import AWSCore
import AWSLambda
import Foundation

/// The move of a function off its app's shared execution role (`AppExecutionRole`), planned
/// when the file now gives it policies, a setting that needs a permission or a queue or stream
/// trigger: the shared role only ever holds the basic execution policy, so the function gets
/// the role of its own that lambdactl would have made for it.
package struct RoleSwitch: Sendable, Equatable {
    /// The shared role's name.
    package var from: String
    /// The function's own role's name (`lambdactl-NAME-role`).
    package var to: String
    /// The own role's ARN.
    package var toARN: String
}

extension Deployer {
    /// The switch an existing function of an app needs, from its configuration as read; nil
    /// when it is not on the app's shared role or the shared role still suffices (pure).
    func plannedRoleSwitch(_ prepared: Prepared, current: FunctionConfiguration) -> RoleSwitch? {
        guard let ownership = prepared.config.ownership, prepared.config.function.role == nil,
            let currentRole = current.role, let rolePrefix = currentRole.range(of: ":role/")
        else { return nil }
        let shared = AppExecutionRole(ownership: ownership, region: services.lambda.client.endpoint.signingRegion)
        guard shared.isThis(currentRole),
            !AppExecutionRole.suffices(for: prepared.config, target: prepared.target, current: current)
        else { return nil }
        let own = RoleProvisioner.defaultRoleName(function: prepared.target.name)
        return RoleSwitch(from: shared.name, to: own, toARN: currentRole[..<rolePrefix.upperBound] + own)
    }

    /// The tags of a role lambdactl makes for one of an app's functions.
    func appRoleTags(_ ownership: AppOwnership) -> [String: String] {
        // IAM is global: the region tells this app's role from one a same-named function of
        // another region would use.
        ownership.tags.merging([AppOwnership.regionTag: services.lambda.client.endpoint.signingRegion]) { $1 }
    }

    /// Finds or makes the function's own role, gives it what the file asks (additions) before
    /// the move, then moves the function onto it (waiting first, and retrying while the new
    /// role propagates to Lambda) and waits until the update is done.
    func switchRole(_ step: DeployStep, prepared: Prepared, state: DeployState) async throws -> DeployStep {
        guard let move = state.roleSwitch, let ownership = prepared.config.ownership else { return step }
        let name = prepared.target.name
        let role = try await RoleProvisioner(iam: services.iam).resolve(
            role: nil, function: name, now: services.time.now(), tags: appRoleTags(ownership))
        if role.created { services.progress("created role \(role.name)") }
        if let plan = state.role { try await RolePolicyConverger(iam: services.iam, warn: services.warn).applyBefore(plan) }
        var changes = ConfigurationChanges()
        changes.role = role.arn
        let start = services.time.now()
        var delay = Duration.seconds(2)
        while true {
            do {
                _ = try await services.waiter.mutate(name) {
                    try await services.lambda.updateFunctionConfiguration(name, changes: changes)
                }
                break
            } catch let error as AWSServiceError
                where role.mayStillPropagate && FunctionCreator.isRolePropagationError(error)
            {
                let elapsed = services.time.now().timeIntervalSince(start)
                guard elapsed + FunctionWaiter.seconds(delay) <= 90 else { throw error }
                services.progress("waiting for role \(role.name) to reach Lambda… \(DurationText.format(seconds: elapsed))")
                try await services.time.sleep(delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
        try await services.waiter.waitUntilReady(name)
        services.progress("moved from role \(move.from) to \(role.name)")
        return step
    }
}
