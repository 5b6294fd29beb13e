import Foundation

/// YAML scalars as `init` writes them (pure): plain when YAML reads them back as the same
/// string, else double-quoted with JSON escapes (a JSON string is a YAML double-quoted scalar).
package enum YAMLText {
    /// Words YAML 1.1/1.2 would read as a boolean or null.
    static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    /// `text` as a scalar.
    package static func scalar(_ text: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:$@+=()*?,")
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy(safe.contains)
            && !reserved.contains(text.lowercased()) && Double(text) == nil && Int(text) == nil
            && !"-?:,@*".contains(text.first!) && !text.contains(": ") && !text.hasSuffix(":") && !text.contains(",")
        return plain ? text : quoted(text)
    }

    /// `text` double-quoted.
    package static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }

    /// A flow list of scalars: `[a, b]`.
    package static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    /// A number as YAML writes it (`10`, `0.5`).
    package static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
