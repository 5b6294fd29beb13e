import AWSCore
import Foundation

/// Managed policies: GetPolicy and ListPolicies. See the IAM API Reference.
extension IAMClient {
    /// GetPolicy; nil when no policy has that ARN (`NoSuchEntity`).
    package func getPolicy(arn: String) async throws -> IAMManagedPolicy? {
        do {
            let document = try await client.query("GetPolicy", [("PolicyArn", arn)])
            guard let policy = document.first("Policy").flatMap(IAMManagedPolicy.init) else {
                throw AWSResponseDecodingError(operation: "GetPolicy", detail: "no Policy in the answer")
            }
            return policy
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// ListPolicies with `Scope` (`Local`: the account's own, `AWS`: AWS-managed, `All`), every
    /// page (`Marker`/`IsTruncated`).
    package func listPolicies(scope: String = "Local") async throws -> [IAMManagedPolicy] {
        try await Paginator.collect { marker in
            let document = try await client.query("ListPolicies", [("Scope", scope)] + Self.markerParameter(marker))
            let members = document.first("Policies")?.children(named: "member") ?? []
            return (members.compactMap(IAMManagedPolicy.init), Self.nextMarker(document))
        }
    }
}

/// A managed policy (name, ARN, path).
package struct IAMManagedPolicy: Sendable, Equatable {
    /// The policy name.
    package var name: String
    /// The policy ARN.
    package var arn: String
    /// The path (`/`, `/service-role/`).
    package var path: String

    /// Creates a policy value.
    package init(name: String, arn: String, path: String = "/") {
        self.name = name
        self.arn = arn
        self.path = path
    }

    /// Reads a `Policy` element or a `Policies` member; nil without a name and an ARN.
    init?(_ node: XMLDocumentNode) {
        guard let name = node.value("PolicyName"), let arn = node.value("Arn") else { return nil }
        self.init(name: name, arn: arn, path: node.value("Path") ?? "/")
    }
}
