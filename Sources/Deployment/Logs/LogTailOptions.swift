import AWSCore
import Foundation

/// What `lambdactl logs` was asked to do, resolved to absolute values.
package struct LogTailOptions: Sendable {
    /// The log group.
    package var group: String
    /// True when the group was named (`--log-group`) rather than derived from a function.
    package var groupNamed: Bool = false
    /// Keep polling after the first read.
    package var follow: Bool
    /// Earliest event time.
    package var since: Date
    /// Latest event time (exclusive), if any.
    package var until: Date?
    /// A CloudWatch Logs filter pattern, sent to the server.
    package var filterPattern: String?
    /// Client-side (and server-side) stream filters and the request-ID scope.
    package var filter: LogEventFilter
    /// The output format.
    package var format: LogFormat
    /// The poll interval when following.
    package var interval: Duration
    /// Stop with success at the first printed line matching this regular expression.
    package var untilPattern: String?
    /// Stop (exit 10) when no new event was printed for this long.
    package var idleTimeout: Duration?
    /// Stop after this long (see `LogTailOutcome.maxDuration`).
    package var maxDuration: Duration?
    /// Overlap window and hold-back.
    package var followerSettings: LogFollower.Settings
    /// The longest backoff interval after repeated throttling.
    package var maxBackoff: Duration

    /// Creates options.
    package init(
        group: String, follow: Bool = false, since: Date, until: Date? = nil, filterPattern: String? = nil,
        filter: LogEventFilter = LogEventFilter(), format: LogFormat = .short, interval: Duration = .seconds(1),
        untilPattern: String? = nil, idleTimeout: Duration? = nil, maxDuration: Duration? = nil,
        followerSettings: LogFollower.Settings = LogFollower.Settings(), maxBackoff: Duration = .seconds(30)
    ) {
        self.group = group
        self.follow = follow
        self.since = since
        self.until = until
        self.filterPattern = filterPattern
        self.filter = filter
        self.format = format
        self.interval = interval
        self.untilPattern = untilPattern
        self.idleTimeout = idleTimeout
        self.maxDuration = maxDuration
        self.followerSettings = followerSettings
        self.maxBackoff = maxBackoff
    }
}

/// How a `logs` run ended. The CLI's `ExitStatus` turns it into the process exit status.
package enum LogTailOutcome: Sendable, Equatable {
    /// Not following: every event in the range was printed.
    case finished
    /// `--until-pattern` matched a line.
    case matched
    /// `--request-id`: the invocation's REPORT line was printed.
    case requestComplete
    /// `--until` passed while following.
    case reachedUntil
    /// `--idle-timeout` passed without a new event.
    case idleTimeout
    /// `--max-duration` passed; `awaited` is true when `--until-pattern` or `--request-id`
    /// was waiting for something that never came.
    case maxDuration(awaited: Bool)
    /// SIGINT (Ctrl-C).
    case interrupted

    /// True when what the run waited for did not happen: the idle timeout passed, or the
    /// maximum duration while waiting for a pattern or a request. (Ctrl-C is not: it is a
    /// cancellation.) The CLI's `ExitStatus` decides what exit code that is.
    package var isUnmet: Bool {
        switch self {
        case .finished, .matched, .requestComplete, .reachedUntil, .interrupted: false
        case .maxDuration(let awaited): awaited
        case .idleTimeout: true
        }
    }
}

/// A stop condition ended the run unsuccessfully (category `.stopCondition`). A value naming no flag: the CLI words it with the option that set the limit.
package enum LogStopError: CategorizedError, CustomStringConvertible, Equatable {
    /// No new event arrived for the idle timeout (`idle`, as `30s`).
    case idle(String)
    /// What the run waited for (a line matching the until-pattern when `awaitingPattern`, else
    /// the request's REPORT line) did not come within the maximum duration (`limit`, as `5m`).
    case notWithin(String, awaitingPattern: Bool)

    package var category: ErrorCategory { .stopCondition }

    /// The sentence in plain words.
    package var description: String {
        switch self {
        case .idle(let idle): "no new log event for \(idle) (the idle timeout)"
        case .notWithin(let limit, let awaitingPattern):
            "\(awaitingPattern ? "no line matched the until pattern" : "the request did not finish") within \(limit) "
                + "(the maximum duration)"
        }
    }
}

/// The log group does not exist and we are not following.
package struct LogGroupMissingError: HintedError, CustomStringConvertible {
    /// The group's name.
    package let group: String
    /// True when the user named the group (`--log-group`): then no function is involved.
    package let named: Bool
    /// Creates the error.
    package init(group: String, named: Bool = false) {
        self.group = group
        self.named = named
    }
    package var category: ErrorCategory { .refused }
    package var facts: String { named ? "log group \(group) does not exist" : "log group \(group) does not exist yet" }
    package var hint: Hint? { named ? .checkLogGroupOrFollow : .invokeOrFollow }
    package var hintSeparator: String { ": " }
    /// The sentence in plain words (the CLI prints `message(CommandLineHints())`).
    package var description: String { message(PlainHintWording()) }
}
