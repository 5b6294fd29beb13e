import AWSCloudWatch
import Foundation

/// A function's metrics over a window: one row per series on the window's period grid. Pure:
/// built from GetMetricData's results.
package struct MetricsReport: Sendable, Equatable {
    /// Who the metrics are of.
    package var target: MetricsTarget
    /// The window and period.
    package var window: MetricsWindow
    /// The rows, in the order shown.
    package var rows: [Row]

    /// One metric's points on the grid.
    package struct Row: Sendable, Equatable {
        /// What it is.
        package var series: MetricSeries
        /// One value per period of the window; nil where CloudWatch has no point.
        package var values: [Double?]

        /// The newest value there is.
        package var latest: Double? { values.last { $0 != nil } ?? nil }

        /// The window's total (counts) or maximum; a rate row's is computed by the report.
        package var summary: Double? {
            let present = values.compactMap { $0 }
            guard !present.isEmpty else { return nil }
            switch series.summary {
            case .total: return present.reduce(0, +)
            case .maximum, .rate: return present.max()
            }
        }
    }

    /// Creates a report from rows.
    package init(target: MetricsTarget, window: MetricsWindow, rows: [Row]) {
        self.target = target
        self.window = window
        self.rows = rows
    }

    /// Places each result's points on the window's grid (points off the grid are dropped) and
    /// computes the error rate from the Errors and Invocations rows.
    package init(target: MetricsTarget, window: MetricsWindow, series: [MetricSeries], results: [MetricDataResult]) {
        let byID = Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let start = window.start.timeIntervalSince1970
        func values(_ id: String) -> [Double?] {
            var values = [Double?](repeating: nil, count: window.count)
            guard let result = byID[id] else { return values }
            for (stamp, value) in zip(result.timestamps, result.values) {
                let offset = stamp.timeIntervalSince1970 - start
                let index = Int((offset / Double(window.period)).rounded(.down))
                if offset >= 0, index < values.count { values[index] = value }
            }
            return values
        }
        let invocations = values("invocations")
        let errors = values("errors")
        let rows = series.map { row -> Row in
            guard row.isComputed else { return Row(series: row, values: values(row.id)) }
            return Row(series: row, values: zip(errors, invocations).map { error, count in
                guard let count, count > 0 else { return nil }
                return 100 * (error ?? 0) / count
            })
        }
        self.init(target: target, window: window, rows: rows)
    }

    /// The window's summary of `row`: for the rate, all errors over all invocations.
    package func summary(of row: Row) -> Double? {
        guard row.series.summary == .rate else { return row.summary }
        let total = { (id: String) in self.rows.first { $0.series.id == id }?.summary }
        guard let invocations = total("invocations"), invocations > 0 else { return nil }
        return 100 * (total("errors") ?? 0) / invocations
    }
}
