import AWSAPIGatewayV2
import AWSCore
import Foundation

extension AppDeployer {
    /// What pruning removes, read before any write: the functions the file no longer lists
    /// (with their triggers), routes of the file's APIs that no longer go where they went, the
    /// app's APIs the file no longer lists, and the app's roles no remaining function uses.
    struct PrunePlan: Sendable {
        var functions: [AppTeardown.FunctionRemoval] = []
        var routes: [AppTeardown.StaleRoutes] = []
        var apis: [HTTPAPI] = []
        var roles: [String] = []

        /// One line per removal, in the order they are made.
        var removals: [AppRemoval] {
            routes.flatMap(AppTeardown.removals) + functions.flatMap(AppTeardown.removals)
                + apis.map { AppRemoval(.api, $0.name ?? $0.apiId ?? "?", detail: $0.apiId) }
                + roles.map { AppRemoval(.role, $0) }
        }
    }

    /// The prune plan (nil without pruning), from reads only.
    func planPrune(_ app: AppConfig, plans: [PlannedFunction], notInFile: [String]) async throws -> PrunePlan? {
        guard options.prune, let teardown else { return nil }
        var plan = PrunePlan()
        plan.functions = try await BoundedConcurrency.mapThrowing(notInFile, jobs: options.jobs) { name in
            try await teardown.plan(function: name)
        }.compactMap { $0 }
        let owned = try await teardown.ownedAPIs()
        let names = Set(app.functions.map(\.name)).union(notInFile)
        let byKey = Dictionary(app.functions.map { ($0.key, $0.name) }) { first, _ in first }
        for api in app.apis {
            guard let found = owned.first(where: { $0.name == api.name }) else { continue }
            let wanted = Dictionary(
                api.routes.map { ((try? RouteKey($0.key).text) ?? $0.key, byKey[$0.function] ?? $0.function) }
            ) { first, _ in first }
            plan.routes += try await teardown.staleRoutes(of: found, wanted: wanted, functions: names)
        }
        plan.apis = owned.filter { api in !app.apis.contains { $0.name == api.name } }
        let used = Self.rolesInUse(plans, shared: sharedRole(app))
        plan.roles = try await teardown.ownedRoles().filter { !used.contains($0) }
        return plan
    }

    /// The roles the file's functions use or will use after this deploy (pure).
    static func rolesInUse(_ plans: [PlannedFunction], shared: AppExecutionRole) -> Set<String> {
        let sharing = sharingRole(plans)
        return Set(
            plans.compactMap { plan -> String? in
                let planned = plan.planned
                if let move = planned.state.roleSwitch { return move.to }
                if let arn = planned.state.function?.role { return Self.roleName(arn) }
                if sharing.contains(plan.function.key) { return shared.name }
                if let role = planned.prepared.config.function.role { return Self.roleName(role) }
                return RoleProvisioner.defaultRoleName(function: plan.function.name)
            })
    }

    /// The name in a role ARN (or the name itself).
    static func roleName(_ arnOrName: String) -> String {
        arnOrName.split(separator: "/").last.map(String.init) ?? arnOrName
    }

    /// Carries the prune out, in dependency order: stale routes, then functions (`jobs` at a
    /// time, each with its triggers), then APIs, then roles. Returns what was removed; on a
    /// failure, what was removed before it with the error.
    func applyPrune(_ plan: PrunePlan) async -> (removed: [AppRemoval], error: (any Error)?) {
        guard let teardown else { return ([], nil) }
        var removed: [AppRemoval] = []
        do {
            for stale in plan.routes { removed += try await teardown.detach(stale) }
            let outcomes = await BoundedConcurrency.map(plan.functions, jobs: options.jobs, isFailure: { $0.1 != nil }) {
                function -> ([AppRemoval], (any Error)?) in
                do {
                    return (try await teardown.remove(function, deleteLogs: false), nil)
                } catch {
                    return ([], error)
                }
            }
            for outcome in outcomes {
                guard let outcome else { continue }
                removed += outcome.0
                if let error = outcome.1 { throw error }
            }
            for api in plan.apis {
                if let done = try await teardown.delete(api: api, functionsStay: true) { removed.append(done) }
            }
            for role in plan.roles {
                if let done = try await teardown.deleteRole(role) { removed.append(done) }
            }
        } catch {
            return (removed, error)
        }
        return (removed, nil)
    }
}
