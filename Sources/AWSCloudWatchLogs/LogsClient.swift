import AWSCore
import Foundation

/// A hand-rolled CloudWatch Logs client (json-1.1, `X-Amz-Target: Logs_20140328.<Operation>`,
/// signing name `logs`). Shapes follow botocore `data/logs/2014-03-28/service-2.json`.
public struct LogsClient: Sendable {
    /// The target prefix of every operation (from the descriptor).
    public static let targetPrefix = ServiceDescriptor.logs.wireProtocol.targetPrefix ?? ""

    /// The underlying client; its protocol must be `ServiceDescriptor.logs.wireProtocol`.
    public let client: AWSClient

    /// Wraps a client built for the logs endpoint.
    public init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    public init(context: ClientContext, endpoint: ServiceEndpoint) {
        self.client = AWSClient(context: context, endpoint: endpoint, service: .logs)
    }

    /// One page of `FilterLogEvents`.
    public func filterLogEventsPage(_ input: FilterLogEventsInput) async throws -> FilterLogEventsOutput {
        try await client.json11("FilterLogEvents", input: input, as: FilterLogEventsOutput.self)
    }

    /// Every page of `FilterLogEvents`, concatenated in the order AWS returned them.
    /// Stops when `nextToken` is absent, null, or repeats (a defence against loops).
    public func filterLogEvents(_ input: FilterLogEventsInput, maxPages: Int = 10_000) async throws -> [FilteredLogEvent] {
        var request = input
        var events: [FilteredLogEvent] = []
        var seenTokens: Set<String> = []
        for _ in 0..<maxPages {
            let page = try await filterLogEventsPage(request)
            events.append(contentsOf: page.events ?? [])
            guard let token = page.nextToken, !token.isEmpty, seenTokens.insert(token).inserted else { break }
            request.nextToken = token
        }
        return events
    }

    /// Every log group whose name starts with `prefix` (all pages).
    public func describeLogGroups(prefix: String? = nil) async throws -> [LogGroup] {
        var input = DescribeLogGroupsInput(logGroupNamePrefix: prefix, nextToken: nil)
        var groups: [LogGroup] = []
        while true {
            let page = try await client.json11("DescribeLogGroups", input: input, as: DescribeLogGroupsOutput.self)
            groups.append(contentsOf: page.logGroups ?? [])
            guard let token = page.nextToken, !token.isEmpty, token != input.nextToken else { return groups }
            input.nextToken = token
        }
    }

    /// Every stream of `group`, optionally by prefix (all pages).
    public func describeLogStreams(group: String, prefix: String? = nil) async throws -> [LogStream] {
        var input = DescribeLogStreamsInput(logGroupName: group, logStreamNamePrefix: prefix, nextToken: nil)
        var streams: [LogStream] = []
        while true {
            let page = try await client.json11("DescribeLogStreams", input: input, as: DescribeLogStreamsOutput.self)
            streams.append(contentsOf: page.logStreams ?? [])
            guard let token = page.nextToken, !token.isEmpty, token != input.nextToken else { return streams }
            input.nextToken = token
        }
    }

    /// `CreateLogGroup`.
    public func createLogGroup(_ name: String) async throws {
        _ = try await client.json11("CreateLogGroup", input: CreateLogGroupInput(logGroupName: name), as: Empty.self)
    }

    /// `CreateLogStream`.
    public func createLogStream(group: String, stream: String) async throws {
        _ = try await client.json11(
            "CreateLogStream", input: CreateLogStreamInput(logGroupName: group, logStreamName: stream), as: Empty.self)
    }

    /// `PutLogEvents` (events must be in timestamp order within one call).
    @discardableResult
    public func putLogEvents(group: String, stream: String, events: [InputLogEvent]) async throws -> PutLogEventsOutput {
        try await client.json11(
            "PutLogEvents", input: PutLogEventsInput(logGroupName: group, logStreamName: stream, logEvents: events),
            as: PutLogEventsOutput.self)
    }
}
