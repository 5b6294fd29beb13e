import ArgumentParser
import Testing
@testable import lambdactl

@Suite("--help: global options on the root, AWS options hidden from package")
struct HelpTests {
    static let awsOptions = ["--region", "--profile", "--endpoint-url", "--debug"]

    @Test("lambdactl --help lists every global option, and exactly those GlobalOptions declares")
    func rootListsGlobalOptions() {
        let help = LambdaCtl.helpMessage(columns: 100)
        for option in Self.awsOptions + ["--output", "--no-color", "--version"] {
            #expect(help.contains("  \(option) ") || help.contains("  \(option)\n"), "\(option) missing from lambdactl --help")
        }
        let declared = GlobalOptions.helpMessage(columns: 200)
        for option in Self.awsOptions + ["--output", "--no-color"] { #expect(declared.contains(option)) }
    }

    @Test("package --help shows no AWS option, yet package accepts and ignores them")
    func packageHidesAWSOptions() throws {
        let help = Package.helpMessage(columns: 200)
        for option in Self.awsOptions { #expect(!help.contains(option), "\(option) shown in package --help") }
        #expect(help.contains("--output") && help.contains("--no-color"))
        let command = try Package.parse([
            "src", "-o", "f.zip", "--region", "eu-west-1", "--profile", "p", "--endpoint-url", "http://127.0.0.1:1", "--debug",
            "--output", "json", "--no-color",
        ])
        #expect(command.local.output == .json && command.local.noColor && command.ignoredAWS.region == "eu-west-1")
    }
}
