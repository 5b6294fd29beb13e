import Testing
@testable import lambdactl

@Suite("Console colour")
struct ConsoleTests {
    @Test("--no-color turns colour off for the final error line too")
    func noColorFlag() {
        #expect(Console.forErrors(arguments: ["lambdactl", "get-function", "f", "--no-color"], colorCapable: true).useColor == false)
        #expect(Console.forErrors(arguments: ["lambdactl", "get-function", "f"], colorCapable: true).useColor)
        #expect(Console.forErrors(arguments: ["lambdactl", "invoke", "f", "--", "--no-color"], colorCapable: true).useColor)
        #expect(Console.forErrors(arguments: ["lambdactl", "get-function", "f"], colorCapable: false).useColor == false)
    }

    @Test("NO_COLOR turns colour off only when present and not empty (no-color.org)")
    func noColorEnvironment() {
        #expect(Console.colors(isTerminal: true, environment: [:]))
        #expect(Console.colors(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(Console.colors(isTerminal: true, environment: ["NO_COLOR": "1"]) == false)
        #expect(Console.colors(isTerminal: true, environment: ["NO_COLOR": "0"]) == false)
        #expect(Console.colors(isTerminal: false, environment: [:]) == false)
    }
}
