import Foundation
import Testing
@testable import AWSCore

@Suite("SendRate: CUBIC send rate of one API")
struct SendRateTests {
    @Test("an API never throttled gives every send its own time: no wait")
    func noLimitBeforeThrottle() {
        var rate = SendRate()
        for index in 0..<500 {
            #expect(rate.reserve(at: Double(index) * 0.001) == Double(index) * 0.001)
            rate.noteAnswer(throttled: false, reservedAt: 0, at: Double(index) * 0.001)
        }
        #expect(!rate.limiting)
    }

    @Test("a throttle limits the rate to 0.7 × the sends of the last second, and sends are spaced by it")
    func throttleReducesToMeasured() {
        var rate = SendRate()
        for _ in 0..<20 { _ = rate.reserve(at: 10) }
        rate.noteAnswer(throttled: true, reservedAt: 10, at: 10.1)
        #expect(rate.limiting)
        #expect(abs(rate.rate - 14) < 1e-9)
        let slots = (0..<5).map { _ in rate.reserve(at: 10.1) }
        let gaps = zip(slots.dropFirst(), slots).map { $0 - $1 }
        #expect(slots[0] > 10.1, "the bucket starts empty after the throttle")
        #expect(gaps.allSatisfy { abs($0 - 1.0 / 14) < 1e-9 })
    }

    @Test("the throttles of one burst reduce the rate once; a throttle of a later send reduces it again")
    func oneReductionPerEvent() {
        var rate = SendRate()
        for _ in 0..<40 { _ = rate.reserve(at: 0) }
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 0.05)
        for _ in 0..<30 { rate.noteAnswer(throttled: true, reservedAt: 0, at: 0.06) }
        #expect(abs(rate.rate - 28) < 1e-9)
        _ = rate.reserve(at: 0.2)
        rate.noteAnswer(throttled: true, reservedAt: 0.2, at: 0.21)
        #expect(abs(rate.rate - 28 * 0.7) < 1e-9, "min(measured 41, rate 28) × 0.7")
    }

    @Test("successes raise the rate along CUBIC's curve back to the throttled rate after K seconds, then beyond")
    func recoversAlongCubic() {
        var rate = SendRate()
        for _ in 0..<15 { _ = rate.reserve(at: 0) }
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 0)
        #expect(abs(rate.rate - 10.5) < 1e-9)
        let k = cbrt(15 * 0.3 / 0.4)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k / 2)
        #expect(rate.rate > 10.5 && rate.rate < 15)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k)
        #expect(abs(rate.rate - 15) < 1e-9)
        rate.noteAnswer(throttled: false, reservedAt: 0, at: k + 5)
        #expect(abs(rate.rate - (15 + 0.4 * 125)) < 1e-9)
    }

    @Test("the rate never falls below 0.5 requests per second")
    func floor() {
        var rate = SendRate()
        _ = rate.reserve(at: 0)
        rate.noteAnswer(throttled: true, reservedAt: 0, at: 5)
        #expect(rate.rate == SendRate.minimumRate)
        #expect(rate.reserve(at: 5) == 7)
    }
}
