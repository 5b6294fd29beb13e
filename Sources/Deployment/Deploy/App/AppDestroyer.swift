import AWSAPIGatewayV2
import Foundation

/// What `destroy` removed (or, planned, would remove) and what it kept.
package struct AppDestroyReport: Sendable, Encodable {
    package var app: String
    package var stage: String?
    package var region: String
    package var dryRun: Bool
    /// In the order removed: APIs, then each function's triggers and the function (and its
    /// log group when asked), then roles.
    package var removals: [AppRemoval]
    /// Log groups are kept (deleted only when asked).
    package var logGroupsKept: Bool
    /// Why it stopped, when it did (AWS's reason on one line).
    package var error: String?
}

/// A `destroy` that stopped: what was removed before the error, and the error.
package struct AppDestroyFailure: Error, CustomStringConvertible {
    package var report: AppDestroyReport
    package var underlying: any Error

    package init(report: AppDestroyReport, underlying: any Error) {
        self.report = report
        self.underlying = underlying
    }

    package var description: String { DeployFailure.oneLine(underlying) }
}

/// `destroy` of an app: everything the app owns in this region, found by its tags (nothing on
/// disk), removed in reverse dependency order — APIs (with their routes and integrations),
/// then functions `jobs` at a time (each one's triggers first, with their permissions, role
/// statements and schedule roles), then the app's roles. Layer versions are kept; log groups
/// unless `deleteLogs`. Something of the same name that the app does not own is never touched;
/// a rerun after a failure goes on from where it stopped.
package struct AppDestroyer: Sendable {
    package var teardown: AppTeardown
    package var jobs: Int
    package var deleteLogs: Bool

    package init(teardown: AppTeardown, jobs: Int = 4, deleteLogs: Bool) {
        self.teardown = teardown
        self.jobs = jobs
        self.deleteLogs = deleteLogs
    }

    /// What destroy finds, from reads only.
    package struct Plan: Sendable {
        var apis: [HTTPAPI]
        var functions: [AppTeardown.FunctionRemoval]
        var roles: [String]

        /// The lines of the plan.
        var removals: [AppRemoval] {
            apis.map { AppRemoval(.api, $0.name ?? $0.apiId ?? "?", detail: $0.apiId) }
                + functions.flatMap(AppTeardown.removals) + roles.map { AppRemoval(.role, $0) }
        }
    }

    /// Reads what the app owns.
    package func plan() async throws -> Plan {
        let teardown = teardown
        let names = try await teardown.ownedFunctions()
        let functions = try await BoundedConcurrency.mapThrowing(names, jobs: jobs) { try await teardown.plan(function: $0) }
        return Plan(apis: try await teardown.ownedAPIs(), functions: functions.compactMap { $0 }, roles: try await teardown.ownedRoles())
    }

    /// The report of `plan` before anything is removed.
    package func report(_ plan: Plan, dryRun: Bool) -> AppDestroyReport {
        AppDestroyReport(
            app: teardown.ownership.app, stage: teardown.ownership.stage, region: teardown.region, dryRun: dryRun,
            removals: plan.removals, logGroupsKept: !deleteLogs)
    }

    /// Removes what `plan` found; throws ``AppDestroyFailure`` (with what was removed) when a
    /// removal fails: running functions finish, no new one starts.
    package func run(_ plan: Plan) async throws -> AppDestroyReport {
        var report = report(plan, dryRun: false)
        report.removals = []
        let teardown = teardown
        let deleteLogs = deleteLogs
        do {
            for api in plan.apis {
                if let done = try await teardown.delete(api: api) { report.removals.append(done) }
            }
            let outcomes = await BoundedConcurrency.map(plan.functions, jobs: jobs, isFailure: { $0.1 != nil }) {
                function -> ([AppRemoval], (any Error)?) in
                do {
                    return (try await teardown.remove(function, deleteLogs: deleteLogs), nil)
                } catch {
                    return ([], error)
                }
            }
            var firstError: (any Error)?
            for outcome in outcomes {
                guard let outcome else { continue }
                report.removals += outcome.0
                if firstError == nil, let error = outcome.1 { firstError = error }
            }
            if let firstError { throw firstError }
            for role in plan.roles {
                if let done = try await teardown.deleteRole(role) { report.removals.append(done) }
            }
        } catch {
            report.error = DeployFailure.oneLine(error)
            throw AppDestroyFailure(report: report, underlying: error)
        }
        return report
    }
}
