import Foundation

/// The send rate of one API as the SDKs' "adaptive" retry mode keeps it, as pure decisions over
/// times in seconds (see the AWS SDKs and Tools Reference Guide, "Retry behavior": adaptive mode
/// "can delay initial request attempts" with client-side rate limiting).
///
/// Until AWS throttles the API it only notes when sends and throttles happen (for the measured
/// rate) and never delays. A throttling answer switches limiting on: a token bucket then meters sends at
/// a rate below the one AWS was taking (CUBIC's multiplicative decrease, β = 0.7), and each
/// later answer that is not a throttle raises it along CUBIC's curve `C·(t − K)³ + Wmax` with
/// `C = 0.4` and `K = ∛(Wmax·(1 − β)/C)`, as TCP CUBIC (RFC 9438) and the SDKs' rate limiter
/// do. Where this differs from the SDKs, it is for a reason:
/// - The measured rate is what AWS let through in the last second, the window its quotas count
///   in: the sends of that second less the throttles answered in it (answers still in flight
///   count as let through, since a slow success must not read as a low rate). When AWS
///   throttles, that is about the quota itself, so CUBIC's plateau sits at it. The SDKs smooth
///   the rate of all sends in half-second buckets, which reads a start-up burst as zero
///   (dropping the limit to the 0.5/s floor) and counts throttled sends (a plateau above the
///   quota).
/// - One congestion event reduces the rate once (TCP's rule of one reduction per window): a
///   throttle leaves the rate alone when the request's slot was taken at or before the last
///   reduction (it was scheduled at the old rate) or when that reduction is less than a second
///   old (AWS counts over a second, so its window still holds the sends made at the old rate).
///   So 40 throttles of one burst do not divide the rate by 0.7⁴⁰, and the second after a burst,
///   which a one-second quota refuses whatever the new rate, does not drive it to the floor.
/// - After a reduction the bucket is empty, so every send, retries included, waits for its slot
///   at the new rate; this is what lets throttled retries go without a backoff of their own.
/// - The rate is not capped at twice the measured rate: an idle API recovers to unlimited, so a
///   later deploy that AWS does not throttle is not held back.
package struct SendRate: Sendable, Equatable {
    /// CUBIC's scale constant.
    package static let scale = 0.4
    /// CUBIC's multiplicative decrease.
    package static let beta = 0.7
    /// The lowest rate the bucket is filled at, in requests per second.
    package static let minimumRate = 0.5
    /// The window of the measured rate, in seconds.
    package static let window = 1.0

    /// Whether AWS has throttled this API (then sends are metered).
    package private(set) var limiting = false
    /// The bucket's fill rate in requests per second (meaningful while `limiting`).
    package private(set) var rate = 0.0
    /// Send slots and throttling answers of the last `window` seconds.
    private var sends: [Double] = []
    private var throttles: [Double] = []
    /// CUBIC's rate at the last reduction, and its zero point.
    private var wMax = 0.0
    private var k = 0.0
    /// When the rate was last reduced (nil before any throttle).
    package private(set) var lastReduction: Double?
    /// Tokens in the bucket; negative while slots are promised ahead.
    private var tokens = 0.0
    private var refilled = 0.0

    /// Creates the state of an API that AWS has not throttled.
    package init() {}

    /// What AWS let through in the window ending at `now`, per second: sends less throttles.
    package func measuredRate(at now: Double) -> Double {
        let sent = sends.filter { $0 > now - Self.window && $0 <= now }.count
        let refused = throttles.filter { $0 > now - Self.window }.count
        return Double(max(0, sent - refused)) / Self.window
    }

    /// Takes a slot for one send at `now`: returns the time to send at (`now` itself unless
    /// the API is being limited and the bucket is empty).
    package mutating func reserve(at now: Double) -> Double {
        sends.removeAll { $0 <= now - Self.window }
        guard limiting else {
            sends.append(now)
            return now
        }
        refill(at: now)
        tokens -= 1
        let slot = tokens >= 0 ? now : now + (-tokens / rate)
        sends.append(slot)
        return slot
    }

    /// Notes an answer received at `now` to a request whose slot was taken at `reservedAt`.
    package mutating func noteAnswer(throttled: Bool, reservedAt: Double, at now: Double) {
        if throttled {
            throttles.removeAll { $0 <= now - Self.window }
            throttles.append(now)
            if let lastReduction, reservedAt <= lastReduction || now - lastReduction < Self.window { return }
            let measured = measuredRate(at: now)
            let current = limiting ? min(measured, rate) : measured
            wMax = current
            k = cbrt(wMax * (1 - Self.beta) / Self.scale)
            lastReduction = now
            if !limiting {
                limiting = true
                tokens = 0
                refilled = now
            }
            setRate(current * Self.beta, at: now)
            tokens = min(tokens, 0)  // from now on every send waits for its slot at the new rate
        } else {
            guard limiting, let lastReduction else { return }
            let elapsed = now - lastReduction - k
            setRate(Self.scale * elapsed * elapsed * elapsed + wMax, at: now)
        }
    }

    private mutating func setRate(_ newRate: Double, at now: Double) {
        refill(at: now)
        rate = max(newRate, Self.minimumRate)
        tokens = min(tokens, capacity)
    }

    /// The bucket holds at most one second's worth of tokens (at least one).
    private var capacity: Double { max(rate, 1) }

    private mutating func refill(at now: Double) {
        guard now > refilled else { return }
        tokens = min(capacity, tokens + (now - refilled) * rate)
        refilled = now
    }
}
