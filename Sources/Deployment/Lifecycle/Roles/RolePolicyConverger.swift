import AWSCore
import AWSIAM
import Foundation

/// Brings the execution role's permissions to what the user and the function's settings ask
/// for: reads first (`prepare`, no write), then the additions before the function update and
/// the removals after it. Only a role lambdactl created is ever changed; a role the user
/// supplied is read, and what looks missing is reported as warnings.
package struct RolePolicyConverger: Sendable {
    /// The tag-key prefix that records a managed policy lambdactl attached for the user.
    package static let recordTagPrefix = "lambdactl:policy:"

    /// IAM.
    package var iam: IAMClient
    /// Warnings (stderr).
    package var warn: @Sendable (String) -> Void

    /// Creates a converger.
    package init(iam: IAMClient, warn: @escaping @Sendable (String) -> Void) {
        self.iam = iam
        self.warn = warn
    }

    /// What `prepare` found and decided.
    package struct Prepared: Sendable, Equatable {
        /// The role's name.
        package var roleName: String
        /// True when lambdactl created the role (and so may change it).
        package var owned: Bool
        /// The writes (empty for a role lambdactl does not own).
        package var plan: RolePolicyPlan
        /// True when the role has the VPC policy after `before` (a VPC update may then meet
        /// "no permission to call CreateNetworkInterface" while it propagates).
        package var vpcPolicyAttaching: Bool

        /// Nothing to do.
        package static func none(roleName: String) -> Prepared {
            Prepared(roleName: roleName, owned: false, plan: RolePolicyPlan(), vpcPolicyAttaching: false)
        }
    }

    /// Reads the role and plans the writes; makes none. Refuses a non-empty `request` on a role
    /// lambdactl did not create, before any write. A role `justCreated` by this run is known
    /// without reading it: lambdactl's, with only the basic execution policy.
    package func prepare(
        roleARN: String, function: String, request: RolePolicyRequest, needs: RoleNeeds, justCreated: Bool = false
    ) async throws -> Prepared {
        try request.validate()
        let roleName = String(roleARN.split(separator: "/").last ?? "")
        let partition = RoleRequirements.partition(of: roleARN)
        let requirements = RoleRequirements(needs, partition: partition)
        let owned = justCreated ? true : try await isOwned(roleName, function: function)
        guard owned else {
            if !request.isEmpty {
                throw LifecycleError(
                    .usage,
                    "the execution role \(roleName) was not created by lambdactl, so lambdactl does not change it: "
                        + "attach the policies to it yourself, or let lambdactl create the function's role; nothing was changed")
            }
            await warnMissing(roleName: roleName, requirements: requirements)
            return .none(roleName: roleName)
        }
        let state = justCreated ? RolePolicyState(attached: [RoleProvisioner.basicExecutionPolicy]) : try await read(roleName)
        let resolver = PolicyResolver(iam: iam, partition: partition)
        let plan = RolePolicyPlan(
            current: state, attach: try await resolver.resolve(request.attach, attached: state.attached),
            detach: try await resolver.resolve(request.detach, attached: state.attached),
            managed: try await request.managed.asyncMap { try await resolver.resolve($0, attached: state.attached) },
            inline: request.inline,
            requirements: requirements)
        let vpc = RoleRequirements.vpcPolicy(partition: partition)
        return Prepared(
            roleName: roleName, owned: true, plan: plan,
            vpcPolicyAttaching: requirements.managedPolicies.contains(vpc) && plan.before.contains(.attach(vpc)))
    }

    /// What lambdactl manages on the role: attached policies, recorded ones, its inline policies.
    func read(_ roleName: String) async throws -> RolePolicyState {
        let tags = try await iam.listRoleTags(name: roleName)
        var state = RolePolicyState(
            attached: try await iam.listAttachedRolePolicies(roleName: roleName),
            recorded: Set(tags.filter { $0.key.hasPrefix(Self.recordTagPrefix) }.values))
        for name in [RolePolicyRequest.inlinePolicyName, RoleRequirements.destinationsPolicyName] {
            state.inline[name] = try await iam.getRolePolicy(roleName: roleName, policyName: name)
        }
        return state
    }

    /// The role is `lambdactl-NAME-role` for this function and carries lambdactl's created tag.
    func isOwned(_ roleName: String, function: String) async throws -> Bool {
        guard roleName == RoleProvisioner.defaultRoleName(function: function) else { return false }
        guard let tags = try? await iam.listRoleTags(name: roleName) else { return false }
        return tags[RoleProvisioner.createdTag.key] == RoleProvisioner.createdTag.value
    }

    /// The additions: attach, put inline policies, record.
    package func applyBefore(_ prepared: Prepared) async throws {
        for change in prepared.plan.before { try await apply(change, role: prepared.roleName) }
    }

    /// The removals: detach, delete inline policies, forget.
    package func applyAfter(_ prepared: Prepared) async throws {
        for change in prepared.plan.after { try await apply(change, role: prepared.roleName) }
    }

    func apply(_ change: RoleChange, role: String) async throws {
        switch change {
        case .attach(let arn): try await iam.attachRolePolicy(roleName: role, policyARN: arn)
        case .detach(let arn): try await iam.detachRolePolicy(roleName: role, policyARN: arn)
        case .putInline(let name, let document): try await iam.putRolePolicy(roleName: role, policyName: name, document: document)
        case .deleteInline(let name): try await iam.deleteRolePolicy(roleName: role, policyName: name)
        case .record(let arns):
            try await iam.tagRole(name: role, tags: Dictionary(uniqueKeysWithValues: arns.map { (Self.recordKey($0), $0) }))
        case .forget(let arns): try await iam.untagRole(name: role, keys: arns.map(Self.recordKey))
        }
    }

    /// `lambdactl:policy:` and 16 hex digits of the ARN's FNV-1a hash (a tag key is at most 128
    /// characters; the ARN itself is the value).
    package static func recordKey(_ arn: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in arn.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return recordTagPrefix + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// One warning per need a user-supplied role does not seem to meet (best effort: a role
    /// lambdactl cannot read gets no warning).
    func warnMissing(roleName: String, requirements: RoleRequirements) async {
        guard !requirements.managedPolicies.isEmpty || requirements.destinationsDocument != nil else { return }
        guard let attached = try? await iam.listAttachedRolePolicies(roleName: roleName),
            let names = try? await iam.listRolePolicies(roleName: roleName)
        else { return }
        var documents: [String] = []
        for name in names {
            if let document = try? await iam.getRolePolicy(roleName: roleName, policyName: name) { documents.append(document) }
        }
        for line in RoleAudit.missing(requirements, attached: attached, inlineDocuments: documents) {
            warn("role \(roleName) (not created by lambdactl, left unchanged) \(line)")
        }
    }
}

extension Optional {
    /// `map` with an async throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
