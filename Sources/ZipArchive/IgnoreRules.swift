/// One gitignore-style pattern: `*`, `**`, `?`, `[...]`, a leading `/` (or any inner `/`)
/// anchors it to the root, a trailing `/` matches directories only, `!` re-includes.
package struct IgnorePattern: Sendable, Equatable {
    /// Whether a match re-includes instead of excluding.
    package let negated: Bool
    /// Whether only directories match.
    package let directoryOnly: Bool
    /// Whether the pattern is matched against the whole relative path (else the last component).
    package let anchored: Bool
    private let glob: [UInt8]

    /// Parses one line; nil for blanks and `#` comments.
    package init?(_ line: String) {
        var text = Substring(line)
        while let last = text.last, last == " " || last == "\r" || last == "\t" {
            if text.hasSuffix("\\ ") { break }
            text = text.dropLast()
        }
        if text.isEmpty || text.hasPrefix("#") { return nil }
        var negated = false
        if text.hasPrefix("!") { negated = true; text = text.dropFirst() }
        else if text.hasPrefix("\\!") || text.hasPrefix("\\#") { text = text.dropFirst() }
        var directoryOnly = false
        if text.hasSuffix("/") { directoryOnly = true; text = text.dropLast() }
        let anchored = text.contains("/")
        if text.hasPrefix("/") { text = text.dropFirst() }
        guard !text.isEmpty else { return nil }
        self.negated = negated
        self.directoryOnly = directoryOnly
        self.anchored = anchored
        self.glob = Array(text.utf8)
    }

    /// Whether the pattern matches `path` (relative, `/`-separated, no trailing slash).
    package func matches(_ path: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let bytes = Array(path.utf8)
        if anchored { return Glob.match(glob[...], bytes[...]) }
        let base = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[($0 + 1)...] } ?? bytes[...]
        return Glob.match(glob[...], base)
    }
}

/// An ordered list of patterns; the last one that matches decides.
package struct IgnoreRules: Sendable, Equatable {
    /// Patterns in file order.
    package var patterns: [IgnorePattern]

    /// Rules from lines in `.lambdaignore` / `--exclude` syntax.
    package init(lines: [String]) {
        patterns = lines.compactMap(IgnorePattern.init)
    }

    /// Whether `path` is excluded.
    package func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        for pattern in patterns where pattern.matches(path, isDirectory: isDirectory) {
            ignored = !pattern.negated
        }
        return ignored
    }
}

/// Byte-wise glob matching where `*` and `?` stop at `/` and `**` crosses it.
enum Glob {
    static let slash = UInt8(ascii: "/")

    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        while p < pattern.endIndex {
            let c = pattern[p]
            if c == UInt8(ascii: "*") {
                let double = p + 1 < pattern.endIndex && pattern[p + 1] == UInt8(ascii: "*")
                var rest = p + (double ? 2 : 1)
                if double && rest < pattern.endIndex && pattern[rest] == slash {
                    // `**/` matches zero or more whole directories.
                    rest += 1
                    var i = t
                    while true {
                        if match(pattern[rest...], text[i...]) { return true }
                        guard let next = text[i...].firstIndex(of: slash) else { return false }
                        i = next + 1
                    }
                }
                var i = t
                while true {
                    if match(pattern[rest...], text[i...]) { return true }
                    guard i < text.endIndex, double || text[i] != slash else { return false }
                    i += 1
                }
            }
            guard t < text.endIndex else { return false }
            if c == UInt8(ascii: "?") {
                guard text[t] != slash else { return false }
            } else if c == UInt8(ascii: "[") , let (matched, end) = matchClass(pattern, from: p, byte: text[t]) {
                guard matched, text[t] != slash else { return false }
                p = end
                t += 1
                continue
            } else if c == UInt8(ascii: "\\"), p + 1 < pattern.endIndex {
                p += 1
                guard pattern[p] == text[t] else { return false }
            } else {
                guard c == text[t] else { return false }
            }
            p += 1
            t += 1
        }
        return t == text.endIndex
    }

    /// Matches `[...]` at `start`; returns whether `byte` is in the class and the index after `]`,
    /// or nil when the bracket is not closed (then it is a literal `[`).
    static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.endIndex, pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^") {
            negate = true; i += 1
        }
        var matched = false
        var first = true
        while i < pattern.endIndex {
            let c = pattern[i]
            if c == UInt8(ascii: "]") && !first { return (matched != negate, i + 1) }
            first = false
            if i + 2 < pattern.endIndex, pattern[i + 1] == UInt8(ascii: "-"), pattern[i + 2] != UInt8(ascii: "]") {
                if byte >= c && byte <= pattern[i + 2] { matched = true }
                i += 3
            } else {
                if byte == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
