import Foundation
import Testing
@testable import AWSCore

@Suite("SendRate: CUBIC send rate of one API")
struct SendRateTests {
    /// `count` sends at `time` that AWS let through.
    func accept(_ rate: inout SendRate, _ count: Int, at time: Double) {
        for _ in 0..<count {
            _ = rate.reserve(at: time)
            rate.noteAnswer(throttled: false, reservedAt: time, at: time)
        }
    }

    @Test("an API never throttled gives every send its own time: no wait")
    func noLimitBeforeThrottle() {
        var rate = SendRate()
        for index in 0..<500 {
            #expect(rate.reserve(at: Double(index) * 0.001) == Double(index) * 0.001)
            rate.noteAnswer(throttled: false, reservedAt: 0, at: Double(index) * 0.001)
        }
        #expect(!rate.limiting)
    }

    @Test("a throttle limits the rate to 0.7 × what AWS let through in the last second (sends less throttles), and spaces sends by it")
    func throttleReducesToMeasured() {
        var rate = SendRate()
        accept(&rate, 20, at: 10)
        _ = rate.reserve(at: 10)
        rate.noteAnswer(throttled: true, reservedAt: 10, at: 10.1)
        #expect(rate.limiting)
        #expect(abs(rate.rate - 14) < 1e-9)
        let slots = (0..<5).map { _ in rate.reserve(at: 10.1) }
        let gaps = zip(slots.dropFirst(), slots).map { $0 - $1 }
        #expect(slots[0] > 10.1, "the bucket is empty after the throttle")
        #expect(gaps.allSatisfy { abs($0 - 1.0 / 14) < 1e-9 })
    }

    @Test("the throttles of one burst reduce the rate once; a throttle of a later send, a second on, reduces it again")
    func oneReductionPerEvent() {
        var rate = SendRate()
        accept(&rate, 40, at: 0)
        _ = rate.reserve(at: 0)
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 0.05)
        for _ in 0..<30 { rate.noteAnswer(throttled: true, reservedAt: 0, at: 0.06) }
        #expect(abs(rate.rate - 28) < 1e-9, "41 sent, 1 throttled")
        _ = rate.reserve(at: 0.2)
        rate.noteAnswer(throttled: true, reservedAt: 0.2, at: 0.21)
        #expect(abs(rate.rate - 28) < 1e-9, "within a second of the reduction: AWS's window still holds the burst")
        let before = rate.rate
        rate.noteAnswer(throttled: true, reservedAt: 1.2, at: 1.21)
        #expect(rate.rate < before, "a second on, a throttle of a send scheduled at the new rate reduces it")
    }

    @Test("successes raise the rate along CUBIC's curve back to the throttled rate after K seconds, then beyond")
    func recoversAlongCubic() {
        var rate = SendRate()
        accept(&rate, 15, at: 0)
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 0)
        #expect(abs(rate.rate - 0.7 * 14) < 1e-9, "15 sent, 1 throttled")
        let k = cbrt(14 * 0.3 / 0.4)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k / 2)
        #expect(rate.rate > 9.8 && rate.rate < 14)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k)
        #expect(abs(rate.rate - 14) < 1e-9)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k + 5)
        #expect(abs(rate.rate - (14 + 0.4 * 125)) < 1e-9)
    }

    @Test("the rate never falls below 0.5 requests per second")
    func floor() {
        var rate = SendRate()
        accept(&rate, 1, at: 0)
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 5)  // nothing sent in the last second
        #expect(rate.rate == SendRate.minimumRate)
        #expect(rate.reserve(at: 5) == 7)
    }
}
