import AWSTestSupport
import Foundation
import Synchronization
import Testing
@testable import AWSCore

/// A fake service with a per-API rate quota: above `limit` accepted requests in the last second
/// (of `now`) for one operation it answers 429 TooManyRequestsException, as Lambda does.
final class QuotaService: Sendable {
    private struct State {
        var accepted: [String: [Double]] = [:]
        var throttled: [String: Int] = [:]
        var sendTimes: [String: [Double]] = [:]
    }

    private let limit: Int
    private let now: @Sendable () -> Double
    private let state = Mutex(State())

    init(limit: Int, now: @escaping @Sendable () -> Double) {
        self.limit = limit
        self.now = now
    }

    /// How many requests to `operation` were throttled.
    func throttled(_ operation: String) -> Int { state.withLock { $0.throttled[operation] ?? 0 } }

    /// When each request to `operation` arrived (seconds), in order.
    func sendTimes(_ operation: String) -> [Double] { state.withLock { $0.sendTimes[operation] ?? [] } }

    /// The transport in front of this service.
    var transport: ScriptedTransport {
        ScriptedTransport { request in
            let operation = String(request.path.split(separator: "/").last ?? "")
            let t = self.now()
            let accepted: Bool = self.state.withLock { state in
                state.sendTimes[operation, default: []].append(t)
                state.accepted[operation, default: []].removeAll { $0 <= t - 1 }
                guard state.accepted[operation, default: []].count < self.limit else {
                    state.throttled[operation, default: 0] += 1
                    return false
                }
                state.accepted[operation, default: []].append(t)
                return true
            }
            guard accepted else {
                return HTTPResponse(
                    status: 429, headers: HTTPHeaders([("X-Amzn-ErrorType", "TooManyRequestsException")]),
                    body: Data(#"{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}"#.utf8))
            }
            return HTTPResponse(status: 200, body: Data("{}".utf8))
        }
    }
}

@Suite("AWSClient slows down per API when AWS throttles (adaptive rate limiting)")
struct AdaptiveRetryTests {
    func operation(_ name: String) -> AWSOperation {
        AWSOperation(name: name, method: "PUT", path: "/2015-03-31/functions/f/\(name)")
    }

    @Test("an API AWS never throttled is sent at full speed: no wait, even from 50 tasks at once")
    func noWaitBeforeThrottle() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(sequence: Array(repeating: jsonAnswer(200, "{}"), count: 250))
        let client = makeClient(transport, clock: clock)
        for _ in 0..<200 { _ = try await client.send(operation("UpdateFunctionCode")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = try await client.send(self.operation("UpdateFunctionCode")) } }
            try await group.waitForAll()
        }
        #expect(clock.sleeps.isEmpty)
        #expect(transport.sent.count == 250)
    }

