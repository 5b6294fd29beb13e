import AWSCloudWatch
import Foundation

/// Which function (and alias or version) a metrics view is about, and what it has.
package struct MetricsTarget: Sendable, Equatable {
    /// The function's name (the `FunctionName` dimension).
    package var function: String
    /// The alias or version (the `Resource` dimension is `function:qualifier`).
    package var qualifier: String?
    /// The versions an alias splits its traffic between (empty when it sends all to one).
    package var splitVersions: [String]
    /// Whether a Kinesis or DynamoDB stream mapping invokes it (then IteratorAge is shown).
    package var readsStreams: Bool

    /// Creates a target.
    package init(function: String, qualifier: String? = nil, splitVersions: [String] = [], readsStreams: Bool = false) {
        self.function = function
        self.qualifier = qualifier
        self.splitVersions = splitVersions
        self.readsStreams = readsStreams
    }

    /// `FunctionName`, plus `Resource` for a qualifier (plus `ExecutedVersion` for a split).
    func dimensions(version: String? = nil) -> [MetricDimension] {
        var dimensions = [MetricDimension("FunctionName", function)]
        if let qualifier { dimensions.append(MetricDimension("Resource", "\(function):\(qualifier)")) }
        if let version { dimensions.append(MetricDimension("ExecutedVersion", version)) }
        return dimensions
    }
}

/// How a row sums up its window.
package enum MetricSummary: String, Sendable, Equatable, Codable {
    /// The sum of the points (counts).
    case total
    /// The largest point.
    case maximum
    /// Errors over invocations, as a percentage.
    case rate
}

/// One row of the metrics view: what is queried and how it is shown.
package struct MetricSeries: Sendable, Equatable {
    /// The query id (and JSON key): `invocations`, `duration_p99`, `errors_v3`.
    package var id: String
    /// The AWS/Lambda metric (`Invocations`), or `ErrorRate` for the computed rate.
    package var metric: String
    /// `Sum`, `Average`, `p50`, `p99`, `Maximum`; `Errors/Invocations` for the rate.
    package var statistic: String
    /// `Count`, `Milliseconds` or `Percent`.
    package var unit: String
    /// How the window is summed up.
    package var summary: MetricSummary
    /// The executed version of a per-version row.
    package var version: String?

    /// Creates a series.
    package init(id: String, metric: String, statistic: String, unit: String, summary: MetricSummary, version: String? = nil) {
        self.id = id
        self.metric = metric
        self.statistic = statistic
        self.unit = unit
        self.summary = summary
        self.version = version
    }

    /// Whether it is computed here rather than queried.
    package var isComputed: Bool { metric == "ErrorRate" }
}

/// The rows a target gets, in the order shown, and the one GetMetricData request for them. Pure.
package enum MetricsLayout {
    /// Invocations, Errors, the error rate, Throttles, Duration (average, p50, p99, maximum),
    /// ConcurrentExecutions, IteratorAge for stream readers, then Invocations and Errors per
    /// executed version of a split alias.
    package static func series(for target: MetricsTarget) -> [MetricSeries] {
        var rows = [
            MetricSeries(id: "invocations", metric: "Invocations", statistic: "Sum", unit: "Count", summary: .total),
            MetricSeries(id: "errors", metric: "Errors", statistic: "Sum", unit: "Count", summary: .total),
            MetricSeries(id: "error_rate", metric: "ErrorRate", statistic: "Errors/Invocations", unit: "Percent", summary: .rate),
            MetricSeries(id: "throttles", metric: "Throttles", statistic: "Sum", unit: "Count", summary: .total),
            MetricSeries(id: "duration_avg", metric: "Duration", statistic: "Average", unit: "Milliseconds", summary: .maximum),
            MetricSeries(id: "duration_p50", metric: "Duration", statistic: "p50", unit: "Milliseconds", summary: .maximum),
            MetricSeries(id: "duration_p99", metric: "Duration", statistic: "p99", unit: "Milliseconds", summary: .maximum),
            MetricSeries(id: "duration_max", metric: "Duration", statistic: "Maximum", unit: "Milliseconds", summary: .maximum),
            MetricSeries(id: "concurrent", metric: "ConcurrentExecutions", statistic: "Maximum", unit: "Count", summary: .maximum),
        ]
        if target.readsStreams {
            rows.append(MetricSeries(id: "iterator_age", metric: "IteratorAge", statistic: "Maximum", unit: "Milliseconds", summary: .maximum))
        }
        for version in target.splitVersions {
            let key = version.filter { $0.isLetter || $0.isNumber }
            rows.append(MetricSeries(id: "invocations_v\(key)", metric: "Invocations", statistic: "Sum", unit: "Count", summary: .total, version: version))
            rows.append(MetricSeries(id: "errors_v\(key)", metric: "Errors", statistic: "Sum", unit: "Count", summary: .total, version: version))
        }
        return rows
    }

    /// One query per series that CloudWatch computes (the rate is computed from the others).
    package static func queries(for target: MetricsTarget, series: [MetricSeries], period: Int) -> [MetricDataQuery] {
        series.filter { !$0.isComputed }.map { row in
            let metric = MetricIdentity(namespace: "AWS/Lambda", name: row.metric, dimensions: target.dimensions(version: row.version))
            return MetricDataQuery(id: row.id, source: .metric(metric, period: period, stat: row.statistic))
        }
    }
}
