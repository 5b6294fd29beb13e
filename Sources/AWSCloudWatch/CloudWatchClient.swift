import AWSCore
import Foundation

/// A hand-rolled Amazon CloudWatch client (query protocol, version 2010-08-01, signing name
/// `monitoring`): metric data and alarms. See the CloudWatch API Reference; shapes follow
/// botocore `data/cloudwatch/2010-08-01/service-2.json`.
package struct CloudWatchClient: Sendable {
    /// The most points one GetMetricData answer holds (the API Reference, GetMetricData).
    package static let pointsPerPage = 100_800

    /// The underlying query-protocol client.
    package let client: AWSClient

    /// Wraps a client built for the CloudWatch endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .cloudWatch)
    }

    /// GetMetricData over `[start, end)`, oldest point first (`ScanBy=TimestampAscending`), every
    /// page (`NextToken`): one result per query id, the pages' points joined in order.
    package func metricData(_ queries: [MetricDataQuery], start: Date, end: Date) async throws -> [MetricDataResult] {
        var base = queries.enumerated().flatMap { $0.element.parameters(prefix: "MetricDataQueries.member.\($0.offset + 1)") }
        base += [("StartTime", CloudWatchDate.text(start)), ("EndTime", CloudWatchDate.text(end)), ("ScanBy", "TimestampAscending")]
        let pages = try await Paginator.collect { token in
            let document = try await client.query("GetMetricData", base + (token.map { [("NextToken", $0)] } ?? []))
            let members = document.first("MetricDataResults")?.children(named: "member") ?? []
            return (members.map(MetricDataResult.init), Self.nextToken(document, result: "GetMetricDataResult"))
        }
        var joined: [MetricDataResult] = []
        for page in pages {
            if let index = joined.firstIndex(where: { $0.id == page.id }) {
                joined[index].timestamps += page.timestamps
                joined[index].values += page.values
                joined[index].statusCode = page.statusCode
            } else {
                joined.append(page)
            }
        }
        return joined
    }

    /// PutMetricAlarm: creates the alarm or replaces every setting of the one of that name;
    /// `tags` are applied only when it is created (TagResource changes them later).
    package func putMetricAlarm(_ alarm: AlarmDefinition, tags: [String: String] = [:]) async throws {
        _ = try await client.query("PutMetricAlarm", alarm.parameters() + Self.tagMembers(tags))
    }

    /// DescribeAlarms of type MetricAlarm, every page (`NextToken`): those named `names`, or
    /// with `prefix`, or all. Metric-math alarms are left out.
    package func describeAlarms(names: [String] = [], prefix: String? = nil) async throws -> [MetricAlarm] {
        var base = AlarmDefinition.members("AlarmNames", names) + [("AlarmTypes.member.1", "MetricAlarm")]
        if let prefix { base.append(("AlarmNamePrefix", prefix)) }
        return try await Paginator.collect { token in
            let document = try await client.query("DescribeAlarms", base + (token.map { [("NextToken", $0)] } ?? []))
            let members = document.first("MetricAlarms")?.children(named: "member") ?? []
            return (members.compactMap(MetricAlarm.init), Self.nextToken(document, result: "DescribeAlarmsResult"))
        }
    }

    /// DescribeAlarmsForMetric: the alarms on exactly this metric and dimensions (not paged).
    package func describeAlarms(for metric: MetricIdentity) async throws -> [MetricAlarm] {
        let document = try await client.query("DescribeAlarmsForMetric", metric.parameters(prefix: ""))
        return (document.first("MetricAlarms")?.children(named: "member") ?? []).compactMap(MetricAlarm.init)
    }

    /// DeleteAlarms (at most 100 names per call; more are sent in several calls).
    package func deleteAlarms(_ names: [String]) async throws {
        for start in stride(from: 0, to: names.count, by: 100) {
            let batch = Array(names[start..<min(start + 100, names.count)])
            _ = try await client.query("DeleteAlarms", AlarmDefinition.members("AlarmNames", batch))
        }
    }

    /// ListTagsForResource of an alarm's ARN.
    package func tags(resourceARN: String) async throws -> [String: String] {
        let document = try await client.query("ListTagsForResource", [("ResourceARN", resourceARN)])
        let members = document.first("Tags")?.children(named: "member") ?? []
        let pairs = members.compactMap { member in member.value("Key").map { ($0, member.value("Value") ?? "") } }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    /// TagResource: adds or overwrites `tags` on an alarm's ARN.
    package func tagResource(resourceARN: String, tags: [String: String]) async throws {
        _ = try await client.query("TagResource", [("ResourceARN", resourceARN)] + Self.tagMembers(tags))
    }

    /// `Tags.member.N.Key/Value`, sorted by key.
    static func tagMembers(_ tags: [String: String]) -> [(String, String)] {
        tags.sorted { $0.key < $1.key }.enumerated().flatMap { index, tag in
            [("Tags.member.\(index + 1).Key", tag.key), ("Tags.member.\(index + 1).Value", tag.value)]
        }
    }

    /// The `NextToken` directly in the operation's result element; nil or empty ends paging.
    static func nextToken(_ document: XMLDocumentNode, result: String) -> String? {
        let token = document.first(result)?.children(named: "NextToken").first?.text
        return token?.isEmpty == false ? token : nil
    }
}
