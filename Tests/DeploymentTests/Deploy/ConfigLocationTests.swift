import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("Deploy config value errors name the file and line, or the --set")
struct ConfigLocationTests {
    static let file = "/repo/lambdactl.yml"
    static let text = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: missing-dir
          memory: 100
          timeout: 1000
          environment:
            GOOD: x
            1BAD: y
        layers:
          - name: deps
            code: deps
        alias: "7"
        routes:
          api: a
          routes:
            - GET /ok
            - FETCH /x
        """

    /// The first value error for `text` with `replace` applied and `set` given.
    func error(_ text: String = Self.text, set: [String] = []) -> String {
        do {
            let config = try DeployConfigParser(path: Self.file, environment: [:], overrides: ConfigOverrides(option: "--set", set)).parse(text)
            try DeployValidation.check(config, file: Self.file)
            try DeployValidation.checkFiles(config, loader: CodeLoader(packager: nil, files: LocalFileSystem()), file: Self.file)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    /// `text` with the line starting with `prefix` (after indentation) removed.
    func without(_ prefixes: String...) -> String {
        Self.text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !prefixes.contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) } }
            .joined(separator: "\n")
    }

    @Test("memory, timeout, variable name, alias and route key each name their own line")
    func eachValueNamesItsLine() {
        #expect(error().hasPrefix("\(Self.file):6: function.memory 100 is outside 128–10240 MB"))
        #expect(error(without("memory")).hasPrefix("\(Self.file):6: function.timeout 1000 is outside 1–900"))
        #expect(error(without("memory", "timeout")).hasPrefix("\(Self.file):8: function.environment: \"1BAD\""))
        #expect(error(without("memory", "timeout", "1BAD")).hasPrefix("\(Self.file):11: alias \"7\""))
        #expect(error(without("memory", "timeout", "1BAD", "alias")).hasPrefix("\(Self.file):15: routes.routes: invalid route key 'FETCH /x'"))
    }

    @Test("a missing code path names the line of its code: key, for the function and for a layer")
    func missingCodeNamesItsLine() {
        let valid = without("memory", "timeout", "1BAD", "alias", "- FETCH")
        #expect(error(valid).hasPrefix("\(Self.file):5: /repo/missing-dir does not exist; pass a directory or a .zip to code:"))
    }

    @Test("an error in a --set value names the --set, not the file")
    func setValueNamesTheSet() {
        let message = error(without("memory"), set: ["function.timeout=0"])
        #expect(message.hasPrefix("--set function.timeout=0: function.timeout 0 is outside 1–900"))
        #expect(error(set: ["function.memory=64"]).hasPrefix("--set function.memory=64: function.memory 64"))
        let routes = error(without("memory", "timeout", "1BAD", "alias"), set: ["routes={api: a, routes: [\"FETCH /y\"]}"])
        #expect(routes.hasPrefix("--set routes={api: a, routes: [\"FETCH /y\"]}: routes.routes: invalid route key 'FETCH /y'"))
        let long = String(repeating: "x", count: 300)
        #expect(error(without("memory", "timeout"), set: ["function.description=\(long)"])
            .hasPrefix("--set function.description=\(long): function.description is 300 characters; Lambda allows at most 256"))
        #expect(error(without("alias"), set: ["function.memory=512", "function.timeout=30", "alias=9"])
            .hasPrefix("\(Self.file):10: function.environment"))
    }

    @Test("a value of the wrong type names its line")
    func wrongTypeNamesItsLine() {
        let message = error(Self.text.replacingOccurrences(of: "memory: 100", with: "memory: lots"))
        #expect(message.hasPrefix("\(Self.file):6: function.memory should be a whole number"))
        #expect(error(set: ["function.memory=lots"]).hasPrefix("--set function.memory=lots: function.memory should be"))
    }

    @Test("a configuration built in code falls back to the file name")
    func builtInCodeUsesTheFile() {
        let config = DeployConfig(function: FunctionSpec(name: "f", runtime: "python3.12", handler: "a.b", code: "c", memory: 1))
        #expect(throws: DeployConfigError("x.yml: function.memory 1 is outside 128–10240 MB; e.g. memory: 512")) {
            try DeployValidation.check(config, file: "x.yml")
        }
    }
}
