import Foundation
import Yams

/// Reads `function.triggers:` from the composed YAML (pure): a list whose entries are maps
/// whose first key names the kind and the source (`sqs: orders`) and whose other keys are the
/// options, `_` for `-`. Every refusal names `FILE:LINE`. The key absent is nil (triggers are
/// not touched); `[]` or `null` is an empty list (the function should have no lambdactl-made
/// triggers).
struct TriggerConfigParser {
    /// The config file, for locations.
    var path: String
    /// The `--set` that gave the triggers, when one did: the location of every message then.
    var override: String? = nil

    /// The first key of an entry, by kind.
    static let kindKeys = ["sqs", "kinesis", "dynamodb", "s3", "schedule", "event_pattern", "sns"]
    /// The options each first key takes (besides `qualifier`).
    static let options: [String: [String]] = [
        "sqs": ["batch_size", "batch_window", "max_concurrency", "report_batch_failures", "filters", "disabled"],
        "kinesis": streamOptions, "dynamodb": streamOptions,
        "s3": ["events", "prefix", "suffix"],
        "schedule": ["timezone", "input", "name"],
        "event_pattern": ["event_bus", "name"],
        "sns": ["filter_policy"],
    ]
    static let streamOptions = [
        "starting_position", "batch_size", "batch_window", "parallelization", "bisect_on_error", "max_retries",
        "max_record_age", "on_failure", "report_batch_failures", "filters",
    ]

    /// The entries of the `triggers` value under `function` in `root`; nil when the key is absent.
    func entries(in root: Node) throws -> [TriggerEntry]? {
        guard let function = root.mapping?["function"], let mapping = function.mapping,
            let pair = mapping.first(where: { $0.key.string == "triggers" })
        else { return nil }
        let value = pair.value
        if isNull(value) { return [] }
        guard let list = value.sequence else {
            throw error(value, "function.triggers should be a list, e.g. [{sqs: orders}], or [] for none")
        }
        return try list.map(entry)
    }

    /// One entry.
    func entry(_ node: Node) throws -> TriggerEntry {
        guard let map = node.mapping, let first = map.first else {
            throw error(node, "a trigger should be a mapping whose first key names the source, e.g. - sqs: orders")
        }
        let kindKey = first.key.string ?? ""
        guard Self.kindKeys.contains(kindKey) else {
            let known = Self.kindKeys.contains(where: { k in map.contains { $0.key.string == k } })
            let hint = known ? "; put the source key first" : ""
            throw error(first.key, "a trigger starts with one of \(Self.kindKeys.joined(separator: ", ")), not \"\(kindKey)\"\(hint)")
        }
        var values: [String: Node] = [:]
        let allowed = Self.options[kindKey, default: []] + ["qualifier"]
        for (key, value) in map.dropFirst() {
            let name = key.string ?? "?"
            guard allowed.contains(name) else {
                if Self.kindKeys.contains(name) {
                    throw error(key, "a trigger has one source; \"\(name)\" starts another entry: write it as its own - \(name): …")
                }
                if let other = Self.options.first(where: { $0.value.contains(name) })?.key {
                    throw error(key, "\(name) is an option of \(other) triggers, not of \(kindKey) ones; leave it out")
                }
                throw error(key, "unknown key \"\(name)\" in a \(kindKey) trigger; expected one of: \(allowed.joined(separator: ", "))")
            }
            values[name] = value
        }
        let reader = Reader(parser: self, values: values)
        let spec = try self.spec(kindKey, source: first.value, reader)
        return TriggerEntry(spec: spec, qualifier: try reader.text("qualifier"), location: location(first.key))
    }

    func spec(_ kind: String, source: Node, _ reader: Reader) throws -> TriggerSpec {
        switch kind {
        case "sqs", "kinesis", "dynamodb":
            let options = MappingOptions(
                batchSize: try reader.int("batch_size"), batchWindowSeconds: try reader.seconds("batch_window"),
                maxConcurrency: try reader.int("max_concurrency"), startingPosition: try reader.text("starting_position"),
                parallelization: try reader.int("parallelization"), bisectOnError: try reader.bool("bisect_on_error"),
                maxRetries: try reader.int("max_retries"),
                maxRecordAgeSeconds: try reader.seconds("max_record_age", allowsForever: true),
                onFailure: try reader.text("on_failure"), reportBatchFailures: try reader.bool("report_batch_failures"),
                filters: try reader.jsonList("filters"), disabled: try reader.bool("disabled"))
            let mappingKind = TriggerKind(rawValue: kind) ?? .sqs  // one of the three mapping keys
            return .mapping(MappingTriggerSpec(kind: mappingKind, source: try sourceText(source, kind), options: options))
        case "s3":
            return .s3(
                S3TriggerSpec(
                    bucket: try sourceText(source, kind), events: try reader.textList("events"), prefix: try reader.text("prefix"),
                    suffix: try reader.text("suffix")))
        case "schedule":
            return .schedule(
                ScheduleTriggerSpec(
                    expression: try sourceText(source, kind), timezone: try reader.text("timezone"), input: try reader.json("input"),
                    name: try reader.text("name")))
        case "event_pattern":
            guard let pattern = try json(source, key: "event_pattern", objectOnly: true) else {
                throw error(source, "event_pattern needs a pattern, e.g. event_pattern: {source: [aws.ec2]}")
            }
            return .rule(RuleTriggerSpec(pattern: pattern, bus: try reader.text("event_bus"), name: try reader.text("name")))
        default:
            return .sns(SNSTriggerSpec(topic: try sourceText(source, kind), filterPolicy: try reader.json("filter_policy")))
        }
    }

