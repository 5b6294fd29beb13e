import AWSCore
import Foundation

/// A hand-rolled CloudWatch Logs client (json-1.1, `X-Amz-Target: Logs_20140328.<Operation>`,
/// signing name `logs`). Shapes follow botocore `data/logs/2014-03-28/service-2.json`.
package struct LogsClient: Sendable {
    /// The target prefix of every operation (from the descriptor).
    package static let targetPrefix = ServiceDescriptor.logs.wireProtocol.targetPrefix ?? ""

    /// The underlying client; its protocol must be `ServiceDescriptor.logs.wireProtocol`.
    package let client: AWSClient

    /// Wraps a client built for the logs endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        self.client = AWSClient(context: context, endpoint: endpoint, service: .logs)
    }

    /// One page of `FilterLogEvents`.
    package func filterLogEventsPage(_ input: FilterLogEventsInput) async throws -> FilterLogEventsOutput {
        try await client.json11("FilterLogEvents", input: input, as: FilterLogEventsOutput.self)
    }

    /// Every page of `FilterLogEvents`, concatenated in the order AWS returned them.
    /// Stops when `nextToken` is absent, null, or repeats (`Paginator`), or after `maxPages`.
    package func filterLogEvents(_ input: FilterLogEventsInput, maxPages: Int = 10_000) async throws -> [FilteredLogEvent] {
        var request = input
        return try await Paginator.collect(maxPages: maxPages) { token in
            if let token { request.nextToken = token }
            let page = try await filterLogEventsPage(request)
            return (page.events ?? [], page.nextToken)
        }
    }

    /// Every log group whose name starts with `prefix` (all pages).
    package func describeLogGroups(prefix: String? = nil) async throws -> [LogGroup] {
        try await Paginator.collect { token in
            let input = DescribeLogGroupsInput(logGroupNamePrefix: prefix, nextToken: token)
            let page = try await client.json11("DescribeLogGroups", input: input, as: DescribeLogGroupsOutput.self)
            return (page.logGroups ?? [], page.nextToken)
        }
    }

    /// Every stream of `group`, optionally by prefix (all pages).
    package func describeLogStreams(group: String, prefix: String? = nil) async throws -> [LogStream] {
        try await Paginator.collect { token in
            let input = DescribeLogStreamsInput(logGroupName: group, logStreamNamePrefix: prefix, nextToken: token)
            let page = try await client.json11("DescribeLogStreams", input: input, as: DescribeLogStreamsOutput.self)
            return (page.logStreams ?? [], page.nextToken)
        }
    }

    /// `CreateLogGroup`.
    package func createLogGroup(_ name: String) async throws {
        _ = try await client.json11("CreateLogGroup", input: CreateLogGroupInput(logGroupName: name), as: Empty.self)
    }

    /// `DeleteLogGroup`: the group with its streams and events.
    package func deleteLogGroup(_ name: String) async throws {
        _ = try await client.json11("DeleteLogGroup", input: DeleteLogGroupInput(logGroupName: name), as: Empty.self)
    }

    /// `CreateLogStream`.
    package func createLogStream(group: String, stream: String) async throws {
        _ = try await client.json11(
            "CreateLogStream", input: CreateLogStreamInput(logGroupName: group, logStreamName: stream), as: Empty.self)
    }

    /// `PutLogEvents` (events must be in timestamp order within one call).
    @discardableResult
    package func putLogEvents(group: String, stream: String, events: [InputLogEvent]) async throws -> PutLogEventsOutput {
        try await client.json11(
            "PutLogEvents", input: PutLogEventsInput(logGroupName: group, logStreamName: stream, logEvents: events),
            as: PutLogEventsOutput.self)
    }
}
