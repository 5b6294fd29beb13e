import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("Doctor clock check: the last answer's Date against a fixed local clock")
struct ClockRulesTests {
    static let local = Date(timeIntervalSince1970: 1_796_000_000)

    static func reading(offset: TimeInterval) -> ClockReading {
        ClockReading(server: local.addingTimeInterval(offset), local: local)
    }

    @Test("Within 2 s is in sync, with no finding")
    func inSync() {
        let (line, finding) = EnvironmentRules.clock(Self.reading(offset: 1), correction: 0)
        #expect(line.hasPrefix("local clock in sync with AWS's Date header"))
        #expect(line.contains("retries once with the corrected time"))
        #expect(finding == nil)
    }

    @Test("90 s behind is reported in the line but is within SigV4's 5 minutes: no finding")
    func behindWithinTolerance() {
        let (line, finding) = EnvironmentRules.clock(Self.reading(offset: 90), correction: 0)
        #expect(line.hasPrefix("local clock 90 s behind AWS's Date header"))
        #expect(finding == nil)
    }

    @Test("10 minutes ahead is a clock-skew warning; a correction in use is named")
    func aheadPastTolerance() throws {
        let (line, finding) = EnvironmentRules.clock(Self.reading(offset: -600), correction: -600)
        #expect(line.hasPrefix("local clock 600 s ahead of AWS's Date header"))
        #expect(line.contains("signs with the corrected time (-600 s)"))
        let warning = try #require(finding)
        #expect(warning.code == "clock-skew" && warning.severity == .warning && warning.fix == .syncClock)
    }

    @Test("ClockSkew keeps the last readable Date header with its local time, and ignores unreadable ones")
    func noteAnswer() async {
        let skew = ClockSkew()
        #expect(await skew.lastAnswer == nil)
        await skew.noteAnswer(dateHeader: "Wed, 02 Dec 2026 13:00:00 GMT", localNow: Self.local)
        await skew.noteAnswer(dateHeader: "yesterday", localNow: Self.local.addingTimeInterval(5))
        await skew.noteAnswer(dateHeader: nil, localNow: Self.local.addingTimeInterval(6))
        let reading = await skew.lastAnswer
        #expect(reading?.local == Self.local)
        #expect(reading?.server == HTTPDate.parse("Wed, 02 Dec 2026 13:00:00 GMT"))
    }
}
