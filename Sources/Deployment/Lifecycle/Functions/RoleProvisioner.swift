import AWSCore
import AWSIAM
import Foundation

/// Finds or creates a function's execution role.
package struct RoleProvisioner: Sendable {
    /// The tag that marks roles lambdactl created (and may delete).
    package static let createdTag = (key: "lambdactl:created", value: "true")
    /// The managed policy that lets a function write its logs.
    package static let basicExecutionPolicy = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    /// The trust policy that lets Lambda assume the role.
    package static let trustPolicy =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    /// IAM.
    package var iam: IAMClient

    /// Creates a provisioner.
    package init(iam: IAMClient) {
        self.iam = iam
    }

    /// A resolved role and whether this run created it.
    package struct Resolved: Sendable, Equatable {
        package var arn: String
        package var name: String
        package var created: Bool
        /// Lambda may not be able to assume it yet: created by this run, by lambdactl earlier
        /// (an interrupted run), or less than `recentRoleAge` ago (`mayStillPropagate`).
        package var mayStillPropagate: Bool

        /// Creates a resolved role.
        package init(arn: String, name: String, created: Bool, mayStillPropagate: Bool? = nil) {
            self.arn = arn
            self.name = name
            self.created = created
            self.mayStillPropagate = mayStillPropagate ?? created
        }
    }

    /// A role younger than this may still be propagating to Lambda.
    package static let recentRoleAge: TimeInterval = 600

    /// True when Lambda may not see `role` yet, so "cannot be assumed" is worth retrying: it
    /// carries lambdactl's created tag (a run that created it may have been interrupted before
    /// the function existed) or IAM created it less than ten minutes before `now` (pure).
    package static func mayStillPropagate(_ role: IAMRole, now: Date) -> Bool {
        if role.tags[createdTag.key] == createdTag.value { return true }
        guard let created = role.createDate else { return false }
        return now.timeIntervalSince(created) < recentRoleAge
    }

    /// `lambdactl-NAME-role`, shortened to IAM's 64 characters.
    package static func defaultRoleName(function: String) -> String {
        let base = function.split(separator: ":").last.map(String.init) ?? function
        let budget = 64 - "lambdactl-".count - "-role".count
        return "lambdactl-\(base.prefix(budget))-role"
    }

    /// `--role`: an ARN is used as is; a name is looked up; nil creates or reuses the default role.
    /// `now` decides whether an existing role is recent enough to still be propagating; `tags`
    /// go on a role this call creates, besides the created-by-lambdactl tag.
    package func resolve(role: String?, function: String, now: Date, tags: [String: String] = [:]) async throws -> Resolved {
        if let role, role.hasPrefix("arn:") {
            let name = String(role.split(separator: "/").last ?? "")
            // Only to read CreateDate and tags: a role of another account, or no iam:GetRole, is fine.
            let found = try? await iam.getRole(name: name)
            return Resolved(
                arn: role, name: name, created: false,
                mayStillPropagate: found.map { $0.arn == role && Self.mayStillPropagate($0, now: now) } ?? false)
        }
        if let role {
            guard let found = try await iam.getRole(name: role) else {
                throw LifecycleError(.usage, "no IAM role named \(role)", hint: .giveExistingRole)
            }
            return Resolved(
                arn: found.arn, name: found.name, created: false, mayStillPropagate: Self.mayStillPropagate(found, now: now))
        }
        let name = Self.defaultRoleName(function: function)
        if let found = try await iam.getRole(name: name) {
            return Resolved(
                arn: found.arn, name: found.name, created: false, mayStillPropagate: Self.mayStillPropagate(found, now: now))
        }
        let created: IAMRole
        do {
            created = try await iam.createRole(
                name: name, assumeRolePolicy: Self.trustPolicy,
                description: "Execution role of Lambda function \(function), created by lambdactl",
                tags: tags.merging([Self.createdTag.key: Self.createdTag.value]) { $1 })
        } catch let error as AWSServiceError where error.code == "EntityAlreadyExists" {
            // Another deploy made it meanwhile: use it as found (and make sure it can log, in
            // case that deploy stopped before attaching the policy).
            guard let found = try await iam.getRole(name: name) else { throw error }
            if found.tags[Self.createdTag.key] == Self.createdTag.value {
                try await iam.attachRolePolicy(roleName: name, policyARN: Self.basicExecutionPolicy)
            }
            return Resolved(arn: found.arn, name: found.name, created: false, mayStillPropagate: true)
        }
        try await iam.attachRolePolicy(roleName: name, policyARN: Self.basicExecutionPolicy)
        return Resolved(arn: created.arn, name: created.name, created: true)
    }

    /// Deletes `name` only when it carries the created-by-lambdactl tag; returns whether it did.
    package func deleteIfCreatedByLambdactl(_ name: String) async throws -> Bool {
        let tags = try await iam.listRoleTags(name: name)
        guard tags[Self.createdTag.key] == Self.createdTag.value else { return false }
        for policy in try await iam.listAttachedRolePolicies(roleName: name) {
            try await iam.detachRolePolicy(roleName: name, policyARN: policy)
        }
        try await iam.deleteRole(name: name)
        return true
    }
}
