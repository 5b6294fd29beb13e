import Yams

/// Where each value of a deploy configuration came from: a line of the file, or a `--set`
/// (pure). Value errors name it, so `function.memory 64 is outside …` points at
/// `lambdactl.yml:7` or at `--set function.memory=64`.
package struct ConfigSources: Sendable, Equatable {
    /// The config file's path; empty for a configuration built in code.
    package var file: String
    /// Key path (`function.memory`, `routes.routes[1]`, `function.environment.KEY`) → 1-based line.
    package var lines: [String: Int]
    /// The `--set` overrides in the order applied: the key path each one replaced, and its text.
    package var overrides: [Override]

    /// One `--set KEY.PATH=VALUE`.
    package struct Override: Sendable, Equatable {
        /// The key path it replaced, dotted (`function.memory`).
        package var keyPath: String
        /// The override as the user wrote it (`--set function.memory=64`).
        package var text: String
    }

    /// Creates an empty source map (a configuration built in code).
    package init(file: String = "", lines: [String: Int] = [:], overrides: [Override] = []) {
        self.file = file
        self.lines = lines
        self.overrides = overrides
    }

    /// Records the line of every key and list element under `node` (the file as written).
    mutating func record(_ node: Node, at keyPath: String = "") {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
                if let line = key.mark?.line { lines[path] = line }
                record(value, at: path)
            }
        case .sequence(let sequence):
            for (index, element) in sequence.enumerated() {
                let path = "\(keyPath)[\(index)]"
                if let line = element.mark?.line { lines[path] = line }
                record(element, at: path)
            }
        default:
            return
        }
    }

    /// Notes that the override `text` (`--set a.b=1`) replaced `keyPath` (dotted) and everything under it.
    mutating func override(_ keyPath: String, text: String) {
        overrides.append(Override(keyPath: keyPath, text: text))
    }

    /// Where the value at `keyPath` came from: `--set TEXT` when an override covers it (the
    /// last one wins), else `FILE:LINE` of the nearest recorded key, else `fallback`.
    package func location(of keyPath: String, fallback: String) -> String {
        if let override = overrides.last(where: { Self.covers($0.keyPath, keyPath) }) {
            return override.text
        }
        let file = file.isEmpty ? fallback : file
        var path = keyPath
        while !path.isEmpty {
            if let line = lines[path] { return "\(file):\(line)" }
            path = Self.parent(of: path)
        }
        return file
    }

    /// True when `prefix` is `path` or one of its ancestors.
    static func covers(_ prefix: String, _ path: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.first == "." || rest.first == "["
    }

    /// `a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``.
    static func parent(of path: String) -> String {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(path[..<cut])
    }
}
