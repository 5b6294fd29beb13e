import AWSCloudWatch
import AWSCore
import AWSLambda
import Foundation

/// Reads a function's metrics: what the function has (its alias's traffic split, its stream
/// mappings), then one GetMetricData request (every page) for all rows. Read-only.
package struct FunctionMetrics: Sendable {
    /// Lambda, for the function, its alias and its mappings.
    package var lambda: LambdaClient
    /// CloudWatch, for the metric data.
    package var cloudWatch: CloudWatchClient
    /// The clock that places the window.
    package var time: TimeSource

    /// Creates the use case.
    package init(lambda: LambdaClient, cloudWatch: CloudWatchClient, time: TimeSource) {
        self.lambda = lambda
        self.cloudWatch = cloudWatch
        self.time = time
    }

    /// The function's name (from a name or ARN), the qualifier's traffic split and whether a
    /// stream invokes it. A missing function or alias is refused with a hint.
    package func target(function: String, qualifier: String?) async throws -> MetricsTarget {
        let configuration: FunctionConfiguration
        do {
            configuration = try await lambda.getFunctionConfiguration(function, qualifier: qualifier)
        } catch let error as AWSServiceError where error.isNotFound {
            throw Self.missing(function, qualifier: qualifier, error)
        }
        let name = configuration.functionName ?? function
        var split: [String] = []
        if let qualifier, !Self.isVersion(qualifier) {
            let alias = try await lambda.getAlias(name, alias: qualifier)
            let extra = alias.routingConfig?.additionalVersionWeights ?? [:]
            if !extra.isEmpty { split = [alias.functionVersion] + extra.keys.sorted() }
        }
        let mappings = try await lambda.listEventSourceMappings(function: name)
        let streams = mappings.contains { mapping in
            let source = mapping.eventSourceARN ?? ""
            return source.contains(":kinesis:") || source.contains(":dynamodb:")
        }
        return MetricsTarget(function: name, qualifier: qualifier, splitVersions: split, readsStreams: streams)
    }

    /// The report of `target` over the last `since` seconds at `period` seconds (raised when needed).
    package func report(_ target: MetricsTarget, since: Int, period: Int) async throws -> MetricsReport {
        let series = MetricsLayout.series(for: target)
        let queries = MetricsLayout.queries(for: target, series: series, period: period)
        var window = MetricsWindow(now: time.now(), since: since, period: period, series: queries.count)
        let raised = MetricsLayout.queries(for: target, series: series, period: window.period)
        let results = try await cloudWatch.metricData(raised, start: window.start, end: window.end)
        if window.note == nil, results.contains(where: { $0.statusCode == "PartialData" }) {
            window.note = "CloudWatch returned partial data for some metrics"
        }
        return MetricsReport(target: target, window: window, series: series, results: results)
    }

    /// The refusal of a function (or qualifier) Lambda does not know, with the hint to check it.
    static func missing(_ function: String, qualifier: String?, _ error: AWSServiceError) -> LifecycleError {
        let what = qualifier.map { "function \(function) with qualifier \($0)" } ?? "function \(function)"
        return LifecycleError(.refused, "\(what) does not exist (\(error.message))", hint: .checkFunction(function, qualified: qualifier != nil))
    }

    /// `$LATEST` or a version number.
    static func isVersion(_ qualifier: String) -> Bool {
        qualifier == "$LATEST" || (!qualifier.isEmpty && qualifier.allSatisfy(\.isNumber))
    }
}
