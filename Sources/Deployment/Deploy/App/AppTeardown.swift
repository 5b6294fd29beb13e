import AWSAPIGatewayV2
import AWSCloudWatchLogs
import AWSCore
import AWSIAM
import AWSLambda
import AWSResourceGroupsTagging
import Foundation

/// One thing an app's prune or destroy removes (or, in a plan, would remove).
package struct AppRemoval: Sendable, Equatable, Encodable {
    /// What kind of resource.
    package enum Kind: String, Sendable, Encodable {
        case function, trigger, route, api, role, alarm
        case logGroup = "log-group"
    }

    package var kind: Kind
    /// Its name (a trigger's source, a route's key with its API).
    package var name: String
    /// What it belongs to or why it goes.
    package var detail: String?

    /// Creates a removal.
    package init(_ kind: Kind, _ name: String, detail: String? = nil) {
        self.kind = kind
        self.name = name
        self.detail = detail
    }
}

/// Finds and removes what an app owns, by its tags and by its functions' triggers: the pieces
/// `deploy --prune` and `destroy` are made of. Reads are separate from writes, so a plan can be
/// printed first; every removal reads what exists, so a rerun after a failure or a crash goes
/// on from where the last one stopped and an already-gone resource is not an error. Something
/// not tagged for this app and stage is never touched.
package struct AppTeardown: Sendable {
    package var lambda: LambdaClient
    package var iam: IAMClient
    package var tagging: TaggingClient
    /// HTTP APIs; nil: the app's APIs are not looked at.
    package var gateway: APIGatewayClient?
    /// Route permissions; needed with `gateway`.
    package var permissions: (any FunctionPermissions)?
    /// Trigger handlers; nil: the functions' triggers are not looked at.
    package var triggers: TriggerWiring?
    /// Log groups; nil: log groups are not deleted.
    package var logs: LogsClient?
    /// CloudWatch alarms lambdactl made for the functions; nil: not looked at.
    package var alarms: AlarmServices?
    package var ownership: AppOwnership
    /// The region (roles carry it: IAM is global).
    package var region: String
    package var progress: @Sendable (String) -> Void
    /// Step events (NDJSON output) and the clock that times them.
    package var events: DeployEvents = .none
    package var clock: TimeSource

    /// Creates the use case.
    package init(
        lambda: LambdaClient, iam: IAMClient, tagging: TaggingClient, gateway: APIGatewayClient?,
        permissions: (any FunctionPermissions)?, triggers: TriggerWiring?, logs: LogsClient?, ownership: AppOwnership,
        region: String, clock: TimeSource, progress: @escaping @Sendable (String) -> Void
    ) {
        self.clock = clock
        self.lambda = lambda
        self.iam = iam
        self.tagging = tagging
        self.gateway = gateway
        self.permissions = permissions
        self.triggers = triggers
        self.logs = logs
        self.ownership = ownership
        self.region = region
        self.progress = progress
    }

    /// A function to remove, as read: its lambdactl-made triggers and its role.
    package struct FunctionRemoval: Sendable, Equatable {
        package var name: String
        /// lambdactl-made triggers of every qualifier.
        package var triggers: [TriggerListing]
        /// Its execution role's name.
        package var role: String?
        /// The lambdactl-made alarms on it, planned for removal.
        package var alarms: [AlarmConvergence.Planned] = []
    }

    /// The names of the functions tagged for this app and stage, sorted. One tagging read.
    package func ownedFunctions() async throws -> [String] {
        var filters = [AppOwnership.appTag: [ownership.app]]
        if let stage = ownership.stage { filters[AppOwnership.stageTag] = [stage] }
        return try await tagging.resources(tagged: filters, types: ["lambda:function"])
            .filter { ownership.owns($0.tags) }
            .compactMap { FunctionARN($0.arn)?.name }
            .sorted()
    }

    /// What removing `name` involves, from reads only; nil when it is gone already or (read
    /// again) not this app's.
    package func plan(function name: String) async throws -> FunctionRemoval? {
        let details: FunctionDetails
        do {
            details = try await lambda.getFunction(name)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
        guard ownership.owns(details.tags ?? [:]) else { return nil }
        let triggers = try await triggers?.list(function: name).filter { $0.owned && TriggerKind(rawValue: $0.kind) != nil } ?? []
        let role = details.configuration.role.flatMap { $0.split(separator: "/").last.map(String.init) }
        var removal = FunctionRemoval(name: name, triggers: triggers, role: role)
        if let convergence = alarmConvergence(function: name) {
            removal.alarms = try await convergence.plan([], functionARN: details.configuration.functionARN ?? name)
                .filter { $0.step.change == .remove }
        }
        return removal
    }

    /// The alarm convergence that removes every lambdactl-made alarm of the function.
    func alarmConvergence(function: String) -> AlarmConvergence? {
        alarms.map {
            AlarmConvergence(cloudWatch: $0.cloudWatch, sns: $0.sns, function: function, prune: true, ownership: ownership)
        }
    }

    /// The lines a plan shows for removing `function` (pure).
    package static func removals(_ function: FunctionRemoval) -> [AppRemoval] {
        function.triggers.map { AppRemoval(.trigger, "\($0.kind) \($0.source)", detail: "of \(function.name)") }
            + function.alarms.map { AppRemoval(.alarm, $0.step.name, detail: "of \(function.name)") }
            + [AppRemoval(.function, function.name)]
    }

    /// Removes the function's triggers (with what they added: permission and role statements,
    /// a schedule's role), then the function; its log group too with `deleteLogs`.
    package func remove(_ function: FunctionRemoval, deleteLogs: Bool) async throws -> [AppRemoval] {
        var done: [AppRemoval] = []
        if let triggers {
            for listing in function.triggers {
                let name = "\(listing.kind) \(listing.source)"
                try await removing(.trigger, name) { _ = try await triggers.remove(listing, function: function.name) }
                done.append(AppRemoval(.trigger, name, detail: "of \(function.name)"))
                progress("\(function.name): removed trigger \(name)")
            }
        }
        if !function.alarms.isEmpty, let convergence = alarmConvergence(function: function.name) {
            let names = function.alarms.map(\.step.name).joined(separator: ", ")
            _ = try await removing(.alarm, names) { try await convergence.apply(function.alarms) }
            done += function.alarms.map { AppRemoval(.alarm, $0.step.name, detail: "of \(function.name)") }
            progress("\(function.name): deleted alarm(s) \(names)")
        }
        let deleted = try await removing(.function, function.name) {
            do {
                try await lambda.deleteFunction(function.name)
                return true
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
                return false
            }
        }
        if deleted {
            done.append(AppRemoval(.function, function.name))
            progress("deleted function \(function.name)")
        }
        if deleteLogs, let group = try await deleteLogGroup(of: function.name) { done.append(group) }
        return done
    }

    /// Runs one removal between a start and a finish (or fail) event.
    func removing<Result>(_ kind: AppRemoval.Kind, _ name: String, _ work: () async throws -> Result) async throws -> Result {
        try await events.around(resource: kind.rawValue, name: name, action: "remove", clock: clock, work) { _ in ("remove", nil) }
    }

    /// Deletes `/aws/lambda/NAME` when it exists.
    func deleteLogGroup(of function: String) async throws -> AppRemoval? {
        guard let logs else { return nil }
        let name = "/aws/lambda/\(function)"
        let deleted = try await removing(.logGroup, name) {
            do {
                try await logs.deleteLogGroup(name)
                return true
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
                return false
            }
        }
        guard deleted else { return nil }
        progress("deleted log group \(name)")
        return AppRemoval(.logGroup, name)
    }
}

extension AppTeardown {
    /// The roles lambdactl made for this app and stage in this region (its shared role and the
    /// functions' own roles), by their tags, sorted. One ListRoles, one ListRoleTags per
    /// `lambdactl-` role.
    package func ownedRoles() async throws -> [String] {
        var owned: [String] = []
        for name in try await iam.listRoleNames() where name.hasPrefix("lambdactl-") {
            let tags: [String: String]
            do {
                tags = try await iam.listRoleTags(name: name)
            } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
                continue
            }
            if tags[RoleProvisioner.createdTag.key] == RoleProvisioner.createdTag.value, ownership.owns(tags),
                tags[AppOwnership.regionTag] == region
            {
                owned.append(name)
            }
        }
        return owned.sorted()
    }

    /// Deletes a role this app owns: its inline policies, its attached policies, then the role.
    /// An already-gone role is not an error.
    package func deleteRole(_ name: String) async throws -> AppRemoval? {
        let deleted = try await removing(.role, name) {
            do {
                for policy in try await iam.listRolePolicies(roleName: name) {
                    try await iam.deleteRolePolicy(roleName: name, policyName: policy)
                }
                for policy in try await iam.listAttachedRolePolicies(roleName: name) {
                    try await iam.detachRolePolicy(roleName: name, policyARN: policy)
                }
                try await iam.deleteRole(name: name)
                return true
            } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
                return false
            }
        }
        guard deleted else { return nil }
        progress("deleted role \(name)")
        return AppRemoval(.role, name)
    }
}
