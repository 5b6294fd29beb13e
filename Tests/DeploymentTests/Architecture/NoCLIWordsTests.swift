import Foundation
import Testing

/// Use cases and the archive writer name no CLI flag or command: a message that does is a
/// value the CLI words (`Hint`, `InputProblem`, `RawRequestError`, …). This reads their
/// sources and fails on a string literal that names one (`--memory`, `-f`, `lambdactl versions`), so the rule cannot quietly regress.
@Suite("Deployment and ZipArchive name no CLI flag or command")
struct NoCLIWordsTests {
    /// The package root, from this file's path (`Tests/DeploymentTests/Architecture/…`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.swift` file under `Sources/<module>`.
    static func sources(_ module: String) -> [URL] {
        let directory = root.appendingPathComponent("Sources/\(module)")
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.sorted { $0.path < $1.path }
    }

    /// The commands as the user types them, read from `commandName:` in the CLI's command files.
    static var commandNames: [String] {
        sources("lambdactl/Commands").flatMap { file -> [String] in
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            let named = text.matches(of: /commandName: "([a-z-]+)"/).map { String($0.1) }
            if !named.isEmpty { return named }
            // A command without `commandName:` is named after its type (`Package` → `package`).
            return text.matches(of: /struct ([A-Za-z]+): (?:Async)?ParsableCommand/).map { match in
                String(match.1).replacing(/[A-Z]/) { "-" + $0.output.lowercased() }.trimmingPrefix("-").description
            }
        }
    }

    /// What is wrong with one literal, if anything.
    static func problem(in literal: String, commands: [String]) -> String? {
        if let flag = literal.firstMatch(of: /(^|[^A-Za-z0-9-])(--[a-z][a-z-]*)/) { return "flag \(flag.2)" }
        if let flag = literal.firstMatch(of: /(^|[\s(])(-[a-zA-Z])(?=[\s)]|$)/) { return "flag \(flag.2)" }
        for command in commands where literal.contains("lambdactl \(command)") {
            return "command lambdactl \(command)"
        }
        return nil
    }

    @Test("the literal scanner sees strings, interpolations and multi-line strings, and skips comments")
    func scanner() {
        let code = #"""
            // "--in-a-comment"
            /// `--in-a-doc-comment`
            let a = "plain --memory 512"
            let b = "\(x ? "nested --api" : "") tail"
            let c = """
                lambdactl deploy
                """
            let d = "escaped \" quote --region"
            """#
        let literals = SwiftLiterals.strings(in: code)
        #expect(literals.contains("plain --memory 512"))
        #expect(literals.contains("nested --api"))
        #expect(literals.contains { $0.contains("lambdactl deploy") })
        #expect(literals.contains { $0.contains("--region") })
        #expect(!literals.contains { $0.contains("comment") })
        #expect(Self.problem(in: "use --to-version N", commands: []) == "flag --to-version")
        #expect(Self.problem(in: "run lambdactl deploy again", commands: ["deploy"]) == "command lambdactl deploy")
        #expect(Self.problem(in: "pass -f PATH", commands: []) == "flag -f")
        #expect(Self.problem(in: "a-b--c, 2026-07-01, lambdactl-NAME-role", commands: ["deploy"]) == nil)
    }

    @Test("no string literal in Sources/Deployment or Sources/ZipArchive names a flag or a lambdactl command")
    func noFlagsOrCommands() throws {
        let commands = Self.commandNames
        #expect(commands.count > 10 && commands.contains("package"), "the command names were not found under Sources/lambdactl/Commands")
        let files = Self.sources("Deployment") + Self.sources("ZipArchive")
        #expect(files.count > 20)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for literal in SwiftLiterals.strings(in: text) {
                if let problem = Self.problem(in: literal, commands: commands) {
                    found.append("\(file.lastPathComponent): \(problem) in \"\(literal.prefix(80))\"")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

/// The string literals of Swift source: a small lexer that skips comments and descends into
/// `\(…)` interpolations (whose own literals it also returns). Raw strings (`#"…"#`) are read
/// as ordinary ones, which is enough for a scan.
enum SwiftLiterals {
    static func strings(in text: String) -> [String] {
        var lexer = Lexer(characters: Array(text))
        lexer.code(until: nil)
        return lexer.literals
    }

    struct Lexer {
        let characters: [Character]
        var index = 0
        var literals: [String] = []

        init(characters: [Character]) { self.characters = characters }

        func peek(_ offset: Int = 0) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }

        /// Code up to an unbalanced `close` (the end of an interpolation) or the end.
        mutating func code(until close: Character?) {
            var depth = 0
            while let c = peek() {
                if c == "/", peek(1) == "/" {
                    while let n = peek(), n != "\n" { index += 1 }
                } else if c == "/", peek(1) == "*" {
                    index += 2
                    while peek() != nil, !(peek() == "*" && peek(1) == "/") { index += 1 }
                    index += 2
                } else if c == "\"" {
                    string()
                } else if c == "(" {
                    depth += 1
                    index += 1
                } else if c == ")" {
                    if depth == 0, close == ")" { index += 1; return }
                    depth -= 1
                    index += 1
                } else {
                    index += 1
                }
            }
        }

        /// A literal starting at `"` or `"""`.
        mutating func string() {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            index += multiline ? 3 : 1
            var text = ""
            while let c = peek() {
                if c == "\\" {
                    if peek(1) == "(" {
                        index += 2
                        code(until: ")")
                        text += " "
                        continue
                    }
                    text.append(peek(1) ?? " ")
                    index += 2
                    continue
                }
                if multiline, c == "\"", peek(1) == "\"", peek(2) == "\"" { index += 3; break }
                if !multiline, c == "\"" { index += 1; break }
                if !multiline, c == "\n" { break }
                text.append(c)
                index += 1
            }
            literals.append(text)
        }
    }
}
