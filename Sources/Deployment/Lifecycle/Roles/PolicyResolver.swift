import AWSCore
import AWSIAM
import Foundation

/// Turns managed-policy references into ARNs with read-only calls: an ARN must exist; a name is
/// an AWS-managed policy (`policy/NAME`, then `policy/service-role/NAME`), else one of the
/// account's (ListPolicies, Scope Local); a name that matches several is refused.
struct PolicyResolver: Sendable {
    var iam: IAMClient
    /// The caller's partition (from the role ARN).
    var partition: String

    /// Resolves every reference; the `attached` ARNs answer first (no call): an attached ARN
    /// exists, and a name that ends an attached ARN means that policy.
    func resolve(_ references: [String], attached: [String] = []) async throws -> [String] {
        var local: [IAMManagedPolicy]?
        var arns: [String] = []
        for reference in references {
            if PolicyReference.isARN(reference) {
                if attached.contains(reference) { arns.append(reference); continue }
                guard try await iam.getPolicy(arn: reference) != nil else {
                    throw LifecycleError.usage("no managed policy \(reference); check the ARN (IAM's GetPolicy does not find it)")
                }
                arns.append(reference)
                continue
            }
            if let found = attached.first(where: { PolicyReference.name(of: $0) == reference }) {
                arns.append(found)
                continue
            }
            var matches: [String] = []
            for candidate in PolicyReference.awsManagedCandidates(reference, partition: partition)
            where try await iam.getPolicy(arn: candidate) != nil {
                matches.append(candidate)
            }
            if matches.isEmpty {
                // Only then the account's own (ListPolicies pages through every local policy).
                if local == nil { local = try await iam.listPolicies(scope: "Local") }
                matches = (local ?? []).filter { $0.name == reference }.map(\.arn)
            }
            switch matches.count {
            case 1: arns.append(matches[0])
            case 0:
                throw LifecycleError.usage(
                    "no managed policy named \(reference): neither AWS-managed (policy/ or policy/service-role/) nor one of the account's; give its ARN")
            default:
                throw LifecycleError.usage(
                    "several managed policies are named \(reference) (\(matches.joined(separator: ", "))); give the ARN of the one you mean")
            }
        }
        return arns
    }
}

/// What a role the user supplied seems to lack for a function's settings (pure, best effort:
/// IAM conditions and wildcards are not evaluated, only looked for).
package enum RoleAudit {
    /// One line per missing permission, e.g. `has no AWSLambdaVPCAccessExecutionRole (the function is in a VPC)`.
    package static func missing(_ requirements: RoleRequirements, attached: [String], inlineDocuments: [String]) -> [String] {
        let text = inlineDocuments.joined(separator: "\n")
        var lines: [String] = []
        for policy in requirements.managedPolicies where !attached.contains(policy) {
            let name = PolicyReference.name(of: policy)
            let (action, reason) =
                name == "AWSLambdaVPCAccessExecutionRole"
                ? ("ec2:CreateNetworkInterface", "the function is in a VPC") : ("xray:PutTraceSegments", "tracing is Active")
            if grants(action, in: text) { continue }
            lines.append("has no \(name) (\(reason)); attach \(policy) to it")
        }
        let destinations = requirements.destinationsDocument.map(Self.actions) ?? []
        for action in destinations where !grants(action, in: text) && !attached.contains(where: { Self.fullAccess(action, $0) }) {
            lines.append("does not seem to allow \(action) (a dead-letter or async destination needs it)")
        }
        return lines
    }

    /// The actions a lambdactl-written document names.
    static func actions(_ document: String) -> [String] {
        guard let data = document.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let statements = object["Statement"] as? [[String: Any]]
        else { return [] }
        return statements.flatMap { ($0["Action"] as? [String]) ?? [] }
    }

    /// The action, its service's `*`, or `*` appears in the documents.
    static func grants(_ action: String, in text: String) -> Bool {
        let service = action.split(separator: ":").first.map(String.init) ?? action
        return text.contains("\"\(action)\"") || text.contains("\"\(service):*\"") || text.contains("\"*\"")
    }

    /// A `…FullAccess` managed policy of the action's service.
    static func fullAccess(_ action: String, _ arn: String) -> Bool {
        let service = action.split(separator: ":").first.map(String.init) ?? ""
        let name = PolicyReference.name(of: arn).lowercased()
        let marker = ["sqs": "sqs", "sns": "sns", "lambda": "lambda", "events": "eventbridge"][service] ?? service
        return name.contains(marker) && name.contains("fullaccess")
    }
}
