import Deployment
import Foundation

/// The metrics screen: a header, then one row per metric — label, sparkline, latest value and
/// the window's total or maximum — within 80 columns. Colour only when asked. Pure.
enum MetricsText {
    /// The widest line.
    static let columns = 80
    /// Label, sparkline, latest and summary column widths (with a space between each: 80 columns).
    static let labelWidth = 15, sparklineWidth = 36, latestWidth = 11, summaryWidth = 15

    /// The whole screen.
    static func describe(_ report: MetricsReport, color: Bool = false) -> String {
        var lines = [header(report), pad("METRIC", labelWidth) + " " + pad("LAST \(MetricsWindow.text(Int(report.window.end.timeIntervalSince(report.window.start))))", sparklineWidth)
            + " " + leftPad("LATEST", latestWidth) + " " + leftPad("WINDOW", summaryWidth)]
        for row in report.rows {
            let combine: ([Double]) -> Double = row.series.summary == .total ? { $0.reduce(0, +) } : { $0.max() ?? 0 }
            let line = Sparkline.render(row.values, width: sparklineWidth, fromZero: row.series.unit == "Count", combine: combine)
            let spark = pad(line, sparklineWidth)
            let summary = report.summary(of: row).map { "\(summaryWord(row.series.summary)) \(value($0, unit: row.series.unit))" } ?? "no data"
            lines.append(
                pad(label(row.series), labelWidth) + " " + paint(spark, code: colorCode(row, report), when: color) + " "
                    + leftPad(row.latest.map { value($0, unit: row.series.unit) } ?? "–", latestWidth) + " "
                    + leftPad(summary, summaryWidth))
        }
        return lines.joined(separator: "\n")
    }

    /// `hello:live  5m periods  2026-12-03 10:55 → 13:55 UTC`.
    static func header(_ report: MetricsReport) -> String {
        let name = report.target.function + (report.target.qualifier.map { ":\($0)" } ?? "")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let start = formatter.string(from: report.window.start)
        formatter.dateFormat = Calendar.utc.isDate(report.window.start, inSameDayAs: report.window.end) ? "HH:mm" : "yyyy-MM-dd HH:mm"
        let end = formatter.string(from: report.window.end)
        return "\(name)  \(MetricsWindow.text(report.window.period)) periods  \(start) → \(end) UTC"
    }

    /// The row's label: `Invocations`, `Duration p99`, `Errors v3`.
    static func label(_ series: MetricSeries) -> String {
        let base: String
        switch (series.metric, series.statistic) {
        case ("ErrorRate", _): base = "Error rate"
        case ("Duration", "Average"): base = "Duration avg"
        case ("Duration", "Maximum"): base = "Duration max"
        case ("Duration", let statistic): base = "Duration \(statistic)"
        case ("ConcurrentExecutions", _): base = "Concurrency"
        case ("IteratorAge", _): base = "Iterator age"
        default: base = series.metric
        }
        return series.version.map { "\(base) v\($0)" } ?? base
    }

    static func summaryWord(_ summary: MetricSummary) -> String {
        switch summary {
        case .total: "total"
        case .maximum: "max"
        case .rate: "overall"
        }
    }

    /// `1,234`, `0.5`, `245 ms`, `1.25 s`, `0.4%`.
    static func value(_ number: Double, unit: String) -> String {
        switch unit {
        case "Milliseconds":
            if number >= 60_000 { return decimal(number / 60_000, digits: 1) + " min" }
            if number >= 1_000 { return decimal(number / 1_000, digits: 2) + " s" }
            return decimal(number, digits: number < 10 ? 1 : 0) + " ms"
        case "Percent": return decimal(number, digits: number < 10 ? 2 : 1) + "%"
        default: return decimal(number, digits: number == number.rounded() ? 0 : 1)
        }
    }

    static func decimal(_ number: Double, digits: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = digits
        return formatter.string(from: NSNumber(value: number)) ?? String(number)
    }

    /// Red for errors and throttles when there were any, cyan for the rest.
    static func colorCode(_ row: MetricsReport.Row, _ report: MetricsReport) -> String {
        let bad = ["Errors", "ErrorRate", "Throttles"].contains(row.series.metric)
        return bad && (report.summary(of: row) ?? 0) > 0 ? "31" : "36"
    }

    static func paint(_ text: String, code: String, when color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }
}
