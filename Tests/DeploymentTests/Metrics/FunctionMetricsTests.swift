import AWSCloudWatch
import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// The metrics core: the window and its period, the rows a function gets, results placed on
/// the grid with the error rate computed, and the use case over a scripted transport.
@Suite("Function metrics: window, rows and one GetMetricData request")
struct FunctionMetricsTests {
    /// 2026-12-03T13:02:10Z.
    static let now = Date(timeIntervalSince1970: 1_796_302_930)

    @Test("the window ends at now rounded up to the period and holds since/period points")
    func window() {
        let window = MetricsWindow(now: Self.now, since: 3 * 3_600, period: 300, series: 9)
        #expect(window.end == Date(timeIntervalSince1970: 1_796_303_100))
        #expect(window.start == Date(timeIntervalSince1970: 1_796_303_100 - 10_800))
        #expect(window.count == 36 && window.period == 300 && window.note == nil)
    }

    @Test("a period too fine for one answer is raised to whole minutes, with a note")
    func raisedForPage() {
        let window = MetricsWindow(now: Self.now, since: 14 * 86_400, period: 60, series: 12)
        // 14 d × 12 series at 1 m = 241,920 points > 100,800: 3 m (the next whole minute) fits.
        #expect(window.period == 180)
        #expect(window.count * 12 <= CloudWatchClient.pointsPerPage)
        #expect(window.note?.contains("the period is 3m, not 1m") == true)
    }

    @Test("data older than 15 days needs 5-minute periods, older than 63 days hourly ones")
    func raisedForRetention() {
        #expect(MetricsWindow(now: Self.now, since: 20 * 86_400, period: 120, series: 1).period == 300)
        let old = MetricsWindow(now: Self.now, since: 100 * 86_400, period: 300, series: 1)
        #expect(old.period == 3_600 && old.note?.contains("older than 63 days") == true)
    }

    @Test("a function gets nine rows; streams add IteratorAge, a split alias Invocations and Errors per version")
    func layout() {
        let plain = MetricsLayout.series(for: MetricsTarget(function: "f"))
        #expect(plain.map(\.id) == [
            "invocations", "errors", "error_rate", "throttles", "duration_avg", "duration_p50", "duration_p99", "duration_max", "concurrent",
        ])
        let split = MetricsTarget(function: "f", qualifier: "live", splitVersions: ["3", "4"], readsStreams: true)
        let rows = MetricsLayout.series(for: split)
        #expect(rows.map(\.id).suffix(5) == ["iterator_age", "invocations_v3", "errors_v3", "invocations_v4", "errors_v4"])
        let queries = MetricsLayout.queries(for: split, series: rows, period: 60)
        #expect(queries.count == rows.count - 1)  // the rate is computed
        guard case .metric(let metric, 60, "Sum") = queries.last?.source else { Issue.record("not a metric query"); return }
        #expect(metric.dimensions == [
            MetricDimension("FunctionName", "f"), MetricDimension("Resource", "f:live"), MetricDimension("ExecutedVersion", "4"),
        ])
    }

    @Test("results land on the grid (gaps stay empty) and the error rate is errors over invocations")
    func report() {
        let window = MetricsWindow(now: Self.now, since: 300, period: 60, series: 9)
        let grid = window.grid
        let series = MetricsLayout.series(for: MetricsTarget(function: "f"))
        let results = [
            MetricDataResult(id: "invocations", timestamps: [grid[0], grid[1], grid[4]], values: [10, 20, 40]),
            MetricDataResult(id: "errors", timestamps: [grid[1]], values: [5]),
            MetricDataResult(id: "duration_p99", timestamps: [grid[4], grid[4].addingTimeInterval(600)], values: [250, 999]),
        ]
        let report = MetricsReport(target: MetricsTarget(function: "f"), window: window, series: series, results: results)
        let row = { (id: String) in report.rows.first { $0.series.id == id }! }
        #expect(row("invocations").values == [10, 20, nil, nil, 40])
        #expect(row("invocations").summary == 70 && row("invocations").latest == 40)
        #expect(row("error_rate").values == [0, 25, nil, nil, 0])
        #expect(report.summary(of: row("error_rate")) == 100 * 5 / 70.0)
        #expect(row("duration_p99").values == [nil, nil, nil, nil, 250])  // the point off the grid is dropped
        #expect(row("throttles").summary == nil)
    }

    @Test("the use case reads the alias's split and the stream mapping, then sends one GetMetricData")
    func useCase() async throws {
        let transport = ScriptedTransport()
        let clock = ManualClock(start: Self.now)
        let context = testContext(transport, clock: clock)
        transport.on("GET /2015-03-31/functions/f/configuration", jsonResponse(200, ["FunctionName": "f", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:f"]))
        transport.on("GET /2015-03-31/functions/f/aliases/live", jsonResponse(200, [
            "Name": "live", "FunctionVersion": "3", "RoutingConfig": ["AdditionalVersionWeights": ["4": 0.1]],
        ]))
        transport.on("GET /2015-03-31/event-source-mappings", jsonResponse(200, ["EventSourceMappings": [
            ["UUID": "u", "EventSourceArn": "arn:aws:kinesis:us-east-1:1:stream/s", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:f"],
        ]]))
        transport.on("GetMetricData", xml(200, "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults/></GetMetricDataResult></GetMetricDataResponse>"))
        let metrics = FunctionMetrics(
            lambda: LambdaClient(context: context, endpoint: testEndpoint("lambda")),
            cloudWatch: CloudWatchClient(context: context, endpoint: testEndpoint("monitoring")), time: clock.timeSource)
        let target = try await metrics.target(function: "f", qualifier: "live")
        #expect(target == MetricsTarget(function: "f", qualifier: "live", splitVersions: ["3", "4"], readsStreams: true))
        let report = try await metrics.report(target, since: 3_600, period: 300)
        #expect(report.rows.count == 14 && report.window.count == 12)
        #expect(transport.count("GetMetricData") == 1)
        let form = formParameters(try #require(transport.requests(to: "GetMetricData").first))
        #expect(form["MetricDataQueries.member.6.MetricStat.Stat"] == "p99")
        #expect(form["MetricDataQueries.member.6.MetricStat.Metric.Dimensions.member.2.Value"] == "f:live")
        #expect(form["MetricDataQueries.member.14.Id"] == nil)
    }

    @Test("a missing function is refused with a hint, before any metric is read")
    func missingFunction() async throws {
        let transport = ScriptedTransport()
        transport.on("GET /2015-03-31/functions/nope/configuration", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        let context = testContext(transport)
        let metrics = FunctionMetrics(
            lambda: LambdaClient(context: context, endpoint: testEndpoint("lambda")),
            cloudWatch: CloudWatchClient(context: context, endpoint: testEndpoint("monitoring")), time: fixedTime())
        let error = await #expect(throws: LifecycleError.self) { try await metrics.target(function: "nope", qualifier: nil) }
        #expect(error?.category == .refused && error?.hint == .checkFunction("nope", qualified: false))
        #expect(transport.count("GetMetricData") == 0)
    }
}
