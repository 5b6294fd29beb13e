import Foundation

/// The Allow statements of an execution role's policies, reduced to what the doctor's best-effort
/// matcher judges: actions and resources (with `*` and `?` wildcards). Deny statements,
/// `NotAction`, `NotResource` and conditions are not evaluated (a statement with `NotAction`
/// or `NotResource` grants nothing here). Pure.
package struct RoleGrant: Sendable, Equatable {
    /// `Action` patterns (`sqs:*`, `*`, `xray:PutTraceSegments`).
    package var actions: [String]
    /// `Resource` patterns (`*`, an ARN, an ARN with wildcards).
    package var resources: [String]

    /// Creates a grant.
    package init(actions: [String], resources: [String]) {
        self.actions = actions
        self.resources = resources
    }

    /// The Allow statements of a policy document (JSON text); empty when it does not parse.
    package static func parse(document: String) -> [RoleGrant] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] else { return [] }
        let raw = object["Statement"]
        let statements = (raw as? [[String: Any]]) ?? ((raw as? [String: Any]).map { [$0] } ?? [])
        return statements.compactMap { statement in
            guard (statement["Effect"] as? String) == "Allow", statement["NotAction"] == nil, statement["NotResource"] == nil,
                let actions = strings(statement["Action"]), let resources = strings(statement["Resource"])
            else { return nil }
            return RoleGrant(actions: actions, resources: resources)
        }
    }

    /// True when this grant allows `action` on `resource`.
    package func allows(_ action: String, on resource: String) -> Bool {
        actions.contains { Self.matches(pattern: $0, action, caseSensitive: false) }
            && resources.contains { Self.matches(pattern: $0, resource, caseSensitive: true) }
    }

    /// IAM's wildcard match: `*` any run of characters, `?` one character.
    package static func matches(pattern: String, _ value: String, caseSensitive: Bool) -> Bool {
        let p = Array(caseSensitive ? pattern : pattern.lowercased())
        let v = Array(caseSensitive ? value : value.lowercased())
        var (i, j, star, mark) = (0, 0, -1, 0)
        while j < v.count {
            if i < p.count && (p[i] == "?" || p[i] == v[j]) {
                i += 1; j += 1
            } else if i < p.count && p[i] == "*" {
                star = i; mark = j; i += 1
            } else if star >= 0 {
                i = star + 1; mark += 1; j = mark
            } else {
                return false
            }
        }
        while i < p.count && p[i] == "*" { i += 1 }
        return i == p.count
    }

    private static func strings(_ value: Any?) -> [String]? {
        if let one = value as? String { return [one] }
        return value as? [String]
    }
}

/// One permission the function's configuration needs from its execution role.
package struct RoleNeed: Sendable, Equatable {
    /// What needs it (`VPC access`, `active tracing`, `the mapping from ARN`, `the destination ARN`).
    package var reason: String
    /// The actions, all needed.
    package var actions: [String]
    /// The resource they must be allowed on (`*` when the actions take no resource).
    package var resource: String
    /// The managed policy that grants them, when there is one lambdactl would attach.
    package var managedPolicy: String?

    /// Creates a need.
    package init(reason: String, actions: [String], resource: String, managedPolicy: String? = nil) {
        self.reason = reason
        self.actions = actions
        self.resource = resource
        self.managedPolicy = managedPolicy
    }
}

/// What the doctor read about a function's execution role and the settings that need it.
package struct AuditedRole: Sendable, Equatable {
    /// The role's name.
    package var name: String
    /// lambdactl created it (`lambdactl-NAME-role` with lambdactl's created tag).
    package var owned: Bool
    /// The ARNs of the attached managed policies; nil when the role could not be read.
    package var attachedPolicies: [String]?
    /// The Allow statements of every attached and inline policy.
    package var grants: [RoleGrant]
    /// Why the role (or one of its policies) could not be read, when it could not.
    package var unreadable: String?
    /// What the configuration needs.
    package var needs: [RoleNeed]

    /// Creates the facts.
    package init(name: String, owned: Bool, attachedPolicies: [String]?, grants: [RoleGrant], unreadable: String? = nil,
                 needs: [RoleNeed]) {
        self.name = name
        self.owned = owned
        self.attachedPolicies = attachedPolicies
        self.grants = grants
        self.unreadable = unreadable
        self.needs = needs
    }
}
