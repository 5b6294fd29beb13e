import AWSCloudWatch
import Deployment
import Foundation
import Testing
@testable import lambdactl

/// The metrics screen: sparklines of block characters, rows within 80 columns, colour only when
/// asked, and the JSON document's points.
@Suite("The metrics screen and its JSON")
struct MetricsTextTests {
    @Test("a sparkline scales counts from 0 and other series from their smallest value; a gap is a space")
    func sparkline() {
        #expect(Sparkline.render([0, 1, 2, 4, 8, nil, 8], width: 36) == "▁▂▃▅█ █")
        #expect(Sparkline.render([0, 0], width: 36) == "▁▁")
        #expect(Sparkline.render([nil, nil], width: 36) == "  ")
        #expect(Sparkline.render([100, 107, 114, nil], width: 36, fromZero: false) == "▁▅█ ")
        #expect(Sparkline.render([120, 120], width: 36, fromZero: false) == "▄▄")
    }

    @Test("more values than columns are combined in even runs: summed for counts, else the largest")
    func resample() {
        let values: [Double?] = [1, 1, 1, 1, 4, nil]
        #expect(Sparkline.resample(values, width: 3, combine: { $0.reduce(0, +) }) == [2, 2, 4])
        #expect(Sparkline.resample(values, width: 3, combine: { $0.max() ?? 0 }) == [1, 1, 4])
        #expect(Sparkline.render((0..<1_440).map { Double($0) }, width: 36).count == 36)
    }

    static func report(points: Int = 36) -> MetricsReport {
        let window = MetricsWindow(now: Date(timeIntervalSince1970: 1_796_302_800), since: points * 300, period: 300, series: 9)
        let grid = window.grid
        let series = MetricsLayout.series(for: MetricsTarget(function: "hello", qualifier: "live"))
        let results = [
            MetricDataResult(id: "invocations", timestamps: grid, values: grid.indices.map { Double($0 * 40) }),
            MetricDataResult(id: "errors", timestamps: [grid[3]], values: [12]),
            MetricDataResult(id: "duration_p99", timestamps: grid, values: grid.indices.map { Double(900 + $0 * 50) }),
        ]
        return MetricsReport(target: MetricsTarget(function: "hello", qualifier: "live"), window: window, series: series, results: results)
    }

    @Test("every line fits 80 columns and each row shows its latest value and window summary")
    func rows() {
        let text = MetricsText.describe(Self.report())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(lines[0] == "hello:live  5m periods  2026-12-03 10:00 → 13:00 UTC")
        let invocations = try? #require(lines.first { $0.hasPrefix("Invocations") })
        #expect(invocations?.hasSuffix("1,400    total 25,200") == true, "\(text)")
        #expect(lines.contains { $0.hasPrefix("Error rate") && $0.hasSuffix("overall 0.05%") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("Duration p99") && $0.hasSuffix("2.65 s      max 2.65 s") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("Throttles") && $0.hasSuffix("–         no data") }, "\(text)")
        #expect(!text.contains("\u{1B}["))
    }

    @Test("colour paints the sparklines only when asked: errors red, the rest cyan")
    func color() {
        let text = MetricsText.describe(Self.report(), color: true)
        #expect(text.contains("\u{1B}[31m"))
        #expect(text.contains("\u{1B}[36m"))
        let plain = text.replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[36m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(plain == MetricsText.describe(Self.report()))
    }

    @Test("values read as counts, milliseconds, seconds and percentages")
    func values() {
        #expect(MetricsText.value(1_234, unit: "Count") == "1,234")
        #expect(MetricsText.value(0.5, unit: "Count") == "0.5")
        #expect(MetricsText.value(245.4, unit: "Milliseconds") == "245 ms")
        #expect(MetricsText.value(1_250, unit: "Milliseconds") == "1.25 s")
        #expect(MetricsText.value(0.4, unit: "Percent") == "0.4%")
    }

    @Test("the JSON document has each metric's points with data, its latest value and its summary by kind")
    func json() throws {
        let encoder = JSONEncoder()
        let data = try encoder.encode(MetricsDocument(Self.report()))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["function"] as? String == "hello" && object["qualifier"] as? String == "live")
        #expect(object["period"] as? Int == 300 && object["start"] as? String == "2026-12-03T10:00:00Z")
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        let errors = try #require(metrics.first { $0["id"] as? String == "errors" })
        #expect(errors["timestamps"] as? [String] == ["2026-12-03T10:15:00Z"])
        #expect(errors["values"] as? [Double] == [12])
        #expect((errors["summary"] as? [String: Any])?["total"] as? Double == 12)
        let p99 = try #require(metrics.first { $0["id"] as? String == "duration_p99" })
        #expect((p99["summary"] as? [String: Any])?["maximum"] as? Double == 2_650)
        #expect(p99["statistic"] as? String == "p99" && p99["unit"] as? String == "Milliseconds")
    }

    @Test("--period takes whole minutes of at least 1m and --since at least one period")
    func options() throws {
        #expect(try Metrics.seconds(since: "3h", period: "5m") == (10_800, 300))
        #expect(throws: (any Error).self) { try Metrics.seconds(since: "3h", period: "30s") }
        #expect(throws: (any Error).self) { try Metrics.seconds(since: "3h", period: "90s") }
        #expect(throws: (any Error).self) { try Metrics.seconds(since: "2m", period: "5m") }
        #expect(throws: (any Error).self) { try Metrics.seconds(since: "500d", period: "1h") }
        #expect(throws: (any Error).self) { try Metrics.parse(["f", "--watch", "--output", "json"]) }
    }
}
