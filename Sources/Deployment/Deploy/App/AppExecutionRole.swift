import AWSCore
import AWSIAM
import AWSLambda
import Foundation

/// The execution role an app's plain functions share: one per app, stage and region, holding
/// only the basic execution policy (logs), like every role lambdactl makes before policies are
/// added. A function with a `role:`, `policies:`, settings that need permissions (VPC, active
/// tracing, a dead-letter or async destination) or a queue or stream trigger gets a role of its
/// own instead, so what one function may do never reaches another; a function on the shared
/// role that comes to need more moves to a role of its own (`Deployer`'s switch-role step).
package struct AppExecutionRole: Sendable, Equatable {
    /// The app and stage.
    package var ownership: AppOwnership
    /// The region the app is deployed to (IAM is global).
    package var region: String

    /// Creates the role's description.
    package init(ownership: AppOwnership, region: String) {
        self.ownership = ownership
        self.region = region
    }

    /// `lambdactl-app-APP[-STAGE]-REGION`; a longer name than IAM's 64 characters is cut and
    /// ends in 8 hex digits of the full name's hash, so it stays unique and deterministic.
    package var name: String {
        let full = "lambdactl-app-\(ownership.suffixed(ownership.app))-\(region)"
        guard full.count > 64 else { return full }
        let hash = RolePolicyConverger.recordKey(full).suffix(8)
        return "\(full.prefix(64 - 9))-\(hash)"
    }

    /// The tags the role carries: lambdactl's created tag, the app's and the region's.
    package var tags: [String: String] {
        ownership.tags.merging([
            RoleProvisioner.createdTag.key: RoleProvisioner.createdTag.value, AppOwnership.regionTag: region,
        ]) { $1 }
    }

    /// True when `roleARN` names this role.
    package func isThis(_ roleARN: String?) -> Bool {
        guard let roleARN, let last = roleARN.split(separator: "/").last else { return false }
        return roleARN.contains(":role/") && String(last) == name
    }

    /// True when a function deployed from `config` needs nothing beyond logging from its role:
    /// no role or policies of its own, no setting that needs a permission (as `current`, the
    /// function as it is, will have it after the deploy), no queue or stream trigger (pure).
    package static func suffices(
        for config: DeployConfig, target: DeployTarget, current: FunctionConfiguration? = nil
    ) -> Bool {
        guard config.function.role == nil, target.policies.isEmpty else { return false }
        let needs = RoleNeeds.resulting(
            current: current ?? FunctionConfiguration(), desired: target.configuration, destinations: nil)
        if needs.vpc || needs.activeTracing { return false }
        switch target.configuration.settings.deadLetter {
        case .target: return false
        case .remove: break
        case nil: if current?.deadLetterConfig?.targetARN != nil { return false }
        }
        if case .set(let spec) = target.invocation.async {
            for destination in [spec.onSuccess, spec.onFailure] {
                if case .set = destination { return false }
            }
        }
        let queueOrStream = config.triggers?.contains {
            if case .mapping = $0.spec { true } else { false }
        }
        return queueOrStream != true
    }

    /// The role as it exists: nil when there is none; refused (conflict, exit 6) when a role of
    /// this name exists that lambdactl did not make for this app, stage and region.
    package func find(iam: IAMClient) async throws -> IAMRole? {
        guard let found = try await iam.getRole(name: name) else { return nil }
        let expected = tags
        guard expected.allSatisfy({ found.tags[$0.key] == $0.value }), ownership.owns(found.tags) else {
            throw DeployConfigError(
                "IAM role \(name) exists and is not the role lambdactl made for app \(ownership.label) in \(region); "
                    + "nothing was changed: delete or rename that role, or give the functions a role: of their own",
                category: .conflict)
        }
        return found
    }

    /// Finds the role, or creates it with the basic execution policy. `now` decides whether a
    /// found role may still be propagating.
    package func ensure(iam: IAMClient, now: Date) async throws -> RoleProvisioner.Resolved {
        if let found = try await find(iam: iam) {
            // A run stopped between CreateRole and AttachRolePolicy left it without logging.
            if !(try await iam.listAttachedRolePolicies(roleName: name)).contains(RoleProvisioner.basicExecutionPolicy) {
                try await iam.attachRolePolicy(roleName: name, policyARN: RoleProvisioner.basicExecutionPolicy)
            }
            return RoleProvisioner.Resolved(
                arn: found.arn, name: found.name, created: false,
                mayStillPropagate: RoleProvisioner.mayStillPropagate(found, now: now))
        }
        let created: IAMRole
        do {
            created = try await iam.createRole(
                name: name, assumeRolePolicy: RoleProvisioner.trustPolicy,
                description: "Execution role shared by the plain functions of app \(ownership.label), created by lambdactl",
                tags: tags)
        } catch let error as AWSServiceError where error.code == "EntityAlreadyExists" {
            // Another deploy of this app made it meanwhile: use it if it is this app's.
            guard let found = try await find(iam: iam) else { throw error }
            return RoleProvisioner.Resolved(arn: found.arn, name: found.name, created: false, mayStillPropagate: true)
        }
        try await iam.attachRolePolicy(roleName: name, policyARN: RoleProvisioner.basicExecutionPolicy)
        return RoleProvisioner.Resolved(arn: created.arn, name: created.name, created: true)
    }
}
