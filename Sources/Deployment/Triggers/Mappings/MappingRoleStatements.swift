import AWSCore
import AWSIAM
import Foundation

/// The execution role's `lambdactl-event-sources` statements for a mapping: written (merged
/// into the existing document) before the mapping is created and removed after it is deleted,
/// only when lambdactl created the role; a role the user owns is only read, and what looks
/// missing is a warning.
struct MappingRoleStatements: Sendable {
    /// IAM.
    var iam: IAMClient
    /// Warnings (stderr).
    var warn: @Sendable (String) -> Void

    /// The role's name from its ARN (pure).
    static func roleName(_ arn: String) -> String { String(arn.split(separator: "/").last ?? "") }

    /// Whether lambdactl made the function's role (and so may change it).
    func owned(roleARN: String, function: String) async throws -> Bool {
        try await RolePolicyConverger(iam: iam, warn: warn).isOwned(Self.roleName(roleARN), function: function)
    }

    /// Puts the statements in place; returns the note, or nil when they already were (no write).
    func add(_ statements: [PolicyDocumentStatement], for identity: TriggerIdentity, roleARN: String, dryRun: Bool)
        async throws -> String?
    {
        let role = Self.roleName(roleARN)
        let text = try await iam.getRolePolicy(roleName: role, policyName: EventSourcePolicy.policyName)
        let current = text.flatMap(PolicyDocument.init(json:)) ?? PolicyDocument()
        let merged = Self.merged(statements, for: identity, into: current)
        guard text == nil || merged != current else { return nil }
        if !dryRun { try await iam.putRolePolicy(roleName: role, policyName: EventSourcePolicy.policyName, document: merged.jsonText) }
        let actions = statements.flatMap(\.actions).joined(separator: ", ")
        return "\(dryRun ? "would set" : "set") the mapping's statement (\(actions)) in role \(role)'s inline policy "
            + EventSourcePolicy.policyName
    }

    /// `document` with exactly `statements` for the mapping: each upserted in its place, and the
    /// mapping's on-failure statement dropped when it no longer has one (pure).
    static func merged(_ statements: [PolicyDocumentStatement], for identity: TriggerIdentity, into document: PolicyDocument)
        -> PolicyDocument
    {
        var merged = EventSourcePolicy.adding(statements, to: document)
        let failureSID = EventSourcePolicy.statementID(for: identity) + "OnFailure"
        if !statements.contains(where: { $0.sid == failureSID }) { merged.remove(sids: [failureSID]) }
        return merged
    }

    /// Removes the mapping's statements; deletes the inline policy when nothing else is left.
    func remove(_ identity: TriggerIdentity, roleARN: String, dryRun: Bool) async throws -> String? {
        let role = Self.roleName(roleARN)
        guard let text = try await iam.getRolePolicy(roleName: role, policyName: EventSourcePolicy.policyName),
            let current = PolicyDocument(json: text)
        else { return nil }
        let rest = EventSourcePolicy.removing(identity, from: current)
        guard rest != current else { return nil }
        if !dryRun {
            if rest.entries.isEmpty {
                try await iam.deleteRolePolicy(roleName: role, policyName: EventSourcePolicy.policyName)
            } else {
                try await iam.putRolePolicy(roleName: role, policyName: EventSourcePolicy.policyName, document: rest.jsonText)
            }
        }
        return "\(dryRun ? "would remove" : "removed") the mapping's statement from role \(role)'s inline policy \(EventSourcePolicy.policyName)"
    }

    /// Warns (best effort, read-only) when a user-owned role's policies do not mention an action.
    func warnIfShort(_ statements: [PolicyDocumentStatement], roleARN: String) async {
        let role = Self.roleName(roleARN)
        guard let attached = try? await iam.listAttachedRolePolicies(roleName: role),
            let names = try? await iam.listRolePolicies(roleName: role)
        else { return }
        if attached.contains(where: { Self.coveringManagedPolicies.contains(where: $0.hasSuffix) }) { return }
        var documents = ""
        for name in names { documents += (try? await iam.getRolePolicy(roleName: role, policyName: name)) ?? "" }
        let missing = statements.flatMap(\.actions).filter { action in
            let service = action.split(separator: ":").first.map(String.init) ?? action
            return !documents.contains(action) && !documents.contains("\(service):*") && !documents.contains("\"*\"")
        }
        guard !missing.isEmpty else { return }
        warn("role \(role) (not created by lambdactl, left unchanged) may lack \(missing.joined(separator: ", ")) "
            + "on \(statements.flatMap(\.resources).joined(separator: ", ")); the mapping ends Disabled without them")
    }

    /// Managed policies that grant a poller's actions.
    static let coveringManagedPolicies = [
        "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
        "AdministratorAccess",
    ]
}
