import AWSCore
import AWSIAM
import Foundation
import SigV4

/// The role EventBridge Scheduler assumes to invoke one function: one role per function with
/// schedules, so no attach ever rewrites a document another function's schedules depend on
/// (no read-modify-write that concurrent deploys would lose). Its trust policy admits only
/// `scheduler.amazonaws.com` calling for this account; its one inline policy allows only
/// `lambda:InvokeFunction` on this function and its qualifiers, written once when the role is
/// created. The role is tagged `lambdactl:created` and `lambdactl:function`, and deleted when
/// the function's last schedule goes — only when lambdactl made it.
package struct SchedulerRole: Sendable {
    /// The inline policy's name.
    package static let policyName = "lambdactl-invoke"
    /// The tag naming the function the role serves.
    package static let functionTag = "lambdactl:function"

    /// IAM.
    package var iam: IAMClient

    /// Creates the role helper.
    package init(iam: IAMClient) {
        self.iam = iam
    }

    /// `lambdactl-<function>-scheduler`, cut to IAM's 64 characters keeping a hash of the whole
    /// function name, so two long names sharing a prefix get two roles (pure).
    package static func name(function: String) -> String {
        let clean = TriggerNaming.sanitized(function)
        let plain = "lambdactl-\(clean)-scheduler"
        if plain.count <= 64 { return plain }
        let hash = Digest.sha256(function).prefix(4).map { String(format: "%02x", $0) }.joined()
        let budget = 64 - "lambdactl-".count - "-\(hash)-scheduler".count
        return "lambdactl-\(clean.prefix(budget))-\(hash)-scheduler"
    }

    /// The trust policy: Scheduler, for schedules of `account` only (pure).
    package static func trustPolicy(account: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"},"#
            + #""Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"\#(account)"}}}]}"#
    }

    /// The inline policy: invoke this one function, any qualifier (pure).
    package static func invokePolicy(functionARN: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":"InvokeFunction","Effect":"Allow","Action":"lambda:InvokeFunction","#
            + #""Resource":["\#(functionARN)","\#(functionARN):*"]}]}"#
    }

    /// The role as found or made.
    package struct Resolved: Sendable, Equatable {
        /// Its ARN (nil in a dry run before creation).
        package var arn: String?
        /// Its name.
        package var name: String
        /// Whether this call created it (or, in a dry run, would).
        package var created: Bool
    }

    /// The role for `function` as it stands, without writing; nil ARN when it does not exist.
    /// A role of that name that lambdactl did not make for this function is refused.
    package func find(function: String) async throws -> IAMRole? {
        let name = Self.name(function: function)
        guard let role = try await iam.getRole(name: name) else { return nil }
        let tags = role.tags.isEmpty ? try await iam.listRoleTags(name: name) : role.tags
        guard tags[RoleProvisioner.createdTag.key] == RoleProvisioner.createdTag.value, tags[Self.functionTag] == function else {
            throw LifecycleError(
                .refused,
                "IAM role \(name) exists but lambdactl did not make it for \(function); lambdactl does not change a role it did not create")
        }
        return role
    }

    /// The role for `function`, created with its policy when missing. An existing role is used
    /// as it is; only an inline policy missing after an interrupted create is written.
    package func ensure(function: String, functionARN: FunctionARN, dryRun: Bool) async throws -> Resolved {
        let name = Self.name(function: function)
        if let role = try await find(function: function) {
            if !dryRun, try await iam.getRolePolicy(roleName: name, policyName: Self.policyName) == nil {
                try await iam.putRolePolicy(
                    roleName: name, policyName: Self.policyName, document: Self.invokePolicy(functionARN: functionARN.unqualified))
            }
            return Resolved(arn: role.arn, name: name, created: false)
        }
        if dryRun { return Resolved(arn: nil, name: name, created: true) }
        let role: IAMRole
        do {
            role = try await iam.createRole(
                name: name, assumeRolePolicy: Self.trustPolicy(account: functionARN.account),
                description: "Lets EventBridge Scheduler invoke Lambda function \(function); created by lambdactl",
                tags: [RoleProvisioner.createdTag.key: RoleProvisioner.createdTag.value, Self.functionTag: function])
        } catch let error as AWSServiceError where error.code == "EntityAlreadyExists" {
            // A concurrent attach made it: adopt it once it proves to be ours.
            guard let found = try await find(function: function) else { throw error }
            role = found
        }
        try await iam.putRolePolicy(
            roleName: name, policyName: Self.policyName, document: Self.invokePolicy(functionARN: functionARN.unqualified))
        return Resolved(arn: role.arn, name: name, created: true)
    }

    /// Deletes the function's role with its inline policies, only when lambdactl made it for
    /// this function; returns its name when it did.
    package func deleteIfOwned(function: String, dryRun: Bool) async throws -> String? {
        let name = Self.name(function: function)
        guard let _ = try? await find(function: function) else { return nil }
        if dryRun { return name }
        for policy in try await iam.listRolePolicies(roleName: name) {
            try await iam.deleteRolePolicy(roleName: name, policyName: policy)
        }
        _ = try await RoleProvisioner(iam: iam).deleteIfCreatedByLambdactl(name)
        return name
    }

    /// True for Scheduler's refusal of a role it cannot assume yet (IAM still propagating).
    package static func isPropagationError(_ error: AWSServiceError) -> Bool {
        error.code == "ValidationException" && error.message.lowercased().contains("role")
    }
}
