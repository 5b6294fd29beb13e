import Foundation
import Yams

/// The app form (`app:` at the top), read from the composed YAML: unknown keys refused,
/// `--set` applied (`functions.users.memory=512`, `defaults.timeout=30`), `${VAR}` expanded,
/// then each function becomes a single-function configuration — the defaults merged under it
/// (maps key by key, the function winning; any other value, lists included, replaced), its
/// name suffixed with the stage — decoded and checked by the single-function code.
extension DeployConfigParser {
    /// Parses the app file whose composed root is `root`.
    func parseApp(_ root: Node) throws -> AppConfig {
        try checkKeys(root, at: [], rule: AppSchema.rule(at:))
        var sources = ConfigSources(file: path)
        sources.record(root)
        var node = root
        for override in overrides.assignments {
            node = try apply(override, to: node, rule: AppSchema.rule(at:))
            if let equals = override.firstIndex(of: "=") {
                sources.override(String(override[..<equals]), text: "\(overrides.option) \(override)")
            }
        }
        node = try expand(node)
        guard let top = node.mapping else { throw DeployConfigError("\(path): the file should be a mapping with app: at the top") }
        let ownership = try readOwnership(top, sources: sources)
        let layers = try readLayers(top, ownership: ownership)
        let layerNames = Dictionary(uniqueKeysWithValues: layers.map { ($0.file, $0.spec.name) })
        guard let functionsNode = top["functions"], let functions = functionsNode.mapping, !functions.isEmpty else {
            throw DeployConfigError(
                "\(location(top["functions"] ?? node)): an app file needs functions:, a mapping of function keys to their "
                    + "settings, e.g. functions: {users: {handler: users.handler, code: src/users}}")
        }
        let defaults = try mapping(top["defaults"], named: "defaults") ?? Node.Mapping([])
        var parsed: [AppFunction] = []
        for (keyNode, value) in functions {
            let key = keyNode.string ?? ""
            guard DeployValidation.isName(key, maxLength: 64) else {
                throw DeployConfigError("\(location(keyNode)): function key \"\(key)\" must be letters, digits, - or _")
            }
            guard let own = value.mapping else {
                throw DeployConfigError("\(location(keyNode)): functions.\(key) should be a mapping of its settings, e.g. {handler: app.handler}")
            }
            parsed.append(
                try function(
                    key, keyNode: keyNode, own: own, defaults: defaults, top: top, ownership: ownership,
                    layerNames: layerNames, sources: sources))
        }
        let names = parsed.map(\.name)
        if let duplicate = names.indices.first(where: { names[..<$0].contains(names[$0]) }) {
            throw DeployConfigError(
                "\(location(of: "functions.\(parsed[duplicate].key)", in: sources)): two functions are named \(names[duplicate]); "
                    + "give one of them another name:")
        }
        let apis = try readAPIs(top, ownership: ownership, functionKeys: parsed.map(\.key), sources: sources)
        let single = try decodeTopLevel(top, sources: sources)
        return AppConfig(
            file: path, ownership: ownership, layers: layers.map(\.spec), layerNames: layerNames, functions: parsed,
            apis: apis, waitTimeoutSeconds: single.waitTimeoutSeconds, include: single.include ?? [], sources: sources)
    }

    // MARK: Top level

    /// `app:` and `stage:`.
    func readOwnership(_ top: Node.Mapping, sources: ConfigSources) throws -> AppOwnership {
        guard let appNode = top["app"], let app = appNode.scalar?.string, DeployValidation.isName(app, maxLength: 64) else {
            throw DeployConfigError(
                "\(location(of: "app", in: sources)): app should name the app in letters, digits, - or _ (up to 64), e.g. app: shop")
        }
        var stage: String?
        if let stageNode = top["stage"], !isNull(stageNode) {
            guard let text = stageNode.scalar?.string, text.isEmpty || DeployValidation.isName(text, maxLength: 32) else {
                throw DeployConfigError(
                    "\(location(of: "stage", in: sources)): stage should be letters, digits, - or _ (up to 32), e.g. stage: dev")
            }
            stage = text.isEmpty ? nil : text
        }
        return AppOwnership(app: app, stage: stage)
    }

    /// `publish`, `alias`, `wait_timeout` and `include` (each function's configuration reads
    /// them again, so a wrong value is refused with its line there).
    func decodeTopLevel(_ top: Node.Mapping, sources: ConfigSources) throws -> AppTopLevel {
        let pairs = top.filter { AppTopLevel.CodingKeys(stringValue: $0.key.string ?? "") != nil }
        do {
            return try YAMLDecoder().decode(AppTopLevel.self, from: .mapping(Node.Mapping(pairs)))
        } catch let error as DecodingError {
            throw DeployConfigError("\(location(of: Self.keyPath(of: error), in: sources)): \(Self.describe(error))")
        }
    }

