import AWSCore
import Foundation
import AWSCloudWatchLogs
import AWSTestSupport
import Deployment
import Testing

private func event(_ id: String, _ timestamp: Int64, stream: String = "s1", _ message: String? = nil) -> FilteredLogEvent {
    FilteredLogEvent(logStreamName: stream, timestamp: timestamp, message: message ?? "m\(id)", eventId: id)
}

@Suite("LogFollower")
struct LogFollowerTests {
    @Test("an event returned by several overlapping polls is released once")
    func duplicatesAcrossPolls() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 60_000, holdBack: 0))
        let first = follower.accept([event("a", 1_000), event("b", 2_000)], now: 10_000)
        let second = follower.accept([event("a", 1_000), event("b", 2_000), event("c", 3_000)], now: 11_000)
        #expect(first.map(\.eventId) == ["a", "b"])
        #expect(second.map(\.eventId) == ["c"])
    }

    @Test("a late event with an older timestamp is released once, after the newer ones")
    func lateEventPrintedOnce() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 60_000, holdBack: 0))
        _ = follower.accept([event("new", 50_000)], now: 60_000)
        let late = follower.accept([event("new", 50_000), event("old", 20_000, stream: "s2")], now: 61_000)
        let again = follower.accept([event("old", 20_000, stream: "s2")], now: 62_000)
        #expect(late.map(\.eventId) == ["old"])
        #expect(again.isEmpty)
    }

    @Test("events within the hold-back are sorted across streams before release")
    func holdBackOrders() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 60_000, holdBack: 1_000))
        let first = follower.accept([event("b", 9_500, stream: "s2")], now: 10_000)
        let second = follower.accept([event("a", 9_400, stream: "s1"), event("c", 10_600)], now: 11_000)
        let flushed = follower.flush()
        #expect(first.isEmpty)
        #expect(second.map(\.eventId) == ["a", "b"])
        #expect(flushed.map(\.eventId) == ["c"])
    }

    @Test("the next query starts one overlap window behind the newest event, never before --since")
    func queryStartFollowsWatermark() {
        var follower = LogFollower(since: 100_000, settings: .init(overlap: 120_000, holdBack: 0))
        #expect(follower.queryStart == 100_000)
        _ = follower.accept([event("a", 150_000)], now: 160_000)
        #expect(follower.queryStart == 100_000)
        _ = follower.accept([event("b", 400_000)], now: 410_000)
        #expect(follower.queryStart == 280_000)
    }

    @Test("a future timestamp does not move the window past events still to come")
    func futureTimestampCapped() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 10_000, holdBack: 0))
        _ = follower.accept([event("future", 1_000_000)], now: 50_000)
        #expect(follower.queryStart == 40_000)
    }

    @Test("memory stays bounded by the events inside the overlap window over a long follow")
    func boundedMemory() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 120_000, holdBack: 500))
        var printed = 0
        var largest = 0
        var next = 0
        // One hour, one poll a second, ten events a second; each poll returns the whole window.
        var window: [FilteredLogEvent] = []
        for second in 1...3_600 {
            let now = Int64(second) * 1_000
            for tick in 0..<10 {
                window.append(event(String(next), now - 1_000 + Int64(tick) * 100))
                next += 1
            }
            window.removeAll { ($0.timestamp ?? 0) < follower.queryStart }
            printed += follower.accept(window, now: now).count
            largest = max(largest, follower.rememberedCount)
        }
        printed += follower.flush().count
        #expect(printed == next)
        #expect(largest <= 121 * 10 + 20)
    }

    @Test("events without an ID are de-duplicated by stream, timestamp and message")
    func missingIDs() {
        var follower = LogFollower(since: 0, settings: .init(overlap: 60_000, holdBack: 0))
        let plain = FilteredLogEvent(logStreamName: "s", timestamp: 5, message: "x", eventId: nil)
        #expect(follower.accept([plain, plain], now: 1_000).count == 1)
        #expect(follower.accept([plain], now: 2_000).isEmpty)
    }
}

@Suite("LogEventFilter and LogFormat")
struct LogEventFilterTests {
    @Test("--qualifier keeps only streams of that version")
    func versionStreams() {
        var filter = LogEventFilter(version: "3")
        let admitted = ["2026/11/23/[3]abcdef", "2026/11/23/[$LATEST]abcdef", "2026/11/23/[31]abcdef"].map {
            filter.admits(event("a", 1, stream: $0))
        }
        #expect(admitted == [true, false, false])
    }

