import Foundation
import Testing

/// The python snippet that creates a group and streams: argv[1] group, argv[2:] streams.
private let createGroup = """
    logs = client("logs")
    logs.create_log_group(logGroupName=sys.argv[1])
    for s in sys.argv[2:]: logs.create_log_stream(logGroupName=sys.argv[1], logStreamName=s)
    """

/// Puts events described as JSON [[stream, offsetMilliseconds, message], ...] relative to now,
/// in bursts separated by pauses: argv[1] group, argv[2] JSON list of bursts, argv[3] pause seconds.
private let putBursts = """
    logs = client("logs")
    bursts = json.load(open(sys.argv[2]))
    for burst in bursts:
        now = int(time.time() * 1000)
        by_stream = {}
        for stream, offset, message in burst:
            by_stream.setdefault(stream, []).append({"timestamp": now + offset, "message": message})
        for stream, events in by_stream.items():
            events.sort(key=lambda e: e["timestamp"])
            for i in range(0, len(events), 5000):
                logs.put_log_events(logGroupName=sys.argv[1], logStreamName=stream, logEvents=events[i:i+5000])
        time.sleep(float(sys.argv[3]))
    """

/// Writes the burst plan to a temporary file (10,000 events exceed the argument list) and returns its path.
private func bursts(_ value: [[[Any]]]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-bursts-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: value).write(to: url)
    return url.path
}

extension LogsRoutesIntegration {
    @Suite("logs against moto")
    struct Logs {
        @Test("follow prints events from two streams, late events and new streams exactly once")
        func followTwoStreamsWithLateEvents() throws {
            let group = "/aws/lambda/" + LogsRoutesHarness.unique("follow")
            try LogsRoutesHarness.python(createGroup, arguments: [group, "a", "b", "c"])
            let tail = try BackgroundCommand.start([
                "logs", "--log-group", group, "--follow", "--format", "json", "--since", "1h",
                "--until-pattern", "^DONE$", "--max-duration", "60s",
            ])
            defer { tail.stop() }
            usleep(1_500_000)
            let plan: [[[Any]]] = [
                (0..<20).map { ["a", $0, "a\($0)"] },
                (0..<20).map { ["b", -60_000 + $0, "late-b\($0)"] },  // late, a minute older
                (20..<40).map { ["a", $0, "a\($0)"] } + (0..<10).map { ["c", -5_000 - $0, "new-c\($0)"] },
                [["a", 0, "DONE"]],
            ]
            try LogsRoutesHarness.python(putBursts, arguments: [group, try bursts(plan), "1.2"])
            let result = tail.wait()
            let expected = plan.flatMap { $0.map { $0[2] as! String } }
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(printedMessages(result.stdout).sorted() == expected.sorted())
        }

        @Test("10,000 events put in bursts are each printed exactly once while following")
        func tenThousandInBursts() throws {
            let group = "/aws/lambda/" + LogsRoutesHarness.unique("burst")
            let streams = (0..<5).map { "2026/11/23/[$LATEST]s\($0)" }
            try LogsRoutesHarness.python(createGroup, arguments: [group] + streams)
            let tail = try BackgroundCommand.start([
                "logs", "--log-group", group, "--follow", "--format", "json", "--since", "1h",
                "--until-pattern", "^DONE$", "--max-duration", "120s",
            ])
            defer { tail.stop() }
            usleep(1_000_000)
            var plan: [[[Any]]] = (0..<10).map { burst in
                (0..<1_000).map { index in [streams[index % 5], -(index % 7) * 10, "e\(burst * 1_000 + index)"] }
            }
            plan.append([[streams[0], 500, "DONE"]])
            try LogsRoutesHarness.python(putBursts, arguments: [group, try bursts(plan), "0.4"])
            let result = tail.wait(limit: 150)
            let messages = printedMessages(result.stdout)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(messages.count == 10_001)
            #expect(Set(messages).count == 10_001)
        }

