import AWSCore
import Foundation

/// AWS Identity and Access Management over the query protocol (API version 2010-05-08).
/// IAM is global: its endpoint signs for `us-east-1`. See the IAM API Reference.
package struct IAMClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Creates a client for `endpoint`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .iam)
    }

    /// Wraps an existing query-protocol client.
    package init(client: AWSClient) {
        self.client = client
    }

    /// CreateRole with a trust policy and tags.
    package func createRole(
        name: String, assumeRolePolicy: String, description: String? = nil, tags: [String: String] = [:]
    ) async throws -> IAMRole {
        var parameters = [("RoleName", name), ("AssumeRolePolicyDocument", assumeRolePolicy)]
        if let description { parameters.append(("Description", description)) }
        for (index, tag) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            parameters.append(("Tags.member.\(index + 1).Key", tag.key))
            parameters.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        return try IAMRole(try await client.query("CreateRole", parameters), operation: "CreateRole")
    }

    /// GetRole; nil when no role has that name (`NoSuchEntity`).
    package func getRole(name: String) async throws -> IAMRole? {
        do {
            return try IAMRole(try await client.query("GetRole", [("RoleName", name)]), operation: "GetRole")
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// ListRoleTags (all pages).
    package func listRoleTags(name: String) async throws -> [String: String] {
        let pairs = try await Paginator.collect { marker in
            let document = try await client.query("ListRoleTags", [("RoleName", name)] + Self.markerParameter(marker))
            let members = document.first("Tags")?.children(named: "member") ?? []
            let pairs = members.compactMap { member in member.value("Key").map { ($0, member.value("Value") ?? "") } }
            return (pairs, Self.nextMarker(document))
        }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    /// TagRole: adds or overwrites `tags` (sorted, as members).
    package func tagRole(name: String, tags: [String: String]) async throws {
        var parameters = [("RoleName", name)]
        for (index, tag) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            parameters.append(("Tags.member.\(index + 1).Key", tag.key))
            parameters.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        _ = try await client.query("TagRole", parameters)
    }

    /// UntagRole: removes the tags with these keys.
    package func untagRole(name: String, keys: [String]) async throws {
        let parameters = [("RoleName", name)] + keys.enumerated().map { ("TagKeys.member.\($0.offset + 1)", $0.element) }
        _ = try await client.query("UntagRole", parameters)
    }

    /// AttachRolePolicy.
    package func attachRolePolicy(roleName: String, policyARN: String) async throws {
        _ = try await client.query("AttachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyARN)])
    }

    /// DetachRolePolicy.
    package func detachRolePolicy(roleName: String, policyARN: String) async throws {
        _ = try await client.query("DetachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyARN)])
    }

    /// ListAttachedRolePolicies, every page (`Marker`/`IsTruncated`): the policy ARNs.
    package func listAttachedRolePolicies(roleName: String) async throws -> [String] {
        try await Paginator.collect { marker in
            let document = try await client.query(
                "ListAttachedRolePolicies", [("RoleName", roleName)] + Self.markerParameter(marker))
            let members = document.first("AttachedPolicies")?.children(named: "member") ?? []
            return (members.compactMap { $0.value("PolicyArn") }, Self.nextMarker(document))
        }
    }

    /// ListRoles (all pages): the names of the roles whose path starts with `pathPrefix`.
    /// IAM leaves tags out of this answer; `listRoleTags` reads them.
    package func listRoleNames(pathPrefix: String = "/") async throws -> [String] {
        try await Paginator.collect { marker in
            let document = try await client.query("ListRoles", [("PathPrefix", pathPrefix)] + Self.markerParameter(marker))
            let members = document.first("Roles")?.children(named: "member") ?? []
            return (members.compactMap { $0.value("RoleName") }, Self.nextMarker(document))
        }
    }

    /// DeleteRole (policies must be detached first).
    package func deleteRole(name: String) async throws {
        _ = try await client.query("DeleteRole", [("RoleName", name)])
    }

    /// `Marker=…` for every page after the first.
    static func markerParameter(_ marker: String?) -> [(String, String)] {
        marker.map { [("Marker", $0)] } ?? []
    }

    /// The `Marker` of a truncated page, nil on the last one.
    static func nextMarker(_ document: XMLDocumentNode) -> String? {
        guard document.value("IsTruncated") == "true", let marker = document.value("Marker"), !marker.isEmpty
        else { return nil }
        return marker
    }
}

/// An IAM role.
package struct IAMRole: Sendable, Equatable {
    /// The role name.
    package var name: String
    /// The role ARN.
    package var arn: String
    /// Tags included in the answer (GetRole includes them; CreateRole echoes those given).
    package var tags: [String: String]
    /// When IAM created the role (`CreateDate`), when the answer says.
    package var createDate: Date?

    /// Creates a role value.
    package init(name: String, arn: String, tags: [String: String] = [:], createDate: Date? = nil) {
        self.name = name
        self.arn = arn
        self.tags = tags
        self.createDate = createDate
    }

    init(_ document: XMLDocumentNode, operation: String) throws {
        guard let role = document.first("Role"), let name = role.value("RoleName"), let arn = role.value("Arn") else {
            throw AWSResponseDecodingError(operation: operation, detail: "no Role in the answer")
        }
        var tags: [String: String] = [:]
        for member in role.first("Tags")?.children(named: "member") ?? [] {
            if let key = member.value("Key") { tags[key] = member.value("Value") ?? "" }
        }
        self.init(name: name, arn: arn, tags: tags, createDate: role.value("CreateDate").flatMap(Self.date))
    }

    /// IAM's `2026-12-01T22:10:35Z` (fractional seconds optional).
    static func date(_ text: String) -> Date? {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
