/// A `DecodingError` as a short phrase: where in the answer and what was wrong, e.g.
/// `events[0].timestamp: expected a number`, instead of Swift's multi-line dump. Pure.
package enum DecodingErrorText {
    /// The phrase for `error` (any error; non-decoding errors keep their description).
    package static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .typeMismatch(let type, let context):
            return at(context.codingPath) + "expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return at(context.codingPath) + "missing \(name(of: type))"
        case .keyNotFound(let key, let context):
            return at(context.codingPath + [key]) + "missing"
        case .dataCorrupted(let context):
            let reason = context.debugDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "unreadable"
            return at(context.codingPath) + (context.codingPath.isEmpty ? "not valid JSON (\(reason))" : reason)
        @unknown default:
            return String(describing: decoding)
        }
    }

    /// `events[0].timestamp: ` for a coding path, empty for the top level.
    static func at(_ path: [CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text + ": "
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is Double.Type: return "a number"
        default: return "\(type)"
        }
    }
}
