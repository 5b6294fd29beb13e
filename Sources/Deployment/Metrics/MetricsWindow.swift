import AWSCloudWatch
import Foundation

/// The time window and period of a metrics view. Pure: `now` is an argument.
///
/// Lambda publishes per minute, so the period is a whole number of minutes. CloudWatch keeps
/// 1-minute points for 15 days, 5-minute points for 63 days and hourly points for 455 days
/// (CloudWatch User Guide, "Metrics retention"), and one GetMetricData answer holds at most
/// 100,800 points; a period too fine for either is raised, with a note that says so.
package struct MetricsWindow: Sendable, Equatable {
    /// The first period's start (a multiple of the period since the epoch).
    package var start: Date
    /// The end of the last period (now, rounded up to the period).
    package var end: Date
    /// The period in seconds.
    package var period: Int
    /// Why the period is not the one asked for, when it is not.
    package var note: String?

    /// The number of periods in the window.
    package var count: Int { Int(end.timeIntervalSince(start)) / period }

    /// The start of each period, oldest first.
    package var grid: [Date] { (0..<count).map { start.addingTimeInterval(Double($0 * period)) } }

    /// The window `since` seconds back from `now` with `period` seconds (raised when needed)
    /// for `series` queries. `period` must be a positive multiple of 60.
    package init(now: Date, since: Int, period requested: Int, series: Int, pointsPerPage: Int = CloudWatchClient.pointsPerPage) {
        var period = max(60, requested)
        var note: String?
        let byPage = Self.roundedUp(Int((Double(since) * Double(max(series, 1)) / Double(pointsPerPage)).rounded(.up)), to: 60)
        if byPage > period {
            period = byPage
            note = "the period is \(Self.text(period)), not \(Self.text(requested)): \(series) metrics over \(Self.text(since)) "
                + "at \(Self.text(requested)) need more points than one CloudWatch answer holds"
        }
        let retention = since > 63 * 86_400 ? 3_600 : since > 15 * 86_400 ? 300 : 60
        if period % retention != 0 {
            period = Self.roundedUp(period, to: retention)
            note = "the period is \(Self.text(period)), not \(Self.text(requested)): CloudWatch keeps only "
                + "\(Self.text(retention)) points for data older than \(retention == 300 ? "15" : "63") days"
        }
        let endSeconds = Self.roundedUp(Int(now.timeIntervalSince1970.rounded(.up)), to: period)
        let periods = max(1, Int((Double(since) / Double(period)).rounded(.up)))
        self.start = Date(timeIntervalSince1970: Double(endSeconds - periods * period))
        self.end = Date(timeIntervalSince1970: Double(endSeconds))
        self.period = period
        self.note = note
    }

    /// `value` rounded up to a multiple of `step`.
    static func roundedUp(_ value: Int, to step: Int) -> Int {
        (value + step - 1) / step * step
    }

    /// `90s`, `5m`, `1h`, `1h30m`, `2d`.
    package static func text(_ seconds: Int) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds >= 3_600, seconds % 60 == 0 { return "\(seconds / 3_600)h\(seconds % 3_600 / 60)m" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
