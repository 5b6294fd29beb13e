import ArgumentParser
import Foundation
import Testing
@testable import lambdactl

@Suite("init command line")
struct InitCommandTests {
    static let missing = "/nonexistent-\(UUID().uuidString)/lambdactl.yml"

    @Test("exactly one source, --app for several functions, and starter-only or function-only options", arguments: [
        [],
        ["--runtime", "python3.13", "--from-function", "a"],
        ["--from-function", "a", "b"],
        ["--from-function", "a", "a", "--app", "x"],
        ["--runtime", "python3.13", "--app", "x"],
        ["--runtime", "python3.13", "--download-code", "d"],
        ["--from-function", "a", "--name", "x"],
        ["--runtime", "python3.13", "--name", "bad name"],
        ["--from-function", "a", "b", "--app", "bad app"],
    ])
    func refused(arguments: [String]) {
        #expect(throws: (any Error).self) { try Init.parse(arguments + ["-o", Self.missing]) }
    }

    @Test("the usage lines say what to type instead")
    func wording() {
        #expect(Self.message(["--from-function", "a", "b"]).contains("add --app NAME"))
        #expect(Self.message([]).contains("--runtime R for a starter"))
        #expect(Self.message(["--runtime", "python3.13", "--from-function", "a"]).contains("give one source"))
    }

    @Test("several functions with --app, -o and --output-file, and repeated --from-function are accepted")
    func accepted() throws {
        let several = try Init.parse(["--from-function", "a", "b", "--from-function", "c", "--app", "shop", "-o", Self.missing])
        #expect(several.fromFunction == ["a", "b", "c"] && several.app == "shop" && several.outputFile == Self.missing)
        let long = try Init.parse(["--runtime", "nodejs22.x", "--output-file", Self.missing, "--name", "hello"])
        #expect(long.runtime == "nodejs22.x" && long.name == "hello")
    }

    @Test("an existing output file is refused without --force, before anything is called")
    func existing() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString).yml")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(Self.message(["--runtime", "python3.13", "-o", file.path]).contains("already exists"))
        #expect(throws: Never.self) { try Init.parse(["--runtime", "python3.13", "-o", file.path, "--force"]) }
    }

    static func message(_ arguments: [String]) -> String {
        do {
            _ = try Init.parse(arguments.contains("-o") ? arguments : arguments + ["-o", missing])
            return ""
        } catch {
            return Init.message(for: error)
        }
    }
}
