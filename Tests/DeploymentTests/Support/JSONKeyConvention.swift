import Foundation

/// lambdactl's JSON key convention (README, "JSON output"): every stored property is encoded
/// under its name in camelCase with acronyms written as words (`invokeURL` → `invokeUrl`,
/// `apiID` → `apiId`, `codeSHA256` → `codeSha256`).
enum JSONKeyConvention {
    /// `invokeURL` → `invokeUrl`, `URLPath` → `urlPath`, `apiID` → `apiId`.
    static func key(for name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            let previousIsUpper = index > 0 && characters[index - 1].isUppercase
            let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
            if character.isUppercase, index == 0 || (previousIsUpper && !nextIsLower) {
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The problems with `value`'s JSON: a key that breaks the convention, or a non-nil stored
    /// property missing from the JSON (explicit CodingKeys that forgot it). Empty when all is well.
    static func problems<Value: Encodable>(_ value: Value) throws -> [String] {
        let data = try JSONEncoder().encode(value)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var problems: [String] = []
        for key in object.keys where key != self.key(for: key) { problems.append("key \(key) should be \(self.key(for: key))") }
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let mirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .optional, mirror.children.isEmpty { continue }
            if object[key(for: label)] == nil { problems.append("\(label) is not encoded as \(key(for: label))") }
        }
        return problems
    }
}
