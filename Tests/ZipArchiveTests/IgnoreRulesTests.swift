import Testing
import ZipArchive

@Suite("Ignore rules")
struct IgnoreRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let patterns: [String]
        let path: String
        let isDirectory: Bool
        let ignored: Bool
        var testDescription: String { "\(patterns) \(path) → \(ignored)" }
    }

    static let cases: [Case] = [
        Case(patterns: ["*.pyc"], path: "a/b/c.pyc", isDirectory: false, ignored: true),
        Case(patterns: ["*.pyc"], path: "a/b/c.py", isDirectory: false, ignored: false),
        Case(patterns: ["/build"], path: "build", isDirectory: true, ignored: true),
        Case(patterns: ["/build"], path: "src/build", isDirectory: true, ignored: false),
        Case(patterns: ["build"], path: "src/build", isDirectory: true, ignored: true),
        Case(patterns: ["logs/"], path: "logs", isDirectory: false, ignored: false),
        Case(patterns: ["logs/"], path: "a/logs", isDirectory: true, ignored: true),
        Case(patterns: ["docs/*.md"], path: "docs/a.md", isDirectory: false, ignored: true),
        Case(patterns: ["docs/*.md"], path: "docs/x/a.md", isDirectory: false, ignored: false),
        Case(patterns: ["docs/**/*.md"], path: "docs/x/y/a.md", isDirectory: false, ignored: true),
        Case(patterns: ["docs/**/*.md"], path: "docs/a.md", isDirectory: false, ignored: true),
        Case(patterns: ["**/test"], path: "a/b/test", isDirectory: true, ignored: true),
        Case(patterns: ["**/test"], path: "test", isDirectory: true, ignored: true),
        Case(patterns: ["vendor/**"], path: "vendor/a/b", isDirectory: false, ignored: true),
        Case(patterns: ["file?.txt"], path: "file1.txt", isDirectory: false, ignored: true),
        Case(patterns: ["file?.txt"], path: "file12.txt", isDirectory: false, ignored: false),
        Case(patterns: ["[abc].js"], path: "b.js", isDirectory: false, ignored: true),
        Case(patterns: ["[!abc].js"], path: "b.js", isDirectory: false, ignored: false),
        Case(patterns: ["[0-9].log"], path: "7.log", isDirectory: false, ignored: true),
        Case(patterns: ["*.log", "!keep.log"], path: "keep.log", isDirectory: false, ignored: false),
        Case(patterns: ["*.log", "!keep.log"], path: "drop.log", isDirectory: false, ignored: true),
        Case(patterns: ["# comment", "", "a"], path: "a", isDirectory: false, ignored: true),
        Case(patterns: ["\\#hash"], path: "#hash", isDirectory: false, ignored: true),
        Case(patterns: ["*"], path: "x/y", isDirectory: false, ignored: true),
    ]

    @Test("gitignore syntax matches like git", arguments: cases)
    func matches(_ c: Case) {
        #expect(IgnoreRules(lines: c.patterns).isIgnored(c.path, isDirectory: c.isDirectory) == c.ignored)
    }

    @Test("blank lines and comments produce no pattern")
    func comments() {
        #expect(IgnoreRules(lines: ["", "   ", "# x"]).patterns.isEmpty)
    }
}