    @Test("after a throttle, sends to that API are spaced below the rate AWS took; another API is not held back")
    func throttledAPIIsSpaced() async throws {
        let clock = ManualClock()
        let service = QuotaService(limit: 10, now: { clock.elapsed })
        let client = makeClient(service.transport, clock: clock, jitter: 0)
        for _ in 0..<12 { _ = try await client.send(operation("UpdateFunctionCode")) }
        let throttled = service.throttled("UpdateFunctionCode")
        #expect(throttled >= 1, "the 11th send at t=0 was throttled, and retried until the quota let it in")
        let sleepsBefore = clock.sleeps.count
        for _ in 0..<8 { _ = try await client.send(operation("PublishVersion")) }
        #expect(clock.sleeps.count == sleepsBefore, "PublishVersion was never throttled: it waits for nothing")
        for _ in 0..<8 { _ = try await client.send(operation("UpdateFunctionCode")) }
        #expect(clock.sleeps.count > sleepsBefore, "UpdateFunctionCode waited for its slots")
        let times = Array(service.sendTimes("UpdateFunctionCode").suffix(8))
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps.count == 7)
        // A second's worth of tokens (the bucket's capacity) may go at once; the rest is spaced.
        #expect(gaps.allSatisfy { $0 == 0 || $0 >= 1.0 / 11 - 1e-3 }, "spaced at ≤ 0.7 × 11 sends/s: \(gaps)")
        #expect(gaps.filter { $0 > 0 }.count >= 3, "\(gaps)")
        #expect(service.throttled("UpdateFunctionCode") == throttled, "spaced sends are not throttled again")
    }

    @Test("successes raise a throttled API's rate again until it sends without waiting")
    func rateRecovers() async throws {
        let clock = ManualClock()
        let limiter = SendRateLimiter()
        let service = QuotaService(limit: 10, now: { clock.elapsed })
        let client = makeClient(service.transport, clock: clock, jitter: 0, rateLimiter: limiter)
        for _ in 0..<11 { _ = try await client.send(operation("UpdateAlias")) }
        let api = RateLimitedAPI(endpoint: client.endpoint.urlString, operation: "UpdateAlias")
        let throttledRate = try #require(await limiter.state(of: api)?.rate)
        #expect(throttledRate < 10)
        for _ in 0..<60 {
            clock.advance(0.2)
            _ = try await client.send(operation("UpdateAlias"))
        }
        let recovered = try #require(await limiter.state(of: api)?.rate)
        #expect(recovered > 50, "12 s of successes: CUBIC is far past the rate AWS throttled at (\(recovered))")
        let sleeps = clock.sleeps.count
        clock.advance(1)
        for _ in 0..<5 { _ = try await client.send(operation("UpdateAlias")) }
        #expect(clock.sleeps.count == sleeps, "a burst of 5 within the recovered rate waits for nothing")
    }

    @Test("throttling answers do not use up the 3 attempts or the retry quota; they stop after 10")
    func throttlesHaveTheirOwnBudget() async throws {
        let throttled = jsonAnswer(429, #"{"message":"Rate exceeded"}"#, headers: [("X-Amzn-ErrorType", "TooManyRequestsException")])
        let quota = RetryQuota(capacity: 10)
        let transport = ScriptedTransport(sequence: Array(repeating: throttled, count: 6) + [jsonAnswer(200, "{}")])
        _ = try await makeClient(transport, quota: quota).send(operation("CreateFunction"))
        #expect(transport.sent.count == 7)
        #expect(await quota.available == 10)
        let endless = ScriptedTransport(sequence: Array(repeating: throttled, count: 30))
        await #expect(throws: AWSServiceError.self) { try await makeClient(endless).send(operation("CreateFunction")) }
        #expect(endless.sent.count == 10)
        let once = ScriptedTransport(sequence: Array(repeating: throttled, count: 3))
        await #expect(throws: AWSServiceError.self) {
            try await makeClient(once, maxAttempts: 1).send(operation("CreateFunction"))
        }
        #expect(once.sent.count == 1, "max_attempts 1 still means no retry")
    }

    @Test("a burst of 50 concurrent calls against a quota of 10/s finishes with no error, near the quota's floor")
    func burstFinishes() async throws {
        let time = VirtualTime()
        let service = QuotaService(limit: 10, now: { time.elapsed })
        let client = makeClient(service.transport, jitter: 0.5, time: time.timeSource)
        let results = await time.run(tasks: 50) { _ in
            _ = try await client.send(self.operation("CreateFunction"))
        }
        let failures = results.filter { if case .failure = $0 { true } else { false } }
        #expect(failures.isEmpty, "\(failures)")
        let throttled = service.throttled("CreateFunction")
        #expect(throttled > 0)
        #expect(time.elapsed >= 4, "50 calls at 10/s take at least 4 s")
        // The order in which 50 tasks reach the virtual clock varies with the machine's load
        // (8.6 s seen under a busy CI run); 3× the floor still tells a slowdown from a stall.
        #expect(time.elapsed < 4 * 3, "slowed down, not stalled: \(time.elapsed) s, \(throttled) throttled")
        print("burst: 50 calls, quota 10/s: \(throttled) throttled, \(time.elapsed) s virtual")
    }
}
