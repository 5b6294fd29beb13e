import Foundation

/// A layer the function uses, as GetLayerVersion describes it.
package struct AuditedLayer: Sendable, Equatable {
    /// The layer version ARN.
    package var arn: String
    /// `CompatibleRuntimes` (empty: any).
    package var compatibleRuntimes: [String]
    /// `CompatibleArchitectures` (empty: any).
    package var compatibleArchitectures: [String]

    /// Creates the facts.
    package init(arn: String, compatibleRuntimes: [String] = [], compatibleArchitectures: [String] = []) {
        self.arn = arn
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
    }
}

/// The rules on the function's execution role, S3/SNS statements' SourceAccount and layer
/// compatibility. Pure.
extension FunctionFindingRules {
    /// The principals whose statements need `SourceAccount` besides `SourceArn` (bucket ARNs
    /// name no account; topic ARNs do, but AWS asks for both).
    package static let sourceAccountPrincipals: Set<String> = ["s3.amazonaws.com", "sns.amazonaws.com"]

    /// The role, SourceAccount and layer findings.
    package static func roleAndLayers(_ facts: AuditedFunction) -> [DoctorFinding] {
        sourceAccount(facts) + role(facts) + layers(facts)
    }

    /// S3 and SNS statements without a SourceAccount condition: confused deputy (error).
    package static func sourceAccount(_ facts: AuditedFunction) -> [DoctorFinding] {
        facts.statements.compactMap { statement in
            guard (statement.effect ?? "Allow") == "Allow", statement.sourceAccount == nil,
                let principal = statement.principals.first(where: sourceAccountPrincipals.contains)
            else { return nil }
            let sid = statement.sid ?? "(no Sid)"
            let fix: DoctorFix = statement.sourceARN.flatMap { trigger(principal: principal, sourceARN: $0) }
                .map { .reattachTrigger(function: facts.name, kind: $0.kind, source: $0.source, statementID: sid) }
                ?? .removePermission(function: facts.name, statementID: sid)
            return DoctorFinding(
                .error, "permission-without-source-account",
                "resource-policy statement \(sid) lets \(principal) invoke without a SourceAccount condition (confused deputy)",
                fix: fix)
        }
    }

    /// The trigger option naming a statement's source: S3 the bucket, SNS the topic ARN.
    static func trigger(principal: String, sourceARN: String) -> (kind: String, source: String)? {
        switch principal {
        case "s3.amazonaws.com":
            guard sourceARN.hasPrefix("arn:"), let bucket = sourceARN.split(separator: ":", omittingEmptySubsequences: false).last,
                !bucket.isEmpty, !bucket.contains("*")
            else { return nil }
            return ("s3", String(bucket))
        case "sns.amazonaws.com": return sourceARN.contains("*") ? nil : ("sns", sourceARN)
        default: return nil
        }
    }

    /// The permissions a configuration needs from its role, reusing lambdactl's own tables:
    /// `RoleRequirements` (VPC, tracing, destination send actions) and `EventSourcePolicy`
    /// (each mapping's read actions and its on-failure send action).
    package static func roleNeeds(
        vpc: Bool, activeTracing: Bool, mappings: [(source: String, onFailure: String?)], destinations: [String], partition: String
    ) -> [RoleNeed] {
        var needs: [RoleNeed] = []
        if vpc {
            needs.append(RoleNeed(reason: "VPC access", actions: ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                                                   "ec2:DeleteNetworkInterface"],
                                  resource: "*", managedPolicy: RoleRequirements.vpcPolicy(partition: partition)))
        }
        if activeTracing {
            needs.append(RoleNeed(reason: "active tracing", actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                                  resource: "*", managedPolicy: RoleRequirements.tracingPolicy(partition: partition)))
        }
        for mapping in mappings {
            if let source = MappingSource(arn: mapping.source) {
                needs.append(RoleNeed(reason: "the event-source mapping from \(mapping.source)",
                                      actions: EventSourcePolicy.actions(for: source), resource: mapping.source))
            }
            if let target = mapping.onFailure, let action = EventSourcePolicy.failureAction(for: target) {
                needs.append(RoleNeed(reason: "the on-failure destination \(target)", actions: [action], resource: target))
            }
        }
        for target in destinations {
            guard let action = RoleRequirements.action(for: target) else { continue }
            needs.append(RoleNeed(reason: "the destination \(target)", actions: [action], resource: target))
        }
        return needs
    }

    /// Needs the role does not grant (error), or one warning when the role could not be read.
    package static func role(_ facts: AuditedFunction) -> [DoctorFinding] {
        guard let role = facts.role, !role.needs.isEmpty else { return [] }
        if let why = role.unreadable {
            return [DoctorFinding(.warning, "role-unreadable",
                                  "could not read execution role \(role.name) (\(why)): its permissions for "
                                      + role.needs.map(\.reason).joined(separator: ", ") + " were not checked")]
        }
        return role.needs.compactMap { need in
            if let policy = need.managedPolicy, role.attachedPolicies?.contains(policy) == true { return nil }
            let missing = need.actions.filter { action in !role.grants.contains { $0.allows(action, on: need.resource) } }
            guard !missing.isEmpty else { return nil }
            return DoctorFinding(
                .error, "role-missing-permission",
                "execution role \(role.name) does not allow \(missing.joined(separator: ", ")) on \(need.resource), which \(need.reason) needs",
                fix: .grantRole(function: facts.name, role: role.name, owned: role.owned, actions: missing,
                                resource: need.resource, managedPolicy: need.managedPolicy))
        }
    }

    /// Layers whose compatible runtimes or architectures (when listed) leave out the function's.
    package static func layers(_ facts: AuditedFunction) -> [DoctorFinding] {
        facts.layers.compactMap { layer in
            var problems: [String] = []
            if let runtime = facts.runtime, !layer.compatibleRuntimes.isEmpty, !layer.compatibleRuntimes.contains(runtime) {
                problems.append("runtime \(runtime) (it lists \(layer.compatibleRuntimes.joined(separator: ", ")))")
            }
            if !layer.compatibleArchitectures.isEmpty, !layer.compatibleArchitectures.contains(facts.architecture) {
                problems.append("architecture \(facts.architecture) (it lists \(layer.compatibleArchitectures.joined(separator: ", ")))")
            }
            guard !problems.isEmpty else { return nil }
            return DoctorFinding(.error, "layer-incompatible",
                                 "layer \(layer.arn) is not compatible with the function's " + problems.joined(separator: " or "),
                                 fix: .replaceLayer(function: facts.name, layer: layer.arn,
                                                    runtime: facts.runtime, architecture: facts.architecture))
        }
    }
}
