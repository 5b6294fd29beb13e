import ArgumentParser
import AWSCloudWatch
import Deployment
import Foundation

/// `lambdactl metrics`: a function's health over a window, one sparkline per metric.
struct Metrics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Show a function's invocations, errors, throttles, duration and concurrency as terminal charts.",
        discussion: """
            One GetMetricData request (every page) for Invocations, Errors and the error rate, \
            Throttles, Duration (average, p50, p99, maximum) and ConcurrentExecutions, plus \
            IteratorAge when a Kinesis or DynamoDB stream invokes the function, and Invocations and \
            Errors per version when the --qualifier alias splits its traffic. The period is raised, \
            with a note on stderr, when the window needs more points than one CloudWatch answer holds \
            or older data than CloudWatch keeps at that period. --watch redraws every 10 s until Ctrl-C \
            (exit 130). Colour only on a terminal, never with NO_COLOR or --no-color.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "An alias or version: its metrics (the Resource dimension) instead of the whole function's.")
    var qualifier: String?

    @Option(help: "How far back: 30m, 3h, 1d, 2w (at most 455d).")
    var since = "3h"

    @Option(help: "The length of one point: 1m, 5m, 1h (whole minutes, at least 1m).")
    var period = "5m"

    @Flag(help: "Redraw every 10 s until Ctrl-C (text output only).")
    var watch = false

    /// The refresh interval of `--watch`.
    static let watchInterval: Duration = .seconds(10)

    func validate() throws {
        _ = try Self.seconds(since: since, period: period)
        if watch, global.output == .json {
            throw ValidationError("--watch redraws text; for JSON leave out --watch and run the command again when you need new points")
        }
    }

    /// `--since` and `--period` in seconds, checked.
    static func seconds(since: String, period: String) throws -> (since: Int, period: Int) {
        guard let periodDuration = DurationSpec.parse(period), case let seconds = Int(TimeSpec.seconds(periodDuration)),
              seconds >= 60, seconds % 60 == 0, Double(seconds) == TimeSpec.seconds(periodDuration)
        else {
            throw ValidationError("--period takes whole minutes of at least 1m (Lambda publishes per minute), e.g. --period 1m or --period 5m")
        }
        guard let sinceDuration = DurationSpec.parse(since), case let back = Int(TimeSpec.seconds(sinceDuration).rounded(.up)),
              back >= seconds, back <= 455 * 86_400
        else {
            throw ValidationError("--since takes a duration from one period to 455d, e.g. --since 3h or --since 2d")
        }
        return (back, seconds)
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let (since, period) = try Self.seconds(since: since, period: period)
        let metrics = try app.functionMetrics()
        let target = try await metrics.target(function: name, qualifier: qualifier)
        let terminal = isatty(1) == 1
        let color = Console.colors(isTerminal: terminal, environment: app.environment.variables) && !global.noColor
        let watch = watch
        try await Interruption.cancellingOnInterrupt {
            var noted: String?
            repeat {
                let report = try await metrics.report(target, since: since, period: period)
                if let note = report.window.note, note != noted {
                    app.console.info("note: \(note)")
                    noted = note
                }
                if watch {
                    let frame = MetricsText.describe(report, color: color)
                    app.output.line(terminal ? "\u{1B}[H\u{1B}[J" + frame : frame + "\n")
                    try await app.context.time.sleep(Self.watchInterval)
                } else {
                    try app.output.emit(MetricsDocument(report)) { MetricsText.describe(report, color: color) }
                }
            } while watch
        }
    }
}

/// `metrics --output json`: the window and, per metric, the timestamps and values it has.
struct MetricsDocument: Encodable {
    var report: MetricsReport

    init(_ report: MetricsReport) { self.report = report }

    enum CodingKeys: String, CodingKey { case function, qualifier, start, end, period, note, metrics }

    struct Metric: Encodable {
        var row: MetricsReport.Row
        var summary: Double?
        var grid: [Date]

        enum CodingKeys: String, CodingKey { case id, metric, statistic, unit, version, timestamps, values, latest, summary }
        enum SummaryKeys: String, CodingKey { case total, maximum, rate }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.series.id, forKey: .id)
            try container.encode(row.series.metric, forKey: .metric)
            try container.encode(row.series.statistic, forKey: .statistic)
            try container.encode(row.series.unit, forKey: .unit)
            try container.encode(row.series.version, forKey: .version)
            let points = zip(grid, row.values).compactMap { stamp, value in value.map { (stamp, $0) } }
            try container.encode(points.map { CloudWatchDate.text($0.0) }, forKey: .timestamps)
            try container.encode(points.map(\.1), forKey: .values)
            try container.encode(row.latest, forKey: .latest)
            var nested = container.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
            let key: SummaryKeys = switch row.series.summary {
            case .total: .total
            case .maximum: .maximum
            case .rate: .rate
            }
            try nested.encode(summary, forKey: key)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.target.function, forKey: .function)
        try container.encode(report.target.qualifier, forKey: .qualifier)
        try container.encode(CloudWatchDate.text(report.window.start), forKey: .start)
        try container.encode(CloudWatchDate.text(report.window.end), forKey: .end)
        try container.encode(report.window.period, forKey: .period)
        try container.encode(report.window.note, forKey: .note)
        let grid = report.window.grid
        try container.encode(report.rows.map { Metric(row: $0, summary: report.summary(of: $0), grid: grid) }, forKey: .metrics)
    }
}
