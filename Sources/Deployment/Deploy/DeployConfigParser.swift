import AWSCore
import Foundation
import Yams

/// A deploy configuration problem, named by file (and line when YAML gives one).
package struct DeployConfigError: HintedError, CustomStringConvertible, Equatable {
    /// `.usage` for a wrong config, `.localInput` for a file that cannot be read.
    package var category: ErrorCategory
    /// The one line printed after `lambdactl: error:` (before the hint, if any).
    package var message: String
    /// What to do about it, when it names a command (the CLI words it).
    package var hint: Hint?
    /// What joins message and hint.
    package var hintSeparator: String

    /// Creates an error.
    package init(_ message: String, category: ErrorCategory = .usage, hint: Hint? = nil, separator: String = "; ") {
        self.category = category
        self.message = message
        self.hint = hint
        self.hintSeparator = separator
    }

    package var facts: String { message }
    package var description: String { message(PlainHintWording()) }
}

/// Overrides of config values given beside the file (the CLI's `--set key.path=value`).
package struct ConfigOverrides: Sendable, Equatable {
    /// How the user names one override in a sentence (the CLI's `--set`).
    package var option: String
    /// `key.path=value` assignments, applied in order.
    package var assignments: [String]

    /// Creates the overrides.
    package init(option: String, _ assignments: [String]) {
        self.option = option
        self.assignments = assignments
    }

    /// No overrides.
    package static let none = ConfigOverrides(option: "", [])
}

