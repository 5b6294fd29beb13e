import AWSCore
import AWSLambda
import Foundation

/// `update-config`: validate locally, send only what differs (nothing when nothing differs),
/// pin the RevisionId, wait.
package struct ConfigUpdater: Sendable {
    /// What happened.
    package struct Result: Sendable, Encodable, Equatable {
        package var functionName: String
        package var changed: Bool
        package var dryRun: Bool
        package var fields: [String]
        package var revisionId: String?
        /// The execution role's changes (attach, detach, inline policies), one line each.
        package var roleChanges: [String] = []
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// Runs it. `policies` is what the user asked of the execution role; `destinations` the
    /// complete set of dead-letter and async destination ARNs the function will send to (nil: read
    /// here when `desired` changes the dead-letter target, else the destination policy is left alone).
    package func run(
        _ function: String, desired: DesiredConfiguration, policies: RolePolicyRequest = RolePolicyRequest(),
        destinations: [String]? = nil, dryRun: Bool = false
    ) async throws -> Result {
        try desired.validate()
        try policies.validate()
        var runtimeWarnings: [String] = []
        if let runtime = desired.runtime {
            runtimeWarnings = try RuntimeRules.check(
                runtime: runtime, for: .update, today: services.today, option: services.naming.subject(.runtime))
            if let handler = desired.handler { try RuntimeRules.checkHandler(handler, runtime: runtime, option: services.naming.subject(.handler)) }
        }
        runtimeWarnings.forEach(services.warn)
        let current = try await services.lambda.getFunctionConfiguration(function)
        if desired.runtime == nil, let handler = desired.handler, let runtime = current.runtime {
            try RuntimeRules.checkHandler(handler, runtime: runtime, option: services.naming.subject(.handler))
        }
        if let problem = FunctionSettingsPlan.problem(
            current: current, desired: desired.settings, runtime: desired.runtime, ephemeralStorage: nil)
        {
            throw LifecycleError(problem)
        }
        let plan = ConfigurationPlan(current: current, desired: desired)
        try EnvironmentSize.check(plan.resultingEnvironment)
        var destinations = destinations
        if destinations == nil, let change = desired.settings.deadLetter {
            let deadLetter: String? = if case .target(let arn) = change { arn } else { nil }
            destinations = try await FunctionDestinations(lambda: services.lambda).complete(function, deadLetter: deadLetter)
        }
        let needs = RoleNeeds.resulting(current: current, desired: desired, destinations: destinations)
        let role =
            RoleNeeds.concernsRole(policies, needs: needs, current: current)
            ? try await roleConverger.prepare(
                roleARN: current.role ?? "", function: current.functionName ?? function, request: policies, needs: needs)
            : .none(roleName: "")
        var result = Result(
            functionName: current.functionName ?? function, changed: !plan.isEmpty || !role.plan.isEmpty, dryRun: dryRun,
            fields: plan.changes.fieldNames, revisionId: current.revisionID, roleChanges: role.plan.lines)
        guard result.changed, !dryRun else { return result }
        try await roleConverger.applyBefore(role)
        if !plan.isEmpty {
            let retry = PropagationRetry(time: services.time, progress: services.progress)
            let ready = try await retry.run(while: { role.owned && needs.vpc && PropagationRetry.isVPCPermissionError($0) }) {
                try await apply(plan.changes, to: function, current: current)
            }
            result.revisionId = ready.revisionID
        }
        try await roleConverger.applyAfter(role)
        return result
    }

    /// The execution role's converger.
    var roleConverger: RolePolicyConverger { RolePolicyConverger(iam: services.iam, warn: services.warn) }

    /// Sends `changes` pinned to `current`'s RevisionId after the wait, then waits again.
    func apply(_ changes: ConfigurationChanges, to function: String, current: FunctionConfiguration) async throws
        -> FunctionConfiguration
    {
        var pinned = changes
        pinned.revisionID = current.revisionID
        let updated = try await services.waiter.mutate(function, current: current) {
            try await CodeUpdater.pinned(function, revisionID: current.revisionID, operation: "UpdateFunctionConfiguration") {
                try await services.lambda.updateFunctionConfiguration(function, changes: pinned)
            }
        }
        return try await services.waiter.waitUntilReady(function, current: updated)
    }
}
