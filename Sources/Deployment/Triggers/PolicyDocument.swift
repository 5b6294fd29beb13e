import Foundation

/// An IAM policy document lambdactl keeps statements in: `Version` 2012-10-17 and an ordered
/// list of statements. Statements of the simple shape lambdactl writes (Sid, Effect, Action,
/// Resource) are typed; any other statement is kept as its JSON, untouched. Pure.
package struct PolicyDocument: Sendable, Equatable {
    /// One statement: typed, or foreign JSON kept verbatim (canonical: keys sorted).
    package enum Entry: Sendable, Equatable {
        /// A statement of lambdactl's shape.
        case statement(PolicyDocumentStatement)
        /// Any other statement.
        case other(String)
    }

    /// The statements in order.
    package var entries: [Entry]

    /// Creates a document.
    package init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The typed statements.
    package var statements: [PolicyDocumentStatement] {
        entries.compactMap { if case .statement(let statement) = $0 { statement } else { nil } }
    }

    /// Parses a policy document (as GetRolePolicy returns it, URL-decoded); nil when it is not
    /// an IAM policy document.
    package init?(json text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        let raw: [Any]
        switch object["Statement"] {
        case let list as [Any]: raw = list
        case let single as [String: Any]: raw = [single]
        case nil: raw = []
        default: return nil
        }
        entries = raw.map { item in
            if let dictionary = item as? [String: Any], let statement = PolicyDocumentStatement(dictionary) {
                return .statement(statement)
            }
            let data = (try? JSONSerialization.data(withJSONObject: item, options: [.sortedKeys, .withoutEscapingSlashes]))
            return .other(data.map { String(decoding: $0, as: UTF8.self) } ?? "{}")
        }
    }

    /// The document as JSON: keys sorted, statements in order; the same document always gives
    /// the same text, so comparing texts tells whether a PutRolePolicy would change anything.
    package var jsonText: String {
        let statements: [Any] = entries.map { entry in
            switch entry {
            case .statement(let statement): statement.jsonObject
            case .other(let text): (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? [String: Any]()
            }
        }
        let document: [String: Any] = ["Version": Self.version, "Statement": statements]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces the statement with `statement`'s id in its place, or appends it.
    package mutating func upsert(_ statement: PolicyDocumentStatement) {
        if let index = entries.firstIndex(where: { if case .statement(let s) = $0 { s.sid == statement.sid } else { false } }) {
            entries[index] = .statement(statement)
        } else {
            entries.append(.statement(statement))
        }
    }

    /// Removes the typed statements whose ids are in `sids`.
    package mutating func remove(sids: Set<String>) {
        entries.removeAll { if case .statement(let s) = $0 { sids.contains(s.sid) } else { false } }
    }
}

/// An `Allow` statement of actions on resources, with an id.
package struct PolicyDocumentStatement: Sendable, Equatable {
    /// `Sid` (letters and digits).
    package var sid: String
    /// `Action`.
    package var actions: [String]
    /// `Resource`.
    package var resources: [String]

    /// Creates a statement.
    package init(sid: String, actions: [String], resources: [String]) {
        self.sid = sid
        self.actions = actions
        self.resources = resources
    }

    /// Reads a statement of exactly this shape (`Action`/`Resource` a string or a list).
    init?(_ dictionary: [String: Any]) {
        guard Set(dictionary.keys) == ["Sid", "Effect", "Action", "Resource"], dictionary["Effect"] as? String == "Allow",
            let sid = dictionary["Sid"] as? String, let actions = Self.strings(dictionary["Action"]),
            let resources = Self.strings(dictionary["Resource"])
        else { return nil }
        self.init(sid: sid, actions: actions, resources: resources)
    }

    var jsonObject: [String: Any] {
        ["Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resources.count == 1 ? resources[0] as Any : resources]
    }

    static func strings(_ value: Any?) -> [String]? {
        if let text = value as? String { return [text] }
        return value as? [String]
    }
}
