import Foundation

/// One entry of `function.policies`: a managed policy (ARN or name) or an inline statement
/// `{effect: Allow, actions: [...], resources: [...]}`. The inline statements together become
/// the execution role's inline policy `lambdactl-policy`.
package enum PolicyEntry: Sendable, Equatable, Decodable {
    case managed(String)
    case statement(IAMStatement)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case effect, actions, resources
    }

    package init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self = .managed(text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let effect = try container.decode(String.self, forKey: .effect)
        self = .statement(
            IAMStatement(
                effect: effect.prefix(1).uppercased() + effect.dropFirst().lowercased(),
                actions: try Self.list(container, .actions), resources: try Self.list(container, .resources)))
    }

    /// A list of text, or one text.
    static func list(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        if let one = try? container.decode(String.self, forKey: key) { return [one] }
        return try container.decode([String].self, forKey: key)
    }

    /// The role request `policies` makes: nil (absent) leaves the role as it is; a list (empty
    /// for `[]` or `null`) is the whole set of managed policies lambdactl keeps attached and the
    /// inline statements (none: `lambdactl-policy` is deleted).
    package static func request(_ policies: [PolicyEntry]?) -> RolePolicyRequest {
        guard let policies else { return RolePolicyRequest() }
        var managed: [String] = []
        var statements: [IAMStatement] = []
        for entry in policies {
            switch entry {
            case .managed(let reference): managed.append(reference)
            case .statement(let statement): statements.append(statement)
            }
        }
        return RolePolicyRequest(
            managed: managed, inline: statements.isEmpty ? .remove : .set(PolicyDocument.text(statements)))
    }
}

extension KeyedDecodingContainer {
    /// `policies:` absent → nil (leave); `policies: null` → `[]` (remove); else the list.
    /// (Chosen over the generic `decodeIfPresent` by the synthesized decoders.)
    func decodeIfPresent(_ type: [PolicyEntry].Type, forKey key: Key) throws -> [PolicyEntry]? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return [] }
        return try decode(type, forKey: key)
    }
}
