import Foundation

/// What an execution role has now, as far as lambdactl manages it.
package struct RolePolicyState: Sendable, Equatable {
    /// The managed policy ARNs attached.
    package var attached: [String]
    /// The managed policies lambdactl attached for the user (recorded in role tags).
    package var recorded: Set<String>
    /// The documents of lambdactl's inline policies (`lambdactl-policy`, `lambdactl-destinations`), by name.
    package var inline: [String: String]

    /// Creates a state.
    package init(attached: [String] = [], recorded: Set<String> = [], inline: [String: String] = [:]) {
        self.attached = attached
        self.recorded = recorded
        self.inline = inline
    }
}

/// One IAM write on the role.
package enum RoleChange: Sendable, Equatable, CustomStringConvertible {
    case attach(String)
    case detach(String)
    case putInline(name: String, document: String)
    case deleteInline(String)
    /// Record these policies as attached by lambdactl (role tags).
    case record([String])
    /// Forget these recorded policies.
    case forget([String])

    /// One line for the user.
    package var description: String {
        switch self {
        case .attach(let arn): "attach \(arn)"
        case .detach(let arn): "detach \(arn)"
        case .putInline(let name, _): "put inline policy \(name)"
        case .deleteInline(let name): "delete inline policy \(name)"
        case .record, .forget: ""
        }
    }

    /// False for the bookkeeping (tag) changes, which are not shown.
    package var isVisible: Bool {
        switch self {
        case .record, .forget: false
        default: true
        }
    }
}

/// The IAM writes that bring a role lambdactl owns to what the user and the function's
/// settings ask for (pure). Additions come `before` the function update that needs them,
/// removals `after` it.
package struct RolePolicyPlan: Sendable, Equatable {
    /// Writes before the function update.
    package var before: [RoleChange]
    /// Writes after the function update.
    package var after: [RoleChange]

    /// Creates an explicit plan (tests).
    package init(before: [RoleChange] = [], after: [RoleChange] = []) {
        self.before = before
        self.after = after
    }

    /// Computes the plan. `attach`, `detach` and `managed` are resolved ARNs.
    package init(
        current: RolePolicyState, attach: [String], detach: [String], managed: [String]?,
        inline: RolePolicyRequest.Inline, requirements: RoleRequirements
    ) {
        let attached = Set(current.attached)
        var wanted = Set(attach).union(managed ?? [])
        var unwanted = Set(detach)
        if let managed { unwanted.formUnion(current.recorded.subtracting(managed)) }
        wanted.formUnion(requirements.managedPolicies)
        // A setting's policy goes with the setting, unless the user asked for it.
        let userKept = current.recorded.union(attach).union(managed ?? []).subtracting(detach)
        for policy in requirements.settingPolicies where !requirements.managedPolicies.contains(policy) && !userKept.contains(policy) {
            unwanted.insert(policy)
        }
        wanted.subtract(detach)
        unwanted.subtract(wanted)
        var before: [RoleChange] = wanted.subtracting(attached).sorted().map { .attach($0) }
        var after: [RoleChange] = unwanted.intersection(attached).sorted().map { .detach($0) }
        // Record what the user asked for that lambdactl attaches now, or a setting's policy.
        let userWanted = Set(attach).union(managed ?? []).subtracting(detach)
        let newlyRecorded = userWanted.filter { !attached.contains($0) || requirements.settingPolicies.contains($0) }
            .subtracting(current.recorded)
        if !newlyRecorded.isEmpty { before.append(.record(newlyRecorded.sorted())) }
        let forgotten = current.recorded.intersection(unwanted)
        if !forgotten.isEmpty { after.append(.forget(forgotten.sorted())) }
        Self.plan(
            inline: inline, name: RolePolicyRequest.inlinePolicyName, current: current.inline, before: &before, after: &after)
        if requirements.destinationsKnown {
            let document: RolePolicyRequest.Inline = requirements.destinationsDocument.map { .set($0) } ?? .remove
            Self.plan(
                inline: document, name: RoleRequirements.destinationsPolicyName, current: current.inline, before: &before,
                after: &after)
        }
        self.before = before
        self.after = after
    }

    static func plan(
        inline: RolePolicyRequest.Inline, name: String, current: [String: String], before: inout [RoleChange],
        after: inout [RoleChange]
    ) {
        switch inline {
        case .leave: break
        case .remove: if current[name] != nil { after.append(.deleteInline(name)) }
        case .set(let document):
            if let existing = current[name], PolicyDocument.sameMeaning(existing, document) { break }
            before.append(.putInline(name: name, document: document))
        }
    }

    /// True when nothing would be written.
    package var isEmpty: Bool { before.isEmpty && after.isEmpty }

    /// The visible changes, one line each, in order.
    package var lines: [String] { (before + after).filter(\.isVisible).map(\.description) }
}