    /// `layers:`, each named as deployed.
    func readLayers(_ top: Node.Mapping, ownership: AppOwnership) throws -> [(file: String, spec: LayerSpec)] {
        guard let node = top["layers"], !isNull(node) else { return [] }
        guard node.sequence != nil else {
            throw DeployConfigError("\(location(node)): layers should be a list, e.g. [{name: deps, code: build/deps}]")
        }
        let specs: [LayerSpec]
        do {
            specs = try YAMLDecoder().decode([LayerSpec].self, from: node)
        } catch let error as DecodingError {
            throw DeployConfigError("\(location(node)): layers\(Self.keyPath(of: error).isEmpty ? "" : "."): \(Self.describe(error))")
        }
        var result: [(file: String, spec: LayerSpec)] = []
        for (index, var spec) in specs.enumerated() {
            let element = node.sequence?[index] ?? node
            guard DeployValidation.isName(spec.name, maxLength: 140) else {
                throw DeployConfigError("\(location(element)): layers: name \"\(spec.name)\" must be letters, digits, - or _")
            }
            if result.contains(where: { $0.file == spec.name }) {
                throw DeployConfigError("\(location(element)): layers: each layer name may appear only once")
            }
            let file = spec.name
            spec.name = ownership.suffixed(file)
            spec.code = Self.resolve(spec.code, against: baseDirectory)
            result.append((file, spec))
        }
        return result
    }

    // MARK: Functions

    /// One function: the defaults merged under its own keys, as a single-function configuration.
    func function(
        _ key: String, keyNode: Node, own: Node.Mapping, defaults: Node.Mapping, top: Node.Mapping,
        ownership: AppOwnership, layerNames: [String: String], sources: ConfigSources
    ) throws -> AppFunction {
        var merged = Self.merge(defaults, own)
        let given = own["name"]?.scalar?.string ?? key
        let name = ownership.suffixed(given)
        let nameKey = own.first { $0.key.string == "name" }?.key ?? keyNode
        merged = Node.Mapping(
            [(Self.scalar("name", at: nameKey), Self.scalar(name, at: nameKey))]
                + merged.filter { $0.key.string != "name" })
        let references = try layerReferences(merged["layers"], function: key, layerNames: layerNames)
        var pairs = top.filter { ["publish", "alias", "rollout", "wait_timeout", "include"].contains($0.key.string ?? "") }
        pairs.append((Self.scalar("function", at: keyNode), .mapping(merged)))
        var functionSources = ConfigSources(file: path)
        functionSources.record(.mapping(Node.Mapping(pairs)))
        for override in sources.overrides {
            if let keyPath = AppSchema.functionKeyPath(override.keyPath, functionKey: key) {
                functionSources.override(keyPath, text: override.text)
            }
        }
        let triggerOverride = sources.overrides.last {
            ["function.triggers", "function"].contains(AppSchema.functionKeyPath($0.keyPath, functionKey: key) ?? "")
        }
        var config = try decode(.mapping(Node.Mapping(pairs)), sources: functionSources, triggerOverride: triggerOverride?.text)
        config.ownership = ownership
        // Mappings can carry tags: those the app makes carry its ownership.
        config.triggers = config.triggers?.map { entry in
            guard case .mapping(var mapping) = entry.spec else { return entry }
            mapping.tags = ownership.tags
            var tagged = entry
            tagged.spec = .mapping(mapping)
            return tagged
        }
        return AppFunction(key: key, config: config, layerReferences: references)
    }

    /// Merges a function's keys over the defaults: `environment` and `tags` key by key (the
    /// function winning; its `null` removes them all); any other key replaced (pure).
    static func merge(_ defaults: Node.Mapping, _ own: Node.Mapping) -> Node.Mapping {
        var pairs = Array(defaults.map { ($0.key, $0.value) })
        for (key, value) in own {
            let name = key.string ?? ""
            guard let index = pairs.firstIndex(where: { $0.0.string == name }) else {
                pairs.append((key, value))
                continue
            }
            if ["environment", "tags"].contains(name), let base = pairs[index].1.mapping, let over = value.mapping {
                pairs[index] = (key, .mapping(merge(base, over)))
            } else {
                pairs[index] = (key, value)
            }
        }
        return Node.Mapping(pairs)
    }

