import Foundation

/// One `[section]` of a shared config or credentials file: its keys (lower-cased) and the nested
/// sub-sections written as `s3 =` followed by indented `key = value` lines.
package struct ConfigSection: Sendable, Equatable {
    /// The section's name (`default`, `dev`, the sso-session or services name).
    package var name: String
    /// Keys (lower-cased) to values.
    package var values: [String: String]
    /// Nested sub-sections by key (lower-cased), e.g. `lambda` → `["endpoint_url": "…"]`.
    package var subsections: [String: [String: String]]

    /// Creates a section.
    package init(name: String, values: [String: String] = [:], subsections: [String: [String: String]] = [:]) {
        self.name = name
        self.values = values
        self.subsections = subsections
    }

    /// The value of `key` (case-insensitive) when set and not empty.
    package subscript(key: String) -> String? {
        guard let value = values[key.lowercased()], !value.isEmpty else { return nil }
        return value
    }

    /// This section with `other`'s keys and sub-sections laid over it.
    func merging(_ other: ConfigSection) -> ConfigSection {
        var merged = self
        merged.values.merge(other.values) { _, new in new }
        merged.subsections.merge(other.subsections) { old, new in old.merging(new) { _, next in next } }
        return merged
    }
}

/// A parsed `~/.aws/config` or `~/.aws/credentials` file. Pure: text in, sections out.
/// See AWS SDKs and Tools Reference Guide, "Shared config and credentials files" → "Format".
package struct AWSConfigFile: Sendable, Equatable {
    /// Profiles by name (`[default]`, `[profile NAME]` in config; `[NAME]` in credentials).
    package var profiles: [String: ConfigSection] = [:]
    /// `[sso-session NAME]` sections.
    package var ssoSessions: [String: ConfigSection] = [:]
    /// `[services NAME]` sections.
    package var services: [String: ConfigSection] = [:]

    /// Parses `text`; `path` names the file in error messages. Throws `ConfigFileError.malformed`.
    package init(parsing text: String, path: String, isCredentialsFile: Bool) throws {
        var parser = Parser(path: path, isCredentialsFile: isCredentialsFile)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try parser.consume(String(rawLine), number: index + 1)
        }
        parser.finish()
        self = parser.file
    }

    /// An empty file.
    package init() {}
}

/// Where a section's keys go while parsing.
private enum SectionTarget {
    case profile(String), ssoSession(String), services(String), ignored
}

/// The line-by-line state machine behind `AWSConfigFile(parsing:)`.
private struct Parser {
    let path: String
    let isCredentialsFile: Bool
    var file = AWSConfigFile()
    var target: SectionTarget?
    var section = ConfigSection(name: "")
    /// The key of the last property, and whether it opened a sub-section (empty value).
    var lastKey: String?
    var lastKeyOpensSubsection = false

    init(path: String, isCredentialsFile: Bool) {
        self.path = path
        self.isCredentialsFile = isCredentialsFile
    }

    mutating func consume(_ rawLine: String, number: Int) throws {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { return }
        if line.hasPrefix("[") {
            try openSection(line, number: number)
            return
        }
        guard let target else {
            throw malformed(number, "a setting before any [section]")
        }
        let indented = rawLine.first == " " || rawLine.first == "\t"
        if indented, let lastKey {
            try consumeNested(line, parent: lastKey, number: number, target: target)
            return
        }
        let (key, value) = try keyValue(line, number: number)
        lastKey = key
        lastKeyOpensSubsection = value.isEmpty
        if case .ignored = target { return }
        section.values[key] = value
    }

    private mutating func consumeNested(_ line: String, parent: String, number: Int, target: SectionTarget) throws {
        if lastKeyOpensSubsection {
            let (key, value) = try keyValue(line, number: number)
            if case .ignored = target { return }
            section.subsections[parent, default: [:]][key] = value
        } else if case .ignored = target {
            return
        } else {
            // A continuation line of a multi-line value.
            let previous = section.values[parent] ?? ""
            section.values[parent] = previous + "\n" + Self.stripComment(line)
        }
    }

    private mutating func openSection(_ line: String, number: Int) throws {
        let header = Self.stripComment(line)
        guard header.hasSuffix("]"), header.count > 2 else {
            throw malformed(number, "a section header must look like [name]")
        }
        let inner = header.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        guard !inner.isEmpty else { throw malformed(number, "empty section name []") }
        finish()
        lastKey = nil
        target = sectionTarget(inner)
        section = ConfigSection(name: Self.sectionName(of: target ?? .ignored))
    }

    private func sectionTarget(_ inner: String) -> SectionTarget {
        if isCredentialsFile { return .profile(inner) }
        if inner == "default" { return .profile("default") }
        let parts = inner.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2 else { return .ignored }
        let name = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0] {
        case "profile": return .profile(name)
        case "sso-session": return .ssoSession(name)
        case "services": return .services(name)
        default: return .ignored
        }
    }

    private static func sectionName(of target: SectionTarget) -> String {
        switch target {
        case .profile(let name), .ssoSession(let name), .services(let name): return name
        case .ignored: return ""
        }
    }

    /// Stores the section being read; a repeated section adds to the earlier one.
    mutating func finish() {
        guard let target else { return }
        switch target {
        case .profile(let name): file.profiles[name] = (file.profiles[name] ?? ConfigSection(name: name)).merging(section)
        case .ssoSession(let name):
            file.ssoSessions[name] = (file.ssoSessions[name] ?? ConfigSection(name: name)).merging(section)
        case .services(let name): file.services[name] = (file.services[name] ?? ConfigSection(name: name)).merging(section)
        case .ignored: break
        }
        self.target = nil
    }

    private func keyValue(_ line: String, number: Int) throws -> (String, String) {
        guard let equals = line.firstIndex(of: "=") else {
            throw malformed(number, #"expected "key = value" or a [section]"#)
        }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { throw malformed(number, #"expected "key = value" but the key is empty"#) }
        let value = Self.stripComment(String(line[line.index(after: equals)...]))
        return (key, value)
    }

    /// Drops an inline comment (` #` or ` ;` after whitespace) and surrounding whitespace.
    static func stripComment(_ text: String) -> String {
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return text[..<index].trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func malformed(_ number: Int, _ reason: String) -> ConfigFileError {
        .malformed(path: path, line: number, reason: reason)
    }
}
