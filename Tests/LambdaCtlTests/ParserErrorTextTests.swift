import Testing
@testable import lambdactl

@Suite("Usage errors on one line")
struct ParserErrorTextTests {
    @Test("ArgumentParser's Error/Help/Usage/See lines fold into the message and where the help is")
    func folds() {
        let full = """
            Error: Missing expected argument '<name>'
            Help:  <name>  The function name.
            Usage: lambdactl create-function [<options>] <name> --code <code>
              See 'lambdactl create-function --help' for more information.
            """
        #expect(ParserErrorText.oneLine(full) == "Missing expected argument '<name>'; see 'lambdactl create-function --help'")
        #expect(ParserErrorText.oneLine("Error: --architecture must be x86_64 or arm64") == "--architecture must be x86_64 or arm64")
        #expect(ParserErrorText.oneLine("") == nil)
        #expect(ParserErrorText.oneLine("Error: The value 'yaml' is invalid. Please provide one of 'text' and 'json'.\nSee 'lambdactl x --help'.")
            == "The value 'yaml' is invalid. Please provide one of 'text' and 'json'; see 'lambdactl x --help'")
    }

    @Test("a real parse failure of a subcommand gives one line")
    func realParse() {
        do {
            _ = try LambdaCtl.parseAsRoot(["create-function", "f", "--code", "a.zip", "--runtime", "python3.13", "--handler", "h", "--bogus"])
            Issue.record("expected a parse error")
        } catch {
            let line = ParserErrorText.oneLine(LambdaCtl.fullMessage(for: error))
            #expect(line?.contains("Unknown option '--bogus'") == true)
            #expect(line?.hasSuffix("see 'lambdactl create-function --help'") == true)
            #expect(line?.contains("\n") == false)
        }
    }
}
