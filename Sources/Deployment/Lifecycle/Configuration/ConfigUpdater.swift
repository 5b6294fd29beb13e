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
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// Runs it.
    package func run(_ function: String, desired: DesiredConfiguration, dryRun: Bool = false) async throws -> Result {
        try desired.validate()
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
        let plan = ConfigurationPlan(current: current, desired: desired)
        try EnvironmentSize.check(plan.resultingEnvironment)
        var result = Result(
            functionName: current.functionName ?? function, changed: !plan.isEmpty, dryRun: dryRun,
            fields: plan.changes.fieldNames, revisionId: current.revisionID)
        guard !plan.isEmpty, !dryRun else { return result }
        let ready = try await apply(plan.changes, to: function, current: current)
        result.revisionId = ready.revisionID
        return result
    }

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
