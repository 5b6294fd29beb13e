import ArgumentParser
import Testing
@testable import lambdactl

@Suite("--wait-timeout")
struct WaitOptionsTests {
    @Test("durations parse with s, m and h; overflowing or over-a-day values are usage errors, not traps")
    func bounds() throws {
        #expect(WaitOptions.seconds("90") == 90)
        #expect(WaitOptions.seconds("10m") == 600)
        #expect(WaitOptions.seconds("1h") == 3600)
        #expect(WaitOptions.seconds("9000000000000000h") == nil)
        #expect(throws: (any Error).self) { try WaitOptions.parse(["--wait-timeout", "9000000000000000h"]) }
        #expect(throws: (any Error).self) { try WaitOptions.parse(["--wait-timeout", "9223372036854775807"]) }
        #expect(try WaitOptions.parse(["--wait-timeout", "24h"]).duration == .seconds(86_400))
    }

    @Test("--wait-timeout takes the same durations as every other option: days and compounds too")
    func sharedSyntax() throws {
        #expect(try WaitOptions.parse(["--wait-timeout", "1d"]).duration == .seconds(86_400))
        #expect(try WaitOptions.parse(["--wait-timeout", "1h30m"]).duration == .seconds(5400))
        #expect(try WaitOptions.parse(["--wait-timeout", "90"]).duration == .seconds(90))
        #expect(throws: (any Error).self) { try WaitOptions.parse(["--wait-timeout", "1d1s"]) }
    }
}