    /// The file's layer names a function's `layers:` lists; each entry is one of them or an ARN.
    func layerReferences(_ node: Node?, function: String, layerNames: [String: String]) throws -> [String] {
        guard let list = node?.sequence else { return [] }
        var references: [String] = []
        for element in list {
            let text = element.scalar?.string ?? ""
            if text.hasPrefix("arn:") { continue }
            guard layerNames[text] != nil else {
                let known = layerNames.keys.sorted()
                throw DeployConfigError(
                    "\(location(element)): functions.\(function).layers: no layer named \"\(text)\" in this file; "
                        + (known.isEmpty ? "add it under layers: or give a layer version ARN"
                            : "give one of \(known.joined(separator: ", ")) or a layer version ARN"))
            }
            references.append(text)
        }
        return references
    }

    // MARK: APIs

    /// `apis:`: each API's routes, every one naming a function of the file.
    func readAPIs(_ top: Node.Mapping, ownership: AppOwnership, functionKeys: [String], sources: ConfigSources) throws
        -> [AppAPI]
    {
        guard let apis = try mapping(top["apis"], named: "apis") else { return [] }
        var result: [AppAPI] = []
        for (keyNode, value) in apis {
            let key = keyNode.string ?? ""
            guard DeployValidation.isName(key, maxLength: 120) else {
                throw DeployConfigError("\(location(keyNode)): API key \"\(key)\" must be letters, digits, - or _")
            }
            guard let api = value.mapping, let routes = api["routes"]?.mapping, !routes.isEmpty else {
                throw DeployConfigError(
                    "\(location(keyNode)): apis.\(key) needs routes:, a mapping of route keys to function keys, "
                        + "e.g. routes: {\"GET /users\": users}")
            }
            var parsed: [(key: String, function: String)] = []
            for (routeNode, target) in routes {
                let routeKey: RouteKey
                do {
                    routeKey = try RouteKey(routeNode.string ?? "")
                } catch {
                    throw DeployConfigError("\(location(routeNode)): apis.\(key).routes: \(error)")
                }
                guard let function = target.scalar?.string, functionKeys.contains(function) else {
                    throw DeployConfigError(
                        "\(location(target)): apis.\(key).routes \"\(routeKey)\" names \"\(target.scalar?.string ?? "")\", "
                            + "no function of this file; "
                            + "give one of \(functionKeys.joined(separator: ", "))")
                }
                if let other = parsed.first(where: { $0.key == routeKey.text }) {
                    throw DeployConfigError(
                        "\(location(routeNode)): apis.\(key).routes: \(routeKey) is given twice (also → \(other.function)); "
                            + "keep one")
                }
                parsed.append((routeKey.text, function))
            }
            var origins: [String]?
            if let node = api["cors_origins"], !isNull(node) {
                guard let list = node.sequence?.compactMap(\.scalar?.string), list.count == node.sequence?.count else {
                    throw DeployConfigError("\(location(node)): apis.\(key).cors_origins should be a list, e.g. [https://example.com]")
                }
                origins = list
            }
            let stage = api["stage"]?.scalar?.string ?? "$default"
            result.append(
                AppAPI(key: key, name: ownership.suffixed(key), routes: parsed, stage: stage, corsOrigins: origins))
        }
        return result
    }

    // MARK: Helpers

    /// A plain scalar carrying `origin`'s line, so messages about it name that line.
    static func scalar(_ text: String, at origin: Node) -> Node {
        .scalar(Node.Scalar(text, Tag(.implicit), .plain, origin.mark))
    }

    /// `node` as a mapping; nil when absent or null; an error naming `name` when it is something else.
    func mapping(_ node: Node?, named name: String) throws -> Node.Mapping? {
        guard let node, !isNull(node) else { return nil }
        guard let mapping = node.mapping else { throw DeployConfigError("\(location(node)): \(name) should be a mapping") }
        return mapping
    }

    /// True for a plain `null`, `~` or empty value.
    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Where `keyPath` came from.
    func location(of keyPath: String, in sources: ConfigSources) -> String {
        sources.location(of: keyPath, fallback: path)
    }
}

/// The app form's top-level values every function shares.
struct AppTopLevel: Decodable {
    var publish: Bool?
    var alias: String?
    var waitTimeout: String?
    var include: [String]?

    enum CodingKeys: String, CodingKey {
        case publish, alias, include
        case waitTimeout = "wait_timeout"
    }

    /// `wait_timeout` in seconds, as the single-function form reads it.
    var waitTimeoutSeconds: Int? {
        guard let text = waitTimeout else { return 600 }
        guard let duration = DurationSpec.parse(text), duration > .zero else { return nil }
        return DurationSpec.wholeSeconds(duration)
    }
}
