import Foundation
import Yams

/// A value of the lambdactl.yml being written, in the order it is written (pure).
indirect enum SAMOutput: Equatable {
    /// Text, quoted when YAML would read it as something else.
    case text(String)
    /// A number or `true`/`false`, written plain.
    case plain(String)
    case list([SAMOutput])
    case map(SAMOutputMap)

    /// The YAML node (block style; short lists of plain values in flow style).
    var node: Node {
        switch self {
        case .text(let text):
            let style: Node.Scalar.Style = Self.readsAsOther(text) ? .doubleQuoted : .any
            return .scalar(Node.Scalar(text, Tag(.implicit), style))
        case .plain(let text):
            return .scalar(Node.Scalar(text, Tag(.implicit), .plain))
        case .list(let items):
            let simple = items.allSatisfy { if case .map = $0 { false } else if case .list = $0 { false } else { true } }
            let width = items.reduce(0) { total, item in
                if case .text(let text) = item { return total + text.count + 4 }
                if case .plain(let text) = item { return total + text.count + 2 }
                return total
            }
            let flow = simple && width <= 72
            return .sequence(Node.Sequence(items.map(\.node), Tag(.implicit), flow ? .flow : .block))
        case .map(let map):
            return .mapping(Node.Mapping(map.pairs.map { (Node($0.key), $0.value.node) }, Tag(.implicit), .block))
        }
    }

    /// True when plain YAML would read `text` as a number, a boolean or null.
    static func readsAsOther(_ text: String) -> Bool {
        if text.isEmpty || Int(text) != nil || Double(text) != nil { return true }
        let words = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        return words.contains(text.lowercased())
    }
}

/// An ordered mapping of the output.
struct SAMOutputMap: Equatable {
    var pairs: [(key: String, value: SAMOutput)] = []

    static func == (lhs: SAMOutputMap, rhs: SAMOutputMap) -> Bool {
        lhs.pairs.map(\.key) == rhs.pairs.map(\.key) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Sets `key` (replacing it in place when present); nil does nothing.
    mutating func set(_ key: String, _ value: SAMOutput?) {
        guard let value else { return }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
    }

    subscript(key: String) -> SAMOutput? { pairs.first { $0.key == key }?.value }

    var isEmpty: Bool { pairs.isEmpty }

    /// Removes `key`.
    mutating func remove(_ key: String) { pairs.removeAll { $0.key == key } }
}
