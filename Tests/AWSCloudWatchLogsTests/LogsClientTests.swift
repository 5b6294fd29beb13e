import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSCloudWatchLogs

/// LogsClient on the wire: json-1.1 with `X-Amz-Target`, `nextToken` paging and `__type` errors.
@Suite("CloudWatch Logs client")
struct LogsClientTests {
    let transport = ScriptedTransport()
    var logs: LogsClient { LogsClient(context: testContext(transport), endpoint: testEndpoint("logs")) }

    @Test("FilterLogEvents is a json-1.1 POST / with its target and the input as the body")
    func filterShape() async throws {
        transport.on("FilterLogEvents", jsonResponse(200, ["events": [["eventId": "e1", "timestamp": 5, "message": "m"]]]))
        let events = try await logs.filterLogEvents(FilterLogEventsInput(logGroupName: "/aws/lambda/f", startTime: 1))
        #expect(events.map(\.eventId) == ["e1"])
        let request = try #require(transport.sent.first)
        #expect(request.method == "POST" && request.path == "/")
        #expect(request.headers["X-Amz-Target"] == "Logs_20140328.FilterLogEvents")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(jsonBody(request)["logGroupName"] as? String == "/aws/lambda/f")
        #expect(jsonBody(request)["startTime"] as? Int == 1)
    }

    @Test("operations of one POST / route apart by target, not by path")
    func routesByTarget() async throws {
        transport.on("DescribeLogGroups", jsonResponse(200, ["logGroups": [["logGroupName": "g"]]]))
        transport.on("CreateLogGroup", jsonResponse(200, [String: String]()))
        try await logs.createLogGroup("g")
        #expect(try await logs.describeLogGroups(prefix: "g").map(\.logGroupName) == ["g"])
        #expect(transport.routes == ["CreateLogGroup", "DescribeLogGroups"])
        #expect(transport.count("POST /") == 0, "target requests are not routed by path")
    }

    @Test("FilterLogEvents follows nextToken and stops when a token repeats")
    func filterPaging() async throws {
        transport.on(
            "FilterLogEvents",
            jsonResponse(200, ["events": [["eventId": "1"]], "nextToken": "t1"]),
            jsonResponse(200, ["events": [["eventId": "2"]], "nextToken": "t1"]),
            jsonResponse(200, ["events": [["eventId": "3"]]]))
        let events = try await logs.filterLogEvents(FilterLogEventsInput(logGroupName: "g"))
        #expect(events.map(\.eventId) == ["1", "2"])
        #expect(transport.sent.map { jsonBody($0)["nextToken"] as? String } == [nil, "t1"])
    }

    @Test("DescribeLogStreams reads every page")
    func streamsPaging() async throws {
        transport.on(
            "DescribeLogStreams",
            jsonResponse(200, ["logStreams": [["logStreamName": "a"]], "nextToken": "n"]),
            jsonResponse(200, ["logStreams": [["logStreamName": "b"]]]))
        let streams = try await logs.describeLogStreams(group: "g", prefix: "2026")
        #expect(streams.map(\.logStreamName) == ["a", "b"])
        #expect(jsonBody(transport.sent[0])["logStreamNamePrefix"] as? String == "2026")
    }

    @Test("a json-1.1 error keeps the code after the '#' and the message")
    func errorDecoding() async throws {
        transport.on(
            "CreateLogGroup",
            jsonResponse(400, ["__type": "com.amazonaws.logs#ResourceAlreadyExistsException", "message": "exists"]))
        let error = await #expect(throws: AWSServiceError.self) { try await logs.createLogGroup("g") }
        #expect(error?.code == "ResourceAlreadyExistsException")
        #expect(error?.message == "exists")
        #expect(error?.status == 400)
    }

    @Test("fractional timestamps, as moto writes them, decode as whole milliseconds")
    func fractionalTimestamps() async throws {
        transport.on(
            "FilterLogEvents",
            json(200, #"{"events":[{"eventId":"e","timestamp":1789999999133.06,"ingestionTime":1789999999200.5}]}"#))
        let event = try #require(try await logs.filterLogEventsPage(FilterLogEventsInput(logGroupName: "g")).events?.first)
        #expect(event.timestamp == 1_789_999_999_133)
        #expect(event.ingestionTime == 1_789_999_999_200)
    }
}
