import AWSCloudWatchLogs
import AWSCore
import Foundation

/// The I/O loop of `lambdactl logs`: polls FilterLogEvents (all pages, interleaved) and hands
/// each poll to `LogFollower`, which decides what to print. When following, it polls every
/// `interval`, backs off on throttling or outages that outlast the client's retries instead of
/// dying, waits for a log group that does not exist yet, and checks the stop conditions.
package struct LogTail: Sendable {
    /// The CloudWatch Logs client.
    package let logs: LogsClient
    /// The clock and sleep (the client context's, so tests run on a manual clock).
    package let time: TimeSource
    /// Receives the lines of one poll at once (the caller writes and flushes them together).
    package let write: @Sendable ([String]) -> Void
    /// Receives progress and warnings for stderr.
    package let notice: @Sendable (String) -> Void

    /// Creates a tail.
    package init(
        logs: LogsClient, time: TimeSource, write: @escaping @Sendable ([String]) -> Void,
        notice: @escaping @Sendable (String) -> Void
    ) {
        self.logs = logs
        self.time = time
        self.write = write
        self.notice = notice
    }

    /// Runs until the range is printed (not following) or a stop condition holds.
    /// Throws `LogGroupMissingError` (not following), `LogStopError` for `--idle-timeout`
    /// and an unmet `--max-duration`, and any error a poll fails with when not following.
    package func run(_ options: LogTailOptions) async throws -> LogTailOutcome {
        let outcome = try await loop(options)
        switch outcome {
        case .idleTimeout:
            throw LogStopError.idle(Self.text(options.idleTimeout))
        case .maxDuration(awaited: true):
            throw LogStopError.notWithin(Self.text(options.maxDuration), awaitingPattern: options.untilPattern != nil)
        default:
            return outcome
        }
    }

    private func loop(_ options: LogTailOptions) async throws -> LogTailOutcome {
        var state = try TailState(options: options, started: time.now())
        var backoff: Duration?
        var waitingNoticed = false
        while true {
            if Task.isCancelled { return state.finish(.interrupted, write: write) }
            if let stop = state.stopCondition(now: time.now()) { return state.finish(stop, write: write) }
            do {
                let events = try await logs.filterLogEvents(state.query())
                if backoff != nil { notice("CloudWatch Logs answers again; following") }
                backoff = nil
                if let end = state.take(events, now: time.now(), write: write) { return end }
                if !options.follow { return state.finish(.finished, write: write) }
                if let until = options.until, time.now() > until { return state.finish(.reachedUntil, write: write) }
            } catch {
                if Task.isCancelled || error is CancellationError { return state.finish(.interrupted, write: write) }
                if Self.isMissingGroup(error) {
                    guard options.follow else { throw LogGroupMissingError(group: options.group, named: options.groupNamed) }
                    if !waitingNoticed { notice("waiting for log group \(options.group) to be created…") }
                    waitingNoticed = true
                } else if options.follow, (error as? CategorizedError)?.category == .unavailable {
                    let next = min(options.maxBackoff, (backoff ?? options.interval) * 2)
                    backoff = next
                    notice("\(Self.oneLine(error)); still following, next poll in \(Self.text(next))")
                } else {
                    throw error
                }
            }
            do {
                try await time.sleep(state.pause(backoff ?? options.interval, now: time.now()))
            } catch {
                return state.finish(.interrupted, write: write)
            }
        }
    }

    /// True for ResourceNotFoundException (the group is missing).
    static func isMissingGroup(_ error: Error) -> Bool {
        (error as? AWSServiceError)?.code == "ResourceNotFoundException"
    }

    /// `30s`, `1.5s`.
    static func text(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let seconds = TimeSpec.seconds(duration)
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
    }

    /// An error on one line.
    static func oneLine(_ error: Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The mutable state of one run: the follower, the filters, the stop clocks. Kept apart from
/// the loop so each step stays small.
struct TailState {
    /// What the run was asked to do.
    let options: LogTailOptions
    /// When the run started (for `--max-duration`).
    let started: Date
    /// The overlap/de-duplication core.
    var follower: LogFollower
    /// Stream, version and request-ID filters (stateful for the request ID).
    var filter: LogEventFilter
    /// When a line was last printed (for `--idle-timeout`).
    var lastActivity: Date
    /// The compiled `--until-pattern`.
    let pattern: NSRegularExpression?

    /// Compiles the pattern; throws a usage error when it is not a regular expression.
    init(options: LogTailOptions, started: Date) throws {
        self.options = options
        self.started = started
        self.lastActivity = started
        self.follower = LogFollower(since: TimeSpec.milliseconds(options.since), settings: options.followerSettings)
        self.filter = options.filter
        do {
            self.pattern = try options.untilPattern.map { try NSRegularExpression(pattern: $0) }
        } catch {
            throw LogsOptionError.invalidUntilPattern(options.untilPattern ?? "")
        }
    }

    /// The FilterLogEvents request of the next poll.
    func query() -> FilterLogEventsInput {
        FilterLogEventsInput(
            logGroupName: options.group, logStreamNamePrefix: options.filter.streamPrefix,
            startTime: follower.queryStart, endTime: options.until.map(TimeSpec.milliseconds),
            filterPattern: options.filterPattern, interleaved: true)
    }

    /// `--max-duration` or `--idle-timeout`, when one has passed.
    func stopCondition(now: Date) -> LogTailOutcome? {
        if let maxDuration = options.maxDuration, now.timeIntervalSince(started) >= TimeSpec.seconds(maxDuration) {
            return .maxDuration(awaited: options.untilPattern != nil || options.filter.requestID != nil)
        }
        if let idle = options.idleTimeout, now.timeIntervalSince(lastActivity) >= TimeSpec.seconds(idle) {
            return .idleTimeout
        }
        return nil
    }

    /// `wanted`, shortened so a sleep never runs past the `--max-duration` or `--idle-timeout`
    /// deadline (a long throttling backoff must not overshoot a CI time box).
    func pause(_ wanted: Duration, now: Date) -> Duration {
        var seconds = TimeSpec.seconds(wanted)
        if let maxDuration = options.maxDuration {
            seconds = min(seconds, TimeSpec.seconds(maxDuration) - now.timeIntervalSince(started))
        }
        if let idle = options.idleTimeout {
            seconds = min(seconds, TimeSpec.seconds(idle) - now.timeIntervalSince(lastActivity))
        }
        return .milliseconds(Int64(max(0.01, seconds) * 1000))
    }

    /// Feeds one poll; prints what is ready; returns an outcome when a line ended the run.
    mutating func take(_ events: [FilteredLogEvent], now: Date, write: ([String]) -> Void) -> LogTailOutcome? {
        var ready = follower.accept(events, now: TimeSpec.milliseconds(now))
        if !options.follow { ready += follower.flush() }
        let (lines, outcome) = render(ready)
        if !lines.isEmpty {
            lastActivity = now
            write(lines)
        }
        return outcome
    }

    /// Prints what is held back and returns `outcome`.
    mutating func finish(_ outcome: LogTailOutcome, write: ([String]) -> Void) -> LogTailOutcome {
        let (lines, early) = render(follower.flush())
        if !lines.isEmpty { write(lines) }
        return early ?? outcome
    }

    /// Filters and formats events; stops after a line matching `--until-pattern` or the REPORT line.
    mutating func render(_ events: [FilteredLogEvent]) -> ([String], LogTailOutcome?) {
        var lines: [String] = []
        for event in events where filter.admits(event) {
            lines.append(options.format.render(event))
            if let pattern {
                let message = LogFormat.trimmed(event.message ?? "")
                // A JSON-format platform record also matches as the START/REPORT line it stands for.
                let candidates = [message] + (PlatformRecord(message)?.textLine.map { [$0] } ?? [])
                let matched = candidates.contains {
                    pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
                }
                if matched { return (lines, .matched) }
            }
            if filter.requestComplete { return (lines, .requestComplete) }
        }
        return (lines, nil)
    }
}