    /// The source named after the first key, as text.
    func sourceText(_ node: Node, _ kind: String) throws -> String {
        guard let scalar = node.scalar, !isNull(node), !scalar.string.isEmpty else {
            let example = kind == "schedule" ? "schedule: rate(5 minutes)" : "\(kind): NAME"
            throw error(node, "\(kind) needs a source as text, e.g. \(example)")
        }
        return scalar.string
    }

    /// A JSON value given as JSON text or as YAML: the JSON text (keys sorted).
    func json(_ node: Node, key: String, objectOnly: Bool) throws -> String? {
        if isNull(node) { return nil }
        if let scalar = node.scalar {
            let text = scalar.string
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
                !objectOnly || object is [String: Any]
            else {
                throw error(
                    node,
                    "\(key) should be a JSON object or a YAML mapping, e.g. \(key): {source: [aws.ec2]}; \"\(text.prefix(40))\" is not")
            }
            return text
        }
        let data = try JSONSerialization.data(
            withJSONObject: Self.plain(node), options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A YAML node as JSON-ready values: plain scalars typed as YAML types them, quoted ones text.
    static func plain(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            return Dictionary(mapping.map { ($0.key.string ?? "", plain($0.value)) }, uniquingKeysWith: { $1 })
        case .sequence(let sequence):
            return sequence.map(plain)
        case .scalar(let scalar):
            guard scalar.style == .plain else { return scalar.string }
            if node.null != nil { return NSNull() }
            if let bool = node.bool { return bool }
            if let int = node.int { return int }
            if let double = node.float, Double(scalar.string) != nil { return double }
            return scalar.string
        case .alias:
            return NSNull()
        }
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func location(_ node: Node) -> String {
        if let override { return override }
        return node.mark.map { "\(path):\($0.line)" } ?? path
    }

    func error(_ node: Node, _ message: String) -> DeployConfigError {
        DeployConfigError("\(location(node)): \(message)")
    }

    /// Typed reads of an entry's options.
    struct Reader {
        var parser: TriggerConfigParser
        var values: [String: Node]

        func present(_ key: String) -> Node? {
            guard let node = values[key], !parser.isNull(node) else { return nil }
            return node
        }

        func scalar(_ key: String, _ what: String) throws -> (Node, String)? {
            guard let node = present(key) else { return nil }
            guard let scalar = node.scalar else { throw parser.error(node, "\(key) should be \(what)") }
            return (node, scalar.string)
        }

        func text(_ key: String) throws -> String? {
            try scalar(key, "text")?.1
        }

        func int(_ key: String) throws -> Int? {
            guard let (node, text) = try scalar(key, "a whole number") else { return nil }
            guard let value = Int(text) else {
                throw parser.error(node, "\(key) should be a whole number, e.g. \(key): 10, not \(text)")
            }
            return value
        }

        func bool(_ key: String) throws -> Bool? {
            guard let (node, text) = try scalar(key, "true or false") else { return nil }
            guard let value = node.bool else { throw parser.error(node, "\(key) should be true or false, not \(text)") }
            return value
        }

        func seconds(_ key: String, allowsForever: Bool = false) throws -> Int? {
            guard let (node, text) = try scalar(key, "a duration like 5s, 2m or 1h") else { return nil }
            if allowsForever, text.trimmingCharacters(in: .whitespaces) == "-1" { return -1 }
            guard let duration = DurationSpec.parse(text) else {
                let forever = allowsForever ? " (or -1 for forever)" : ""
                throw parser.error(node, "\(key) should be a duration like 5s, 2m or 1h\(forever), not \(text)")
            }
            return DurationSpec.wholeSeconds(duration)
        }

        func textList(_ key: String) throws -> [String] {
            guard let node = present(key) else { return [] }
            if let scalar = node.scalar { return [scalar.string] }
            guard let list = node.sequence else { throw parser.error(node, "\(key) should be a list, e.g. [s3:ObjectCreated:*]") }
            return try list.map { item in
                guard let scalar = item.scalar else { throw parser.error(item, "each of \(key) should be text") }
                return scalar.string
            }
        }

        func json(_ key: String) throws -> String? {
            guard let node = present(key) else { return nil }
            return try parser.json(node, key: key, objectOnly: false)
        }

        func jsonList(_ key: String) throws -> [String] {
            guard let node = present(key) else { return [] }
            guard let list = node.sequence else {
                throw parser.error(
                    node, "\(key) should be a list of JSON objects or mappings, e.g. \(key): ['{\"body\": {\"type\": [\"order\"]}}']")
            }
            return try list.map { try parser.json($0, key: key, objectOnly: true) ?? "{}" }
        }
    }
}
