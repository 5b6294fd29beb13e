import Foundation
import Testing

/// `lambdactl completions SHELL`, `--version` and the command tree the man page is made from, run
/// as a user would (no AWS needed).
@Suite("completions, version and the manual's input")
struct CompletionsTests {
    /// A marker each shell's script must contain, and where that shell loads it from.
    static let shells: [(shell: String, marker: String)] = [
        ("bash", "complete -o filenames -F _lambdactl lambdactl"),
        ("zsh", "#compdef lambdactl"),
        ("fish", "complete -c 'lambdactl'"),
    ]

    @Test("completions SHELL prints the same script as --generate-completion-script SHELL", arguments: shells)
    func sameAsArgumentParser(shell: String, marker: String) throws {
        let friendly = try CommandRunner.run(["completions", shell])
        #expect(friendly.exitCode == 0, "\(friendly.stderr)")
        #expect(friendly.stderr.isEmpty)
        let original = try CommandRunner.run(["--generate-completion-script", shell])
        #expect(original.exitCode == 0, "\(original.stderr)")
        #expect(friendly.stdout == original.stdout)
        #expect(friendly.stdout.contains(marker), "\(friendly.stdout.prefix(300))")
        for command in ["deploy", "whoami", "completions"] {
            #expect(friendly.stdout.contains(command), "the \(shell) script offers \(command)")
        }
    }

    @Test("the bash script is valid bash and completes a subcommand from its prefix")
    func bashCompletesSubcommand() throws {
        let script = try CommandRunner.run(["completions", "bash"]).stdout
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-completion-\(UUID().uuidString).bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let probe = """
            source '\(file.path)'
            COMP_WORDS=(lambdactl complet); COMP_CWORD=1; COMP_LINE='lambdactl complet'; COMP_POINT=${#COMP_LINE}
            _lambdactl lambdactl complet lambdactl
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ProgramRunner.run("/bin/bash", ["-c", probe])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains("completions"), "\(result.stdout) \(result.stderr)")
    }

    @Test("an unknown shell is one line naming the three it knows, exit 2")
    func unknownShell() throws {
        let result = try CommandRunner.run(["completions", "powershell"])
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        for shell in ["bash", "zsh", "fish"] {
            #expect(result.stderr.contains(shell), "\(result.stderr)")
        }
    }

    @Test("--version prints the version number alone in a plain build")
    func version() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.stdout)")
    }

    @Test("--experimental-dump-help gives the command tree the man page is generated from")
    func dumpHelp() throws {
        let result = try CommandRunner.run(["--experimental-dump-help"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let command = try #require(object["command"] as? [String: Any])
        #expect(command["commandName"] as? String == "lambdactl")
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(names.contains("completions"))
        #expect(names.contains("deploy"))
    }
}

/// Runs a program other than lambdactl and captures what it prints.
enum ProgramRunner {
    static func run(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
