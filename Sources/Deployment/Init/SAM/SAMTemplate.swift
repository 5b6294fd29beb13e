import Foundation
import Yams

/// A SAM template as composed YAML nodes (tags such as `!Ref` and line marks kept): its
/// parameters, resources and globals, with helpers to read them (pure).
struct SAMTemplate {
    /// One `Parameters:` entry.
    struct Parameter {
        /// Its name (what `!Ref` names).
        var name: String
        /// `Type:` (`String`, `Number`, `CommaDelimitedList`, `List<AWS::EC2::Subnet::Id>`, …).
        var type: String
        /// `Default:` as text, nil when there is none.
        var defaultText: String?
        /// True for the list types, whose `!Ref` is a list.
        var isList: Bool { type.hasPrefix("List<") || type == "CommaDelimitedList" }
    }

    /// One `Resources:` entry.
    struct Resource {
        /// The logical id.
        var id: String
        /// `Type:` (`AWS::Serverless::Function`, …).
        var type: String
        /// `Properties:` (empty when absent).
        var properties: Node.Mapping
        /// The whole entry's mapping (`Type`, `Properties`, `Metadata`, `Condition`, …).
        var entry: Node.Mapping
        /// The line of its logical id.
        var line: Int?
    }

    /// The template's file name, for messages.
    var file: String
    /// The top-level mapping.
    var root: Node.Mapping
    /// `Parameters:` by name.
    var parameters: [String: Parameter] = [:]
    /// `Resources:` in template order.
    var resources: [Resource] = []
    /// `Globals.Function`, when given.
    var functionGlobals: Node.Mapping?

    /// The transform every SAM template names.
    static let transform = "AWS::Serverless-2016-10-31"

    /// Composes `text` and checks that it is a SAM template; a one-line error naming `file:line` otherwise.
    init(text: String, file: String) throws {
        self.file = file
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SAMTemplateError(DeployConfigParser.describe(error, path: file))
        }
        guard let composed else { throw SAMTemplateError("\(file) is empty; give a SAM template (Transform: \(Self.transform))") }
        guard let root = composed.mapping else {
            throw SAMTemplateError("\(file):\(composed.mark?.line ?? 1): not a SAM template: the top should be a mapping with Resources:")
        }
        self.root = root
        let transforms = Self.texts(root["Transform"])
        guard let resourcesNode = root["Resources"], let resources = resourcesNode.mapping else {
            throw SAMTemplateError("\(file): not a SAM template: it has no Resources: section")
        }
        for (key, value) in resources {
            guard let entry = value.mapping else { continue }
            self.resources.append(
                Resource(
                    id: key.string ?? "", type: entry["Type"]?.string ?? "", properties: entry["Properties"]?.mapping ?? Node.Mapping([]),
                    entry: entry, line: key.mark?.line))
        }
        let serverless = self.resources.contains { $0.type.hasPrefix("AWS::Serverless::") }
        guard transforms.contains(Self.transform) || serverless else {
            throw SAMTemplateError(
                "\(file): not a SAM template: no Transform: \(Self.transform) and no AWS::Serverless::* resource")
        }
        for (key, value) in root["Parameters"]?.mapping ?? Node.Mapping([]) {
            guard let name = key.string else { continue }
            let fields = value.mapping
            parameters[name] = Parameter(
                name: name, type: fields?["Type"]?.string ?? "String", defaultText: fields?["Default"].flatMap(Self.plainText))
        }
        functionGlobals = root["Globals"]?.mapping?["Function"]?.mapping
    }

    /// The resource of logical id `id`.
    func resource(_ id: String) -> Resource? { resources.first { $0.id == id } }

    /// The resources of one type, in template order.
    func resources(of type: String) -> [Resource] { resources.filter { $0.type == type } }

    /// A scalar's text, or the texts of a list of scalars (`Transform` may be either).
    static func texts(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let text = node.scalar?.string { return [text] }
        return node.sequence?.compactMap { $0.scalar?.string } ?? []
    }

    /// The text of an untagged scalar (a number or text), nil for anything else.
    static func plainText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, !isIntrinsic(node) else {
            if let list = node.sequence, list.allSatisfy({ $0.scalar != nil && !isIntrinsic($0) }) {
                return list.compactMap { $0.scalar?.string }.joined(separator: ",")
            }
            return nil
        }
        return scalar.string
    }

    /// The short-form tag of a node (`Ref` for `!Ref`), nil for an untagged one.
    static func shortTag(_ node: Node) -> String? {
        let raw = node.tag.description
        guard raw.hasPrefix("!"), !raw.hasPrefix("!!") else { return nil }
        return String(raw.dropFirst())
    }

    /// True for `!Ref …`, `!Sub …` and the other short forms, and for `{Ref: …}` / `{Fn::…: …}`.
    static func isIntrinsic(_ node: Node) -> Bool {
        if shortTag(node) != nil { return true }
        guard let mapping = node.mapping, mapping.count == 1, let key = mapping.first?.key.string else { return false }
        return key == "Ref" || key.hasPrefix("Fn::") || key == "Condition"
    }

    /// The intrinsic function a node calls and its argument: `(Ref, X)` for `!Ref X` and `{Ref: X}`,
    /// `(Sub, …)` for `!Sub`/`Fn::Sub`, `(If, …)`; nil for a plain node.
    static func intrinsic(_ node: Node) -> (name: String, argument: Node)? {
        if let tag = shortTag(node) {
            // The argument is the node without its tag.
            let untagged: Node
            switch node {
            case .scalar(let s): untagged = .scalar(Node.Scalar(s.string, Tag(.implicit), s.style, s.mark))
            case .sequence(let s): untagged = .sequence(Node.Sequence(Array(s), Tag(.implicit), s.style, s.mark))
            case .mapping(let m): untagged = .mapping(Node.Mapping(Array(m), Tag(.implicit), m.style, m.mark))
            case .alias: return nil
            }
            return (tag, untagged)
        }
        guard let mapping = node.mapping, mapping.count == 1, let pair = mapping.first, let key = pair.key.string else { return nil }
        if key == "Ref" { return ("Ref", pair.value) }
        if key.hasPrefix("Fn::") { return (String(key.dropFirst(4)), pair.value) }
        return nil
    }

    /// The line of `node`.
    static func line(_ node: Node?) -> Int? { node?.mark?.line }

    /// The key node and value of `key` in `mapping`.
    static func pair(_ mapping: Node.Mapping?, _ key: String) -> (key: Node, value: Node)? {
        guard let mapping else { return nil }
        return mapping.first { $0.key.string == key }.map { ($0.key, $0.value) }
    }
}
