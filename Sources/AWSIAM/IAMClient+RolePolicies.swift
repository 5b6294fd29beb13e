import AWSCore
import Foundation

/// A role's inline policies (PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies).
/// See the IAM API Reference, "Managed policies and inline policies".
extension IAMClient {
    /// PutRolePolicy: creates or replaces the inline policy `policyName` of `roleName`.
    package func putRolePolicy(roleName: String, policyName: String, document: String) async throws {
        _ = try await client.query(
            "PutRolePolicy", [("RoleName", roleName), ("PolicyName", policyName), ("PolicyDocument", document)])
    }

    /// GetRolePolicy: the inline policy's document (IAM sends it URL-encoded, RFC 3986; it is
    /// decoded here); nil when the role has no inline policy of that name (`NoSuchEntity`).
    package func getRolePolicy(roleName: String, policyName: String) async throws -> String? {
        do {
            let document = try await client.query("GetRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
            guard let text = document.value("PolicyDocument") else {
                throw AWSResponseDecodingError(operation: "GetRolePolicy", detail: "no PolicyDocument in the answer")
            }
            return Self.decodedPolicyDocument(text)
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// DeleteRolePolicy: removes the inline policy `policyName`.
    package func deleteRolePolicy(roleName: String, policyName: String) async throws {
        _ = try await client.query("DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
    }

    /// ListRolePolicies, every page: the names of the role's inline policies.
    package func listRolePolicies(roleName: String) async throws -> [String] {
        try await Paginator.collect { marker in
            let document = try await client.query(
                "ListRolePolicies", [("RoleName", roleName)] + Self.markerParameter(marker))
            let members = document.first("PolicyNames")?.children(named: "member") ?? []
            return (members.map(\.text).filter { !$0.isEmpty }, Self.nextMarker(document))
        }
    }

    /// A policy document as IAM returns it: URL-encoded JSON. Text that is already JSON (or
    /// does not decode) is kept as it is.
    static func decodedPolicyDocument(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return trimmed }
        return trimmed.removingPercentEncoding ?? trimmed
    }
}
