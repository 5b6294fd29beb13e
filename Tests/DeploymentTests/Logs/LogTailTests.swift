import AWSCloudWatchLogs
import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Synchronization
import Testing

/// Collects what a tail printed.
final class PrintedLines: Sendable {
    private let state = Mutex<(lines: [String], notices: [String])>(([], []))
    var lines: [String] { state.withLock { $0.lines } }
    var notices: [String] { state.withLock { $0.notices } }
    func write(_ lines: [String]) { state.withLock { $0.lines += lines } }
    func notice(_ line: String) { state.withLock { $0.notices.append(line) } }
}

/// A fake service, a clock and a tail wired together.
struct TailRig {
    let clock: ManualClock
    let service: FakeLogService
    let transport: ScriptedTransport
    let printed = PrintedLines()

    init(clock: ManualClock = ManualClock(start: .logsTestStart), pageSize: Int = 50) {
        self.clock = clock
        let service = FakeLogService(clock: clock, pageSize: pageSize)
        self.service = service
        self.transport = ScriptedTransport { service.handle($0) }
    }

    var tail: LogTail {
        let printed = printed
        return LogTail(
            logs: LogsClient(
                context: testContext(transport, clock: clock, attempts: 3, jitter: 0.5),
                endpoint: ServiceEndpoint(host: "logs.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "logs")),
            time: clock.timeSource, write: { printed.write($0) }, notice: { printed.notice($0) })
    }

    func options(follow: Bool = true, since: Double = -600, format: LogFormat = .json) -> LogTailOptions {
        LogTailOptions(group: "/aws/lambda/f", follow: follow, since: clock.now.addingTimeInterval(since), format: format)
    }

    /// Messages printed, from json lines.
    var messages: [String] {
        printed.lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["message"] as? String
        }
    }
}

@Suite("LogTail")
struct LogTailTests {
    @Test("following prints every event exactly once despite late events, new streams and paging")
    func exactlyOnce() async throws {
        let rig = TailRig(pageSize: 7)
        let t0 = rig.clock.nowMilliseconds
        var expected: [String] = []
        for index in 0..<300 {
            // Stream A: steady events, visible 0–3 s after their timestamp.
            let timestamp = t0 + Int64(index) * 100
            rig.service.put(stream: "a", timestamp: timestamp, message: "a\(index)", visibleAt: timestamp + Int64(index % 4) * 1_000)
            expected.append("a\(index)")
        }
        for index in 0..<40 {
            // Stream B appears 20 s in with events stamped up to 60 s earlier (late delivery).
            rig.service.put(stream: "b", timestamp: t0 + Int64(index) * 500, message: "b\(index)", visibleAt: t0 + 20_000 + Int64(index) * 50)
            expected.append("b\(index)")
        }
        var options = rig.options()
        options.maxDuration = .seconds(40)
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .maxDuration(awaited: false))
        #expect(!outcome.isUnmet)
        #expect(rig.messages.sorted() == expected.sorted())
        #expect(Set(rig.messages).count == rig.messages.count)
    }

    @Test("events arriving within the hold-back are printed in timestamp order across streams")
    func orderedWithinHoldBack() async throws {
        let rig = TailRig(pageSize: 5)
        let t0 = rig.clock.nowMilliseconds
        for index in 0..<100 {
            let timestamp = t0 + Int64(index) * 97
            let stream = ["a", "b", "c"][index % 3]
            rig.service.put(stream: stream, timestamp: timestamp, message: String(index), visibleAt: timestamp + Int64(index % 5) * 100)
        }
        var options = rig.options()
        options.maxDuration = .seconds(15)
        _ = try await rig.tail.run(options)
        #expect(rig.messages == (0..<100).map(String.init))
    }

    @Test("not following prints the range once in timestamp order and ends")
    func oneShot() async throws {
        let rig = TailRig(pageSize: 3)
        let t0 = rig.clock.nowMilliseconds
        rig.service.put(stream: "b", timestamp: t0 - 2_000, message: "second")
        rig.service.put(stream: "a", timestamp: t0 - 3_000, message: "first")
        rig.service.put(stream: "a", timestamp: t0 - 100, message: "third")
        rig.service.put(stream: "a", timestamp: t0 - 3_600_000, message: "too old")
        let outcome = try await rig.tail.run(rig.options(follow: false))
        #expect(outcome == .finished)
        #expect(rig.messages == ["first", "second", "third"])
    }