        @Test("injected throttling during a follow slows it down but loses nothing")
        func throttlingDuringFollow() throws {
            let group = "/aws/lambda/" + LogsRoutesHarness.unique("throttle")
            try LogsRoutesHarness.python(createGroup, arguments: [group, "a"])
            let logStart = try LogsRoutesHarness.proxyLog().count
            try LogsRoutesHarness.controlCall(
                "POST", "/faults", ["throttle_rate": 0.6, "fault_operations": ["FilterLogEvents"], "seed": 7])
            defer { _ = try? LogsRoutesHarness.controlCall("POST", "/faults", ["throttle_rate": NSNull(), "fault_operations": NSNull()]) }
            let tail = try BackgroundCommand.start([
                "logs", "--log-group", group, "--follow", "--format", "json", "--since", "1h",
                "--until-pattern", "^DONE$", "--max-duration", "90s",
            ])
            defer { tail.stop() }
            let plan: [[[Any]]] = (0..<6).map { burst in (0..<50).map { ["a", $0, "t\(burst)-\($0)"] } } + [[["a", 100, "DONE"]]]
            try LogsRoutesHarness.python(putBursts, arguments: [group, try bursts(plan), "1.5"])
            let result = tail.wait()
            let throttled = try LogsRoutesHarness.proxyLog(since: logStart).filter { $0["fault"] as? String == "throttle" }
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(printedMessages(result.stdout).sorted() == plan.flatMap { $0.map { $0[2] as! String } }.sorted())
            #expect(throttled.count > 0)
        }

        @Test("--idle-timeout exits 10; a missing group exits 4 with one line; Ctrl-C exits 130")
        func stopConditions() throws {
            let group = "/aws/lambda/" + LogsRoutesHarness.unique("idle")
            try LogsRoutesHarness.python(createGroup, arguments: [group, "a"])
            try LogsRoutesHarness.python(putBursts, arguments: [group, try bursts([[["a", 0, "only"]]]), "0"])
            let idle = try CommandRunner.run(
                ["logs", "--log-group", group, "--follow", "--idle-timeout", "3s"],
                environment: LogsRoutesHarness.commandEnvironment)
            #expect(idle.exitCode == 10)
            #expect(idle.stdout.hasSuffix(" only\n"))
            #expect(idle.stderr.contains("--idle-timeout"))

            let missing = try CommandRunner.run(
                ["logs", "--log-group", group + "-nope"], environment: LogsRoutesHarness.commandEnvironment)
            #expect(missing.exitCode == 4)
            // Issue 8, item 13: no "invoke the function first" with --log-group.
            #expect(missing.stderr == "lambdactl: error: log group \(group)-nope does not exist: check --log-group and --region, or use --follow to wait for it\n")

            let tail = try BackgroundCommand.start(["logs", "--log-group", group, "--follow"])
            usleep(2_000_000)
            tail.interrupt()
            let interrupted = tail.wait(limit: 10)
            #expect(interrupted.exitCode == 130)
            #expect(interrupted.stdout.hasSuffix(" only\n"))
        }

        @Test("--until-pattern exits 0 at the first matching line, printing nothing after it")
        func untilPattern() throws {
            let group = "/aws/lambda/" + LogsRoutesHarness.unique("until")
            try LogsRoutesHarness.python(createGroup, arguments: [group, "a"])
            try LogsRoutesHarness.python(
                putBursts, arguments: [group, try bursts([[["a", 0, "booting"], ["a", 1, "ready 8080"], ["a", 2, "after"]]]), "0"])
            let result = try CommandRunner.run(
                ["logs", "--log-group", group, "--follow", "--until-pattern", "ready [0-9]+", "--max-duration", "30s"],
                environment: LogsRoutesHarness.commandEnvironment)
            #expect(result.exitCode == 0)
            #expect(result.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).last ?? "" } == ["booting", "ready 8080"])
        }
    }
}