    @Test("--log-stream-prefix is applied client-side because moto ignores it")
    func streamPrefix() {
        var filter = LogEventFilter(streamPrefix: "2026/11/23")
        let admitted = ["2026/11/23/[1]x", "2026/11/22/[1]x"].map { filter.admits(event("a", 1, stream: $0)) }
        #expect(admitted == [true, false])
    }

    @Test("--request-id keeps one invocation from START to REPORT in its stream")
    func requestScope() {
        var filter = LogEventFilter(requestID: "r-1")
        let lines: [(String, String, Bool)] = [
            ("s1", "START RequestId: r-0 Version: $LATEST", false),
            ("s1", "hello from r-0", false),
            ("s2", "START RequestId: r-1 Version: $LATEST", true),
            ("s1", "other stream line", false),
            ("s2", "hello from r-1", true),
            ("s2", "END RequestId: r-1", true),
            ("s2", "REPORT RequestId: r-1 Duration: 2 ms", true),
            ("s2", "START RequestId: r-2 Version: $LATEST", false),
        ]
        for (index, line) in lines.enumerated() {
            let admitted = filter.admits(event(String(index), Int64(index), stream: line.0, line.1))
            #expect(admitted == line.2, "\(line.1)")
        }
        #expect(filter.requestComplete)
    }

    @Test("formats render short, detailed and json lines without the trailing newline")
    func formats() {
        let sample = FilteredLogEvent(
            logStreamName: "s", timestamp: 1_790_000_000_123, message: "hi\n", ingestionTime: 1, eventId: "e")
        #expect(LogFormat.short.render(sample) == "2026-09-21T14:13:20.123Z hi")
        #expect(LogFormat.detailed.render(sample) == "2026-09-21T14:13:20.123Z s hi")
        #expect(
            LogFormat.json.render(sample)
                == #"{"eventId":"e","ingestionTime":1,"logStreamName":"s","message":"hi","timestamp":1790000000123}"#)
    }

    @Test("relative and ISO 8601 times parse", arguments: [
        ("10m", 600.0), ("2h", 7_200.0), ("1d", 86_400.0), ("30s", 30.0), ("45", 45.0), ("1w", 604_800.0),
    ])
    func relativeTimes(text: String, seconds: Double) throws {
        let duration = try #require(TimeSpec.duration(text))
        #expect(TimeSpec.seconds(duration) == seconds)
    }

    @Test("unparseable times are rejected", arguments: ["", "soon", "-5m", "10x"])
    func badTimes(text: String) {
        #expect(TimeSpec.instant(text, now: .init(timeIntervalSince1970: 0)) == nil)
    }

    @Test("an ISO 8601 time is absolute")
    func isoTime() throws {
        let date = try #require(TimeSpec.instant("2026-11-23T12:00:00Z", now: .init(timeIntervalSince1970: 0)))
        #expect(date.timeIntervalSince1970 == 1_795_435_200)
    }
}

@Suite("LogsClient paging")
struct LogsClientPagingTests {
    @Test("DescribeLogGroups and FilterLogEvents read every page and stop at a null or repeated token")
    func paging() async throws {
        let transport = ScriptedTransport { request in
            let body = jsonBody(request)
            let token = body["nextToken"] as? String
            switch request.headers["X-Amz-Target"] {
            case "Logs_20140328.DescribeLogGroups":
                let next: Any = token == nil ? "p2" : NSNull()
                return jsonResponse(200, ["logGroups": [["logGroupName": token ?? "p1"]], "nextToken": next])
            default:
                // A service that keeps answering the same token must not loop forever.
                return jsonResponse(200, ["events": [["eventId": token ?? "first", "timestamp": 1, "message": "m"]], "nextToken": "same"])
            }
        }
        let logs = LogsClient(
            context: testContext(transport, clock: ManualClock(start: .logsTestStart), attempts: 3, jitter: 0.5),
            endpoint: ServiceEndpoint(host: "logs.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "logs"))
        let groups = try await logs.describeLogGroups(prefix: "/aws/lambda/")
        let events = try await logs.filterLogEvents(FilterLogEventsInput(logGroupName: "/g"))
        #expect(groups.map(\.logGroupName) == ["p1", "p2"])
        #expect(events.map(\.eventId) == ["first", "same"])
        #expect(jsonBody(transport.sent[0])["logGroupNamePrefix"] as? String == "/aws/lambda/")
        #expect(jsonBody(transport.sent[2])["interleaved"] as? Bool == true)
    }
}
