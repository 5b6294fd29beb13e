import Testing
@testable import lambdactl

@Suite("Unknown commands")
struct UnknownCommandTests {
    @Test("a first argument that names no command says so and suggests the nearest command")
    func suggests() throws {
        let error = try #require(UnknownCommandError.check(["udpate-code", "f", "--code", "x"], commands: LambdaCtl.commandNames))
        #expect(error.description == "unknown command 'udpate-code'; did you mean 'update-code'? ('lambdactl --help' lists the commands)")
        #expect(ExitStatus.code(for: error) == 2)
        #expect(UnknownCommandError.check(["lgos"], commands: LambdaCtl.commandNames)?.suggestion == "logs")
        #expect(UnknownCommandError.check(["pakage", "."], commands: LambdaCtl.commandNames)?.suggestion == "package")
        #expect(UnknownCommandError.check(["get-function-configuration", "f"], commands: LambdaCtl.commandNames)?.suggestion == "get-function")
        #expect(UnknownCommandError.check(["list-aliases"], commands: LambdaCtl.commandNames)?.suggestion == "alias")
        #expect(UnknownCommandError.check(["put-function-concurrency", "f"], commands: LambdaCtl.commandNames)?.suggestion == "concurrency")
    }

    @Test("a name far from every command still gets the nearest one, worded as such")
    func farAway() throws {
        // (put-function-concurrency used to be far from every command; it now finds `concurrency`.)
        let error = try #require(UnknownCommandError.check(["frobnicate-widgets", "f", "5"], commands: LambdaCtl.commandNames))
        #expect(error.isClose == false)
        #expect(error.description.hasPrefix("unknown command 'frobnicate-widgets'; the nearest command is '"))
        #expect(UnknownCommandError.distance("kitten", "sitting") == 3)
        #expect(UnknownCommandError.infixDistance("alias", in: "list-aliases") == 0)
    }

    @Test("known commands, options and help are left to the parser")
    func knownPass() {
        let names = LambdaCtl.commandNames
        #expect(names.contains("update-code") && names.contains("whoami") && names.contains("package"))
        #expect(UnknownCommandError.check(["update-code", "f"], commands: names) == nil)
        #expect(UnknownCommandError.check(["package", "."], commands: names) == nil)
        #expect(UnknownCommandError.check(["--version"], commands: names) == nil)
        #expect(UnknownCommandError.check(["help", "logs"], commands: names) == nil)
        #expect(UnknownCommandError.check([], commands: names) == nil)
    }
}
