import Foundation
import Testing

/// `--version` is lambdactl's version on every command; the target version is `--to-version`.
@Suite("--version and --to-version")
struct VersionOptionTests {
    @Test("lambdactl alias --version and rollback --version print lambdactl's version")
    func versionEverywhere() throws {
        for command in [["alias", "--version"], ["rollback", "--version"], ["--version"]] {
            let result = try CommandRunner.run(command)
            #expect(result.exitCode == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(command): \(result.stdout)")
        }
    }

    @Test("the old alias --version N is refused with the new spelling, before any request")
    func oldSpellingRefused() throws {
        let result = try CommandRunner.run(["alias", "f", "live", "--version", "3"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("choose the version with --to-version 3"), "\(result.stderr)")
        let rollback = try CommandRunner.run(["rollback", "f", "--alias", "live", "--version=2"])
        #expect(rollback.exitCode == 2 && rollback.stderr.contains("--to-version 2"), "\(rollback.stderr)")
        let bad = try CommandRunner.run(["alias", "f", "live", "--to-version", "three"])
        #expect(bad.exitCode == 2 && bad.stderr.contains("--to-version takes a version number"), "\(bad.stderr)")
    }
}
