import ArgumentParser
import AWSCore
import Deployment
import Dispatch
import Foundation

/// `lambdactl logs`: print a function's logs, or follow them without losing an event.
struct Logs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print or follow a function's CloudWatch logs; every event exactly once.",
        discussion: """
            Exit codes: 0 when done, when --until-pattern matched, or when --request-id's REPORT line \
            was printed; 10 on --idle-timeout, and on --max-duration while waiting for \
            --until-pattern or --request-id (plain --max-duration exits 0); 130 on Ctrl-C.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN (its log group is LoggingConfig.LogGroup or /aws/lambda/NAME).")
    var function: String?

    @Option(name: .customLong("log-group"), help: "Read this log group instead of the function's.")
    var logGroup: String?

    @Flag(help: "Keep printing new events until a stop condition or Ctrl-C.")
    var follow = false

    @Option(help: "Start this far back (10m, 2h, 1h30m, 1d) or at an ISO 8601 time.")
    var since = "10m"

    @Option(help: "Stop at this time (relative or ISO 8601).")
    var until: String?

    @Option(name: .customLong("filter-pattern"), help: "A CloudWatch Logs filter pattern.")
    var filterPattern: String?

    @Option(name: .customLong("log-stream-prefix"), help: "Only streams whose names start with this.")
    var logStreamPrefix: String?

    @Option(help: "Only streams of this version; an alias means the version it points to.")
    var qualifier: String?

    @Option(name: .customLong("request-id"), help: "Print one invocation, from its START to its REPORT line.")
    var requestID: String?

    @Option(help: "Line format: short, detailed or json (default short; json with --output json).")
    var format: String?

    @Option(help: "Time between polls when following: seconds or a duration (2, 500ms, 1m).")
    var interval: String = "1"

    @Option(name: .customLong("until-pattern"), help: "Exit 0 at the first line matching this regular expression.")
    var untilPattern: String?

    @Option(name: .customLong("idle-timeout"), help: "Exit 10 when no new event came for this long (30s, 5m).")
    var idleTimeout: String?

    @Option(name: .customLong("max-duration"), help: "Stop after this long (exit 0, or 10 while waiting for a pattern or request).")
    var maxDuration: String?

    func validate() throws {
        guard (function == nil) != (logGroup == nil) else {
            throw ValidationError("give a FUNCTION or --log-group GROUP (exactly one)")
        }
        if logGroup != nil, qualifier != nil {
            throw ValidationError("--qualifier needs a FUNCTION to resolve, not --log-group")
        }
        guard format.map({ LogFormat(rawValue: $0) != nil }) ?? true else {
            throw ValidationError("--format takes short, detailed or json")
        }
        guard let poll = DurationSpec.parse(interval), poll >= .milliseconds(200), poll <= .seconds(3600) else {
            throw ValidationError("--interval takes 0.2 s to 1 h (faster polling only gets throttled), e.g. --interval 2 or --interval 500ms")
        }
        guard TimeSpec.instant(since, now: SystemClock.time.now()) != nil else {
            throw ValidationError("--since takes 10m, 2h, 1d or an ISO 8601 time such as 2026-11-23T12:00:00Z")
        }
        if let until, TimeSpec.instant(until, now: SystemClock.time.now()) == nil {
            throw ValidationError("--until takes 10m, 2h, 1d or an ISO 8601 time such as 2026-11-23T12:00:00Z")
        }
        try Self.checkRange(since: since, until: until, now: SystemClock.time.now())
        for (name, value) in [("--idle-timeout", idleTimeout), ("--max-duration", maxDuration)] {
            if let value, TimeSpec.duration(value) == nil || TimeSpec.duration(value) == .zero {
                throw ValidationError("\(name) takes a duration such as 30s, 5m, 1h30m or 1d")
            }
        }
        if let untilPattern, (try? NSRegularExpression(pattern: untilPattern)) == nil {
            throw ValidationError("--until-pattern is not a valid regular expression")
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let options = try await resolve(app)
        let tail = LogTail(
            logs: try app.logs(), time: app.context.time, write: LineWriter.write,
            notice: { [console = app.console] in console.info($0) })
        let task = Task { try await tail.run(options) }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        let outcome = try await task.value
        interrupt.cancel()
        let code = ExitStatus.code(for: outcome)
        if code != ExitStatus.success { LambdaCtl.exit(code) }
    }

    /// The line format: `--format`, else `json` under `--output json`, else `short`.
    var lineFormat: LogFormat {
        format.flatMap(LogFormat.init(rawValue:)) ?? (global.output == .json ? .json : .short)
    }

    /// Refuses a `--since` in the future (a minute of clock difference allowed) and an
    /// `--until` that is not after `--since`: both would silently print nothing.
    static func checkRange(since: String, until: String?, now: Date) throws {
        guard let start = TimeSpec.instant(since, now: now) else { return }
        if start.timeIntervalSince(now) > 60 {
            throw ValidationError("--since \(since) is in the future; give a past time such as --since 10m or --since 2026-11-23T12:00:00Z")
        }
        if let until, let end = TimeSpec.instant(until, now: now), end <= start {
            throw ValidationError("--until \(until) is not after --since \(since); relative times count back from now, so --since 2h --until 1h is the hour before last")
        }
    }

    /// Resolves the log group and the qualifier's version, and turns options into values.
    func resolve(_ app: AppEnvironment) async throws -> LogTailOptions {
        let now = app.context.time.now()
        var group = logGroup ?? ""
        var version: String?
        if let function {
            let lambda = try app.functionPermissions()
            group = try await lambda.logGroup(function: function)
            if let qualifier { version = try await lambda.version(function: function, qualifier: qualifier) }
        }
        var options = LogTailOptions(
            group: group, follow: follow, since: TimeSpec.instant(since, now: now) ?? now,
            until: until.flatMap { TimeSpec.instant($0, now: now) }, filterPattern: filterPattern,
            filter: LogEventFilter(streamPrefix: logStreamPrefix, version: version, requestID: requestID),
            format: lineFormat, interval: DurationSpec.parse(interval) ?? .seconds(1),
            untilPattern: untilPattern, idleTimeout: idleTimeout.flatMap(TimeSpec.duration),
            maxDuration: maxDuration.flatMap(TimeSpec.duration))
        options.groupNamed = logGroup != nil
        return options
    }
}