    @Test("throttling beyond the client's retries slows the follow down instead of ending it")
    func throttlingBacksOff() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        for index in 0..<20 {
            rig.service.put(stream: "a", timestamp: t0 + Int64(index) * 1_000, message: "e\(index)")
        }
        rig.service.throttle(next: 7)
        var options = rig.options()
        options.maxDuration = .seconds(60)
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .maxDuration(awaited: false))
        #expect(rig.messages == (0..<20).map { "e\($0)" })
        #expect(rig.printed.notices.contains { $0.contains("ThrottlingException") && $0.contains("still following") })
        #expect(rig.clock.sleeps.contains(.seconds(4)))
    }

    @Test("a long throttling backoff never sleeps past --max-duration")
    func backoffCappedByDeadline() async throws {
        let rig = TailRig()
        rig.service.throttle(next: 1_000)
        var options = rig.options()
        options.maxDuration = .seconds(10)
        options.maxBackoff = .seconds(30)
        _ = try await rig.tail.run(options)
        let elapsed = rig.clock.now.timeIntervalSince1970 - 1_790_000_000
        #expect(elapsed >= 10)
        // Not the 30 s backoff: at most the last call's own attempts, which the client's rate
        // limiter spaces (down to 0.5/s) once AWS throttles FilterLogEvents.
        #expect(elapsed < 20)
    }

    @Test("a missing log group is reported in one line when not following")
    func missingGroupReported() async throws {
        let rig = TailRig()
        rig.service.groupAppears(at: rig.clock.nowMilliseconds + 60_000)
        let error = await #expect(throws: LogGroupMissingError.self) { try await rig.tail.run(rig.options(follow: false)) }
        #expect(error?.facts == "log group /aws/lambda/f does not exist yet" && error?.hint == .invokeOrFollow)
    }

    @Test("a missing log group is waited for when following")
    func missingGroupAwaited() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        rig.service.groupAppears(at: t0 + 5_000)
        rig.service.put(stream: "a", timestamp: t0 + 4_000, message: "first ever")
        var options = rig.options()
        options.untilPattern = "first"
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .matched)
        #expect(rig.messages == ["first ever"])
        #expect(rig.printed.notices.first == "waiting for log group /aws/lambda/f to be created…")
    }

    @Test("--until-pattern ends with success right after the first matching line")
    func untilPattern() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        for (index, text) in ["booting", "ready on port 8080", "after"].enumerated() {
            rig.service.put(stream: "a", timestamp: t0 + Int64(index) * 10, message: text)
        }
        var options = rig.options()
        options.untilPattern = "ready on port [0-9]+"
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .matched)
        #expect(!outcome.isUnmet)
        #expect(rig.messages == ["booting", "ready on port 8080"])
    }

    @Test("--idle-timeout fails with the stop-condition category when nothing new arrives")
    func idleTimeout() async throws {
        let rig = TailRig()
        rig.service.put(stream: "a", timestamp: rig.clock.nowMilliseconds, message: "only")
        var options = rig.options()
        options.idleTimeout = .seconds(5)
        let error = await #expect(throws: LogStopError.self) { try await rig.tail.run(options) }
        #expect(error?.category == .stopCondition)
        #expect(rig.messages == ["only"])
        #expect(rig.clock.now.timeIntervalSince1970 - 1_790_000_000 < 8)
    }

    @Test("--max-duration while waiting for a pattern fails with the stop-condition category")
    func maxDurationAwaited() async throws {
        let rig = TailRig()
        var options = rig.options()
        options.untilPattern = "never"
        options.maxDuration = .seconds(3)
        let error = await #expect(throws: LogStopError.self) { try await rig.tail.run(options) }
        #expect(error?.category == .stopCondition)
        #expect(LogTailOutcome.maxDuration(awaited: true).isUnmet)
    }

    @Test("--request-id stops after the REPORT line")
    func requestID() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        let lines = ["START RequestId: r1 Version: $LATEST", "work", "END RequestId: r1", "REPORT RequestId: r1 Duration: 1 ms", "START RequestId: r2"]
        for (index, text) in lines.enumerated() {
            rig.service.put(stream: "2026/11/23/[$LATEST]x", timestamp: t0 + Int64(index), message: text)
        }
        var options = rig.options()
        options.filter = LogEventFilter(requestID: "r1")
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .requestComplete)
        #expect(rig.messages == Array(lines.prefix(4)))
    }

    @Test("Ctrl-C ends the follow as interrupted after printing the held-back events")
    func interrupted() async throws {
        let clock = ManualClock(start: .logsTestStart, onSleep: { count in if count >= 3 { throw CancellationError() } })
        let rig = TailRig(clock: clock)
        rig.service.put(stream: "a", timestamp: clock.nowMilliseconds + 1_800, message: "just in")
        let outcome = try await rig.tail.run(rig.options())
        #expect(outcome == .interrupted)
        #expect(!outcome.isUnmet, "Ctrl-C is a cancellation, not a stop condition")
        #expect(rig.messages == ["just in"])
    }

    @Test("each poll re-queries the overlap window instead of moving past the newest event")
    func overlapWindowQueried() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        rig.service.put(stream: "a", timestamp: t0, message: "now")
        var options = rig.options(since: -300)
        options.maxDuration = .seconds(3)
        _ = try await rig.tail.run(options)
        #expect(rig.service.queryStarts.first == t0 - 300_000)
        #expect(rig.service.queryStarts.last == t0 - 120_000)
    }
}