/// Parses a deploy configuration (pure): YAML text → unknown-key check → `--set` overrides →
/// `${VAR}` expansion → `DeployConfig`, with `code` and `env_file` made absolute against the
/// config file's directory.
package struct DeployConfigParser: Sendable {
    /// The config file's path, for messages and relative paths.
    package var path: String
    /// The variables `${VAR}` may name (the process environment, injected).
    package var environment: [String: String]
    /// `--set key.path=value` overrides, applied in order.
    package var overrides: ConfigOverrides

    /// Creates a parser.
    package init(path: String, environment: [String: String], overrides: ConfigOverrides = .none) {
        self.path = path
        self.environment = environment
        self.overrides = overrides
    }

    /// Parses `text` in the single-function form (an app file is refused: use `parseFile`).
    package func parse(_ text: String) throws -> DeployConfig {
        switch try parseFile(text) {
        case .function(let config): return config
        case .app: throw DeployConfigError("\(path) is an app file (it has app: at the top); only the deploy of an app reads it")
        }
    }

    /// Parses `text` in either form: the single-function form (`function:` at the top) or the
    /// app form (`app:` at the top, with `functions:`).
    package func parseFile(_ text: String) throws -> DeployFile {
        let root = try compose(text)
        if root.mapping?["app"] != nil { return .app(try parseApp(root)) }
        try checkKeys(root, at: [], rule: DeployConfigSchema.rule(at:))
        var sources = ConfigSources(file: path)
        sources.record(root)
        var node = root
        for override in overrides.assignments {
            node = try apply(override, to: node, rule: DeployConfigSchema.rule(at:))
            if let equals = override.firstIndex(of: "=") {
                sources.override(String(override[..<equals]), text: "\(overrides.option) \(override)")
            }
        }
        node = try expand(node)
        // A --set of the triggers has no line in the file: its refusals name the override.
        let triggerOverride = overrides.assignments.last { $0.hasPrefix("function.triggers") }
        var config = try decode(node, sources: sources, triggerOverride: triggerOverride.map { "\(option) \($0)" })
        for index in config.layers.indices {
            config.layers[index].code = Self.resolve(config.layers[index].code, against: baseDirectory)
        }
        return .function(config)
    }

    /// The YAML text composed into nodes (with their line marks).
    func compose(_ text: String) throws -> Node {
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw DeployConfigError("\(path) is empty; see Config/lambdactl.example.yml")
            }
            return composed
        } catch let error as YamlError {
            throw DeployConfigError(Self.describe(error, path: path))
        }
    }

    /// The single-function configuration `node` (overrides applied, variables expanded)
    /// describes, with `code` and `env_file` made absolute.
    func decode(_ node: Node, sources: ConfigSources, triggerOverride: String?) throws -> DeployConfig {
        let triggers = try TriggerConfigParser(path: path, override: triggerOverride).entries(in: node)
        let alarms = try AlarmConfigParser(path: path).entries(in: node)
        var config: DeployConfig
        do {
            config = try YAMLDecoder().decode(DeployConfig.self, from: node)
        } catch let error as DecodingError {
            let location = sources.location(of: Self.keyPath(of: error), fallback: path)
            throw DeployConfigError("\(location): \(Self.describe(error))")
        }
        config.sources = sources
        config.triggers = triggers
        config.alarms = alarms
        config.function.code = Self.resolve(config.function.code, against: baseDirectory)
        config.function.envFile = config.function.envFile.map { Self.resolve($0, against: baseDirectory) }
        return config
    }

    /// The config file's directory, against which relative paths resolve.
    var baseDirectory: URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

    // MARK: Unknown keys

    /// Rejects keys the schema (`rule`) does not know, naming the key, the file and the line.
    func checkKeys(_ node: Node, at keyPath: [String], rule: (_ keyPath: [String]) -> KeyRule) throws {
        switch node {
        case .mapping(let mapping):
            let allowed: [String]?
            switch rule(keyPath) {
            case .free: return
            case .anyKey: allowed = nil
            case .keys(let keys): allowed = keys
            }
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                if let allowed, !allowed.contains(name) {
                    let section = keyPath.isEmpty ? "at the top level" : "in \(keyPath.filter { $0 != "[]" }.joined(separator: "."))"
                    throw DeployConfigError(
                        "\(location(key)): unknown key \"\(name)\" \(section); expected one of: \(allowed.joined(separator: ", "))")
                }
                try checkKeys(value, at: keyPath + [name], rule: rule)
            }
        case .sequence(let sequence):
            for element in sequence { try checkKeys(element, at: keyPath + ["[]"], rule: rule) }
        default:
            return
        }
    }

    /// `FILE:LINE` (or just `FILE`).
    func location(_ node: Node) -> String {
        guard let mark = node.mark else { return path }
        return "\(path):\(mark.line)"
    }

    // MARK: --set

    /// Applies `a.b.c=value`: the value is read as YAML (`512`, `true`, `[a, b]`, text).
    func apply(_ override: String, to root: Node, rule: (_ keyPath: [String]) -> KeyRule) throws -> Node {
        guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
            throw DeployConfigError(
                "\(option) takes KEY.PATH=VALUE, not \"\(override)\"; e.g. \(option) function.memory=512")
        }
        let keyPath = override[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valueText = String(override[override.index(after: equals)...])
        if let index = keyPath.first(where: { !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            throw DeployConfigError(
                "\(option) \(override): \"\(index)\" addresses a list element, which \(option) cannot change; "
                    + "set the whole list, e.g. \(option) 'function.layers=[arn1, arn2]'")
        }
        checking: for depth in keyPath.indices {
            switch rule(Array(keyPath[..<depth])) {
            case .free: break checking
            case .anyKey: continue
            case .keys(let allowed) where !allowed.contains(keyPath[depth]):
                throw DeployConfigError(
                    "\(option) \(override): unknown key \"\(keyPath[depth])\"; expected one of: \(allowed.joined(separator: ", "))")
            case .keys: continue
            }
        }
        // An unset ${VAR} in an override is reported against --set, not a line of the file.
        _ = try Self.interpolate(valueText, environment: environment, at: "\(option) \(override)")
        let value: Node
        do {
            value = try Yams.compose(yaml: valueText) ?? Node("")
        } catch {
            value = Node(valueText)
        }
        return try Self.set(value, at: keyPath[...], in: root, override: "\(option) \(override)", option: option)
    }

    /// How the user names an override (`--set`).
    var option: String { overrides.option }

    static func set(_ value: Node, at keyPath: ArraySlice<String>, in node: Node, override: String, option: String) throws
        -> Node
    {
        guard let key = keyPath.first else { return value }
        if case .sequence = node {
            throw DeployConfigError(
                "\(override): \"\(key)\" is inside a list, and \(option) cannot change one element; "
                    + "set the whole list, e.g. \(option) 'function.layers=[arn1, arn2]'")
        }
        guard case .mapping(var mapping) = node else {
            throw DeployConfigError("\(override): \"\(key)\" is inside a value that is not a mapping")
        }
        let child = mapping[key] ?? .mapping(Node.Mapping([]))
        mapping[key] = try set(value, at: keyPath.dropFirst(), in: child, override: override, option: option)
        return .mapping(mapping)
    }

    // MARK: ${VAR}

    /// Expands `${VAR}` in every scalar; `$${` stays a literal `${`.
    func expand(_ node: Node) throws -> Node {
        switch node {
        case .scalar(let scalar):
            guard scalar.string.contains("${") else { return node }
            let expanded = try Self.interpolate(scalar.string, environment: environment, at: location(node))
            return .scalar(Node.Scalar(expanded, Tag(.implicit), scalar.style, scalar.mark))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(try mapping.map { ($0.key, try expand($0.value)) }, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(try sequence.map(expand), sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// Replaces each `${NAME}` in `text` with its value; a missing variable is an error naming it (pure).
    package static func interpolate(_ text: String, environment: [String: String], at location: String) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex, rest[rest.index(before: start.lowerBound)] == "$" {
                result += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw DeployConfigError("\(location): unterminated ${ in \"\(text)\"; write ${NAME}")
            }
            let reference = String(rest[start.upperBound..<end])
            // `${NAME:-default}`: the default when NAME is unset or empty (as in the shell).
            let parts = reference.components(separatedBy: ":-")
            let name = parts[0]
            let fallback = parts.count > 1 ? parts.dropFirst().joined(separator: ":-") : nil
            let value: String
            if let set = environment[name], !(set.isEmpty && fallback != nil) {
                value = set
            } else if let fallback {
                value = fallback
            } else {
                throw DeployConfigError(
                    "\(location): environment variable \(name) is not set (referenced as ${\(name)}); "
                        + "export it, give a default as ${\(name):-value}, or remove the reference")
            }
            result += rest[..<start.lowerBound] + value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    // MARK: Helpers

    static func resolve(_ relative: String, against base: URL) -> String {
        if relative.hasPrefix("/") { return relative }
        return base.appendingPathComponent(relative).standardizedFileURL.path
    }

    /// The dotted key path (`function.memory`, `routes.routes[0]`) of a coding path.
    static func keyPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    /// The key path a decoding error is about (its parent for a missing key).
    static func keyPath(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            keyPath(context.codingPath)
        @unknown default:
            ""
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func keyPath(_ context: DecodingError.Context) -> String { Self.keyPath(context.codingPath) }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = keyPath(context)
            return "missing key \"\(key.stringValue)\"" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            if context.codingPath.isEmpty {
                return "the file should be a mapping with function: at the top; see Config/lambdactl.example.yml"
            }
            return "\(keyPath(context)) should be \(Self.typeName(type))"
        case .dataCorrupted(let context):
            return "\(keyPath(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// A YAML syntax error as `FILE:LINE:COLUMN: not valid YAML: problem (while …)`, without
    /// the quoted source and caret Yams adds.
    static func describe(_ error: YamlError, path: String) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) that starts at line \($0.mark.line))" } ?? ""
            return "\(path):\(mark.line):\(mark.column): not valid YAML: \(problem)\(during)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "\(path):\(context.mark.line): not valid YAML: key \(duplicates.joined(separator: ", ")) is given twice"
        default:
            return "\(path): not valid YAML: \(ErrorTextFolding.oneLine(String(describing: error)))"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        case is Node.Scalar.Type: "a single value, not a list or a mapping"
        case is Node.Sequence.Type: "a list, e.g. [a, b]"
        case is Node.Mapping.Type: "a mapping"
        default: String(describing: type).contains("Array") ? "a list" : "a mapping"
        }
    }
}

/// Folds multi-line text onto one line.
enum ErrorTextFolding {
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension DeployConfigParser {
    /// Reads and parses the config file at `path` in the single-function form.
    package static func load(
        _ path: String, environment: [String: String], overrides: ConfigOverrides = .none, files: any FileSystemView
    ) throws -> DeployConfig {
        let text = try read(path, files: files)
        return try DeployConfigParser(path: path, environment: environment, overrides: overrides).parse(text)
    }

    /// Reads and parses the deploy file at `path`, in either form.
    package static func loadFile(
        _ path: String, environment: [String: String], overrides: ConfigOverrides = .none, files: any FileSystemView
    ) throws -> DeployFile {
        let text = try read(path, files: files)
        return try DeployConfigParser(path: path, environment: environment, overrides: overrides).parseFile(text)
    }

    /// The text of the file at `path` (the only file access here).
    static func read(_ path: String, files: any FileSystemView) throws -> String {
        guard let kind = files.kind(at: path) else {
            throw DeployConfigError("\(path) not found", category: .localInput, hint: .giveConfigFile)
        }
        if kind == .directory {
            throw DeployConfigError("\(path) is a directory", category: .localInput, hint: .giveConfigInDirectory(path))
        }
        guard let data = files.contents(at: path) else {
            throw DeployConfigError("cannot read \(path); check its permissions", category: .localInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DeployConfigError("\(path) is not UTF-8 text; save it as UTF-8", category: .localInput)
        }
        return text
    }
}
