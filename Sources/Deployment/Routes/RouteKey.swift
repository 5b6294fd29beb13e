import AWSCore
import Foundation

/// An HTTP API route key, validated before any call: `METHOD /path` or `$default`.
///
/// Rules (API Gateway v2 "Working with routes for HTTP APIs"): the method is one of GET, POST,
/// PUT, PATCH, DELETE, HEAD, OPTIONS or ANY (lower case is accepted and upper-cased); the path
/// starts with `/`, has no empty segments and no trailing slash (except `/` itself); a segment is
/// either a literal or a `{param}`; a greedy `{name+}` (e.g. `{proxy+}`) may only be the last.
package struct RouteKey: Sendable, Hashable, CustomStringConvertible {
    /// The methods API Gateway accepts in an HTTP API route key.
    package static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

    /// The key as API Gateway stores it (`GET /items/{id}`, `$default`).
    package let text: String

    /// Parses and validates `text`; throws `RouteKeyError` with a sentence saying what to type.
    package init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "$default" {
            self.text = trimmed
            return
        }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw RouteKeyError(text, "write METHOD /path, e.g. \"GET /items/{id}\", or $default")
        }
        let method = parts[0].uppercased()
        guard Self.methods.contains(method) else {
            throw RouteKeyError(text, "the method must be one of \(Self.methods.joined(separator: ", "))")
        }
        let path = String(parts[1])
        try Self.validate(path: path, key: text)
        self.text = "\(method) \(path)"
    }

    /// True for `$default`.
    package var isDefault: Bool { text == "$default" }

    package var description: String { text }

    /// Checks a route path; `key` is the whole key as typed, for the error.
    static func validate(path: String, key: String) throws {
        guard path.hasPrefix("/") else { throw RouteKeyError(key, "the path must start with /, e.g. /items") }
        if path == "/" { return }
        guard !path.hasSuffix("/") else { throw RouteKeyError(key, "drop the trailing / of the path") }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var names: Set<String> = []
        for (index, segment) in segments.enumerated() {
            guard !segment.isEmpty else { throw RouteKeyError(key, "the path has an empty segment (//)") }
            if segment.hasPrefix("{") || segment.hasSuffix("}") {
                guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 else {
                    throw RouteKeyError(key, "a parameter segment is written {name}, e.g. /items/{id}")
                }
                var name = segment.dropFirst().dropLast()
                if name.hasSuffix("+") {
                    guard index == segments.count - 1 else {
                        throw RouteKeyError(key, "a greedy parameter such as {proxy+} must be the last segment")
                    }
                    name = name.dropLast()
                }
                guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter) else {
                    throw RouteKeyError(key, "parameter names use letters, digits, _ - . only, e.g. {id}")
                }
                guard names.insert(String(name)).inserted else {
                    throw RouteKeyError(key, "the parameter {\(name)} appears twice")
                }
            } else {
                guard segment.allSatisfy(Self.isLiteralCharacter) else {
                    throw RouteKeyError(key, "path segment '\(segment)' has characters a route cannot hold")
                }
            }
        }
    }

    /// Characters allowed in a `{param}` name.
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_-.".contains(character))
    }

    /// Characters allowed in a literal path segment.
    static func isLiteralCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-._~:@!$&'()*,;=%".contains(character))
    }
}

/// A route key that cannot be used. Always a usage error: fix the command line.
package struct RouteKeyError: CategorizedError, CustomStringConvertible {
    /// The key as typed.
    package let key: String
    /// What to type instead.
    package let hint: String

    /// Creates the error.
    package init(_ key: String, _ hint: String) {
        self.key = key
        self.hint = hint
    }

    package var category: ErrorCategory { .usage }
    package var description: String { "invalid route key '\(key)': \(hint)" }
}
