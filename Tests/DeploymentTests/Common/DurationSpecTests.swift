import Deployment
import Testing

@Suite("One duration syntax")
struct DurationSpecTests {
    @Test(
        "a bare number is seconds; ms s m h d and compounds add up",
        arguments: [
            ("90", 90_000), ("0.5", 500), ("500ms", 500), ("30s", 30_000), ("10m", 600_000), ("2h", 7_200_000),
            ("1d", 86_400_000), ("1h30m", 5_400_000), ("1m30s", 90_000), ("1.5h", 5_400_000), (" 2M ", 120_000),
            ("1d2h", 93_600_000), ("1h 30m", 5_400_000), ("0", 0),
        ] as [(String, Int64)])
    func parses(text: String, milliseconds: Int64) {
        #expect(DurationSpec.parse(text) == .milliseconds(milliseconds))
    }

    @Test(
        "anything else is refused, including overflowing values",
        arguments: ["", "m", "10x", "-5", "1e5", "inf", "1h-30m", "h1", "9000000000000000h", "9223372036854775807", "ten"])
    func refuses(text: String) {
        #expect(DurationSpec.parse(text) == nil)
    }

    @Test("logs' relative times and the deploy config's wait_timeout use the same syntax")
    func sharedEverywhere() throws {
        #expect(TimeSpec.duration("1h30m") == .seconds(5400))
        #expect(TimeSpec.duration("250ms") == .milliseconds(250))
        let config = DeployConfig(function: FunctionSpec(name: "f", runtime: "python3.12", handler: "a.b", code: "c"), waitTimeout: "1d")
        #expect(config.waitTimeoutSeconds == 86_400)
        #expect(DeployConfig(function: config.function, waitTimeout: "1h30m").waitTimeoutSeconds == 5400)
        #expect(DeployConfig(function: config.function, waitTimeout: "0").waitTimeoutSeconds == nil)
    }
}
