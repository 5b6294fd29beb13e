extension Redactor {
    /// Masks every string value of each `"Variables": { … }` object (Lambda's
    /// `Environment.Variables`), keeping the names. Text that is not JSON passes unchanged.
    static func maskVariables(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let keyRange = rest.range(of: "\"Variables\"") {
            result += rest[..<keyRange.upperBound]
            rest = rest[keyRange.upperBound...]
            guard let open = skip(rest, whitespaceThen: ":").flatMap({ skip(rest[$0...], whitespaceThen: "{") })
            else { continue }
            result += rest[..<open]
            rest = rest[open...]
            maskObjectValues(&rest, into: &result)
        }
        return result + rest
    }

    /// The index just past `character` when only whitespace comes before it, else nil.
    private static func skip(_ text: Substring, whitespaceThen character: Character) -> Substring.Index? {
        guard let index = text.firstIndex(where: { !$0.isWhitespace }), text[index] == character else { return nil }
        return text.index(after: index)
    }

    /// Copies `"name": "value",` pairs from `rest` to `result` with each string value masked,
    /// up to and including the closing `}`; stops early (leaving the rest as is) on anything else.
    private static func maskObjectValues(_ rest: inout Substring, into result: inout String) {
        while true {
            guard let keyStart = rest.firstIndex(where: { !$0.isWhitespace && $0 != "," }) else { return }
            if rest[keyStart] == "}" { return }
            guard rest[keyStart] == "\"" else { return }
            let keyEnd = stringEnd(rest, afterQuote: keyStart)
            guard keyEnd < rest.endIndex, let valueStart = skip(rest[rest.index(after: keyEnd)...], whitespaceThen: ":"),
                let quote = rest[valueStart...].firstIndex(where: { !$0.isWhitespace }), rest[quote] == "\""
            else { return }
            let valueEnd = stringEnd(rest, afterQuote: quote)
            guard valueEnd < rest.endIndex else { return }
            result += rest[...quote] + mask + "\""
            rest = rest[rest.index(after: valueEnd)...]
        }
    }
}
