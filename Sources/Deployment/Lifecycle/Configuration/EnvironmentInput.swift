import AWSCore
import Foundation

/// Parses environment assignments (`K=V`) and env-file contents (pure).
package enum EnvironmentInput {
    /// `["A=1", "B=x=y"]` → `["A": "1", "B": "x=y"]`; later values win.
    package static func parse(assignments: [String]) throws -> [String: String] {
        var variables: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw LifecycleError(.wrongShape(.environment, value: assignment, shape: "KEY=VALUE", example: "LOG_LEVEL=debug"))
            }
            variables[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return variables
    }

    /// A dotenv-style file: `KEY=VALUE` lines, `#` comments and blank lines ignored, an optional
    /// `export ` prefix, and values optionally in single or double quotes.
    package static func parse(file text: String, path: String) throws -> [String: String] {
        var variables: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw LifecycleError.usage("\(path):\(index + 1): expected KEY=VALUE")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            variables[key] = value
        }
        return variables
    }

    /// Tag assignments (`K=V`).
    package static func parse(tags: [String]) throws -> [String: String] {
        do {
            return try parse(assignments: tags)
        } catch {
            throw LifecycleError(.wrongShape(.tag, value: nil, shape: "KEY=VALUE", example: "team=payments"))
        }
    }

    /// Reads an env file through `files` (the only I/O here).
    package static func load(file path: String, files: any FileSystemView) throws -> [String: String] {
        guard let data = files.contents(at: path) else {
            throw LifecycleError(.unreadableNamedFile(.environmentFile, path: path))
        }
        return try parse(file: String(decoding: data, as: UTF8.self), path: path)
    }
}
