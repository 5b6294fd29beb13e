import AWSCore
import Foundation

// Shapes from botocore `data/cloudwatch/2010-08-01/service-2.json` (only the members lambdactl uses).

/// A metric's dimension (`Dimension`): `FunctionName=hello`.
package struct MetricDimension: Sendable, Equatable, Hashable, Codable {
    /// The dimension's name.
    package var name: String
    /// Its value.
    package var value: String

    /// Creates a dimension.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case name = "Name", value = "Value" }
}

/// One metric by namespace, name and dimensions (`Metric`).
package struct MetricIdentity: Sendable, Equatable, Hashable {
    /// `AWS/Lambda`.
    package var namespace: String
    /// `Invocations`, `Errors`, …
    package var name: String
    /// The dimensions, in the order given.
    package var dimensions: [MetricDimension]

    /// Creates a metric.
    package init(namespace: String, name: String, dimensions: [MetricDimension]) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
    }
}

/// One `MetricDataQuery` of GetMetricData: a metric with a statistic over a period, or a
/// metric-math expression over other queries' ids.
package struct MetricDataQuery: Sendable, Equatable {
    /// The query's id (lower-case letter first, then letters, digits and `_`).
    package var id: String
    /// What to compute.
    package var source: Source
    /// A label for the answer.
    package var label: String?
    /// Whether the answer includes this query's values.
    package var returnData: Bool

    /// A metric with a statistic (`MetricStat`), or an expression.
    package enum Source: Sendable, Equatable {
        /// `MetricStat`: the metric, its period in seconds and `Sum`, `Average`, `p99`, …
        case metric(MetricIdentity, period: Int, stat: String)
        /// `Expression` with its period in seconds.
        case expression(String, period: Int)
    }

    /// Creates a query.
    package init(id: String, source: Source, label: String? = nil, returnData: Bool = true) {
        self.id = id
        self.source = source
        self.label = label
        self.returnData = returnData
    }

    /// The query's members, flattened under `prefix` (`MetricDataQueries.member.1`).
    func parameters(prefix: String) -> [(String, String)] {
        var parameters = [("\(prefix).Id", id)]
        switch source {
        case .metric(let metric, let period, let stat):
            parameters += metric.parameters(prefix: "\(prefix).MetricStat.Metric")
            parameters += [("\(prefix).MetricStat.Period", String(period)), ("\(prefix).MetricStat.Stat", stat)]
        case .expression(let expression, let period):
            parameters += [("\(prefix).Expression", expression), ("\(prefix).Period", String(period))]
        }
        if let label { parameters.append(("\(prefix).Label", label)) }
        parameters.append(("\(prefix).ReturnData", returnData ? "true" : "false"))
        return parameters
    }
}

extension MetricIdentity {
    /// `Namespace`, `MetricName` and `Dimensions.member.N.Name/Value` under `prefix` (empty:
    /// at the top level, as DescribeAlarmsForMetric and PutMetricAlarm take them).
    func parameters(prefix: String) -> [(String, String)] {
        let dot = prefix.isEmpty ? "" : prefix + "."
        return [("\(dot)Namespace", namespace), ("\(dot)MetricName", name)]
            + dimensions.enumerated().flatMap { index, dimension in
                [("\(dot)Dimensions.member.\(index + 1).Name", dimension.name),
                 ("\(dot)Dimensions.member.\(index + 1).Value", dimension.value)]
            }
    }
}

/// One `MetricDataResult`: a query's points in the order asked for (`ScanBy`).
package struct MetricDataResult: Sendable, Equatable {
    /// The query's id.
    package var id: String
    /// The label AWS gave it.
    package var label: String?
    /// The points' timestamps (each the start of its period).
    package var timestamps: [Date]
    /// The values, one per timestamp.
    package var values: [Double]
    /// `Complete`, `PartialData` (more on the next page), `InternalError` or `Forbidden`.
    package var statusCode: String?

    /// Creates a result.
    package init(id: String, label: String? = nil, timestamps: [Date], values: [Double], statusCode: String? = "Complete") {
        self.id = id
        self.label = label
        self.timestamps = timestamps
        self.values = values
        self.statusCode = statusCode
    }

    /// Reads one `<member>` of `MetricDataResults`. A value that is not a number (moto writes
    /// `None` for a statistic it cannot compute) drops its point.
    init(_ node: XMLDocumentNode) {
        let stamps = node.first("Timestamps")?.children(named: "member").map(\.text) ?? []
        let numbers = node.first("Values")?.children(named: "member").map(\.text) ?? []
        var timestamps: [Date] = []
        var values: [Double] = []
        for (stamp, number) in zip(stamps, numbers) {
            guard let date = CloudWatchDate.parse(stamp), let value = Double(number), value.isFinite else { continue }
            timestamps.append(date)
            values.append(value)
        }
        self.init(
            id: node.value("Id") ?? "", label: node.value("Label"), timestamps: timestamps, values: values,
            statusCode: node.value("StatusCode"))
    }
}

/// CloudWatch's ISO 8601 timestamps (`2026-12-03T13:00:00Z`, fractional seconds optional).
package enum CloudWatchDate {
    /// Parses `text`; nil when it is not such a timestamp.
    package static func parse(_ text: String) -> Date? {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// `2026-12-03T13:00:00Z` (whole seconds, UTC).
    package static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
