import Foundation

/// What the user asked of the execution role's permissions (`--policy`, `--policy-file`,
/// `--remove-policy`, `--no-policy-file`, or `policies:` in the deploy config). Applied only to
/// a role lambdactl created.
package struct RolePolicyRequest: Sendable, Equatable {
    /// The inline policy that holds the user's own statements.
    package static let inlinePolicyName = "lambdactl-policy"

    /// What to do with the inline policy `lambdactl-policy`.
    package enum Inline: Sendable, Equatable {
        /// Leave it as it is.
        case leave
        /// Delete it.
        case remove
        /// Create or replace it with this document.
        case set(String)
    }

    /// Managed policies (ARN or name) to attach.
    package var attach: [String]
    /// Managed policies (ARN or name) to detach.
    package var detach: [String]
    /// The whole list of managed policies lambdactl keeps attached for the user (the deploy
    /// config's `policies:`); nil leaves the list as it is, `[]` detaches what lambdactl
    /// attached for it before.
    package var managed: [String]?
    /// The inline policy.
    package var inline: Inline

    /// Creates a request.
    package init(attach: [String] = [], detach: [String] = [], managed: [String]? = nil, inline: Inline = .leave) {
        self.attach = attach
        self.detach = detach
        self.managed = managed
        self.inline = inline
    }

    /// True when it asks for nothing.
    package var isEmpty: Bool { attach.isEmpty && detach.isEmpty && managed == nil && inline == .leave }

    /// Local checks, before any call: each reference is an IAM policy ARN or name, nothing is
    /// both attached and detached, and the inline document is a policy document.
    package func validate() throws {
        for reference in attach + detach + (managed ?? []) {
            if let problem = PolicyReference.problem(reference) { throw LifecycleError.usage(problem) }
        }
        if let both = attach.first(where: detach.contains) {
            throw LifecycleError.usage("policy \(both) is both added and removed; give it once")
        }
        if case .set(let document) = inline, let problem = PolicyDocument.problem(in: document) {
            throw LifecycleError.usage("the policy document \(problem)")
        }
    }
}

/// A managed-policy reference: an ARN, or a name to look up (pure checks and candidates).
package enum PolicyReference {
    /// True for `arn:PARTITION:iam::ACCOUNT|aws:policy/…`.
    package static func isARN(_ reference: String) -> Bool { reference.hasPrefix("arn:") }

    /// Why `reference` is neither a policy ARN nor a policy name, or nil.
    package static func problem(_ reference: String) -> String? {
        if isARN(reference) {
            let parts = reference.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let accountOK = parts.count == 6 && (parts[4] == "aws" || (parts[4].count == 12 && parts[4].allSatisfy(\.isNumber)))
            guard parts.count == 6, parts[2] == "iam", parts[3].isEmpty, accountOK, parts[5].hasPrefix("policy/"),
                parts[5].count > "policy/".count
            else {
                return "\(reference) is not a managed policy ARN; e.g. arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess or a policy name"
            }
            return nil
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "+=,.@_-"))
        guard (1...128).contains(reference.count), reference.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else {
            return "policy \"\(reference)\" is not a policy name (letters, digits and +=,.@_-) or ARN; e.g. AmazonDynamoDBReadOnlyAccess"
        }
        return nil
    }

    /// The AWS-managed ARNs a name may have, in the order they are tried: the plain path, then
    /// `service-role/`.
    package static func awsManagedCandidates(_ name: String, partition: String) -> [String] {
        ["arn:\(partition):iam::aws:policy/\(name)", "arn:\(partition):iam::aws:policy/service-role/\(name)"]
    }

    /// The name at the end of a policy ARN.
    package static func name(of arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }
}
