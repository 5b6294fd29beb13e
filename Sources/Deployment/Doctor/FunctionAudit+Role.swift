import AWSCore
import AWSIAM
import AWSLambda
import Foundation

/// Reading the execution role (attached managed policies' default versions and inline
/// policies) and the layers (GetLayerVersion, which takes the layer's ARN as its name, so a
/// layer of another account is read too) for the role and layer rules. Read-only. A layer
/// that cannot be read is left out.
extension FunctionAudit {
    /// Creates the audit; with `iam` the execution role is checked too.
    package init(lambda: LambdaClient, iam: IAMClient?) {
        self.init(lambda: lambda)
        self.iam = iam
    }

    /// Adds the role and layer facts to `facts`.
    func readRoleAndLayers(
        into facts: inout AuditedFunction, configuration: FunctionConfiguration, mappings: [EventSourceMapping]
    ) async throws {
        facts.architecture = configuration.architectures?.first ?? "x86_64"
        for arn in configuration.layerARNs {
            guard let (layerARN, version) = Self.splitLayerARN(arn),
                let layer = try? await lambda.getLayerVersion(layerARN, version: version)
            else { continue }
            facts.layers.append(AuditedLayer(arn: arn, compatibleRuntimes: layer.compatibleRuntimes ?? [],
                                             compatibleArchitectures: layer.compatibleArchitectures ?? []))
        }
        guard let iam, let roleARN = configuration.role else { return }
        // Async destinations that cannot be listed are left out (best effort); the dead-letter target stays.
        let deadLetter = configuration.deadLetterConfig?.targetARN
        let destinations = (try? await FunctionDestinations(lambda: lambda).complete(facts.name, deadLetter: deadLetter))
            ?? FunctionDestinations.merge(deadLetter: deadLetter, configs: [], replacing: nil)
        let needs = FunctionFindingRules.roleNeeds(
            vpc: configuration.vpcConfig?.isAttached ?? false,
            activeTracing: configuration.tracingConfig?.mode?.lowercased() == "active",
            mappings: mappings.compactMap { mapping in
                mapping.eventSourceARN.map { ($0, mapping.settings.destinationConfig?.onFailure?.destination) }
            },
            destinations: destinations, partition: RoleRequirements.partition(of: roleARN))
        guard !needs.isEmpty else { return }
        facts.role = await Self.readRole(iam, arn: roleARN, function: facts.name, needs: needs)
    }

    /// `arn:…:layer:NAME:7` → (`arn:…:layer:NAME`, 7).
    static func splitLayerARN(_ arn: String) -> (String, Int)? {
        guard let colon = arn.lastIndex(of: ":"), let version = Int(arn[arn.index(after: colon)...]) else { return nil }
        return (String(arn[..<colon]), version)
    }

    /// The role's policies as grants; `unreadable` set when IAM refused or failed.
    static func readRole(_ iam: IAMClient, arn: String, function: String, needs: [RoleNeed]) async -> AuditedRole {
        let name = String(arn.split(separator: "/").last ?? "")
        let tags = (try? await iam.listRoleTags(name: name)) ?? [:]
        let owned = name == RoleProvisioner.defaultRoleName(function: function)
            && tags[RoleProvisioner.createdTag.key] == RoleProvisioner.createdTag.value
        do {
            let attached = try await iam.listAttachedRolePolicies(roleName: name)
            var grants: [RoleGrant] = []
            for policy in attached {
                if let document = try await iam.defaultPolicyDocument(arn: policy) { grants += RoleGrant.parse(document: document) }
            }
            for policy in try await iam.listRolePolicies(roleName: name) {
                if let document = try await iam.getRolePolicy(roleName: name, policyName: policy) {
                    grants += RoleGrant.parse(document: document)
                }
            }
            return AuditedRole(name: name, owned: owned, attachedPolicies: attached, grants: grants, needs: needs)
        } catch {
            return AuditedRole(name: name, owned: owned, attachedPolicies: nil, grants: [], unreadable: "\(error)", needs: needs)
        }
    }
}
