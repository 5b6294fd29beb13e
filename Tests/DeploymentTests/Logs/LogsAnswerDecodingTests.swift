import AWSCloudWatchLogs
import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Testing

@Suite("Reading CloudWatch Logs answers")
struct LogsAnswerDecodingTests {
    /// A tail whose every FilterLogEvents answer is `body`, verbatim.
    func tail(answering body: String, printed: PrintedLines) -> (LogTail, ManualClock) {
        let clock = ManualClock(start: .logsTestStart)
        let transport = ScriptedTransport { _ in
            HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")]), body: Data(body.utf8))
        }
        let tail = LogTail(
            logs: LogsClient(
                context: testContext(transport, clock: clock, attempts: 3, jitter: 0.5),
                endpoint: ServiceEndpoint(host: "logs.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "logs")),
            time: clock.timeSource, write: { printed.write($0) }, notice: { printed.notice($0) })
        return (tail, clock)
    }

    @Test("fractional event timestamps, as moto writes them, are read as whole milliseconds")
    func fractionalTimestamps() async throws {
        let printed = PrintedLines()
        let body = """
            {"events": [{"logStreamName": "s", "timestamp": 1789999999133.06, "message": "hello\\n",
            "ingestionTime": 1789999999200.5, "eventId": "e1"}], "nextToken": null, "searchedLogStreams": []}
            """
        let (tail, clock) = tail(answering: body, printed: printed)
        let outcome = try await tail.run(LogTailOptions(group: "g", since: clock.now.addingTimeInterval(-600), format: .json))
        #expect(outcome == .finished)
        let line = try #require(printed.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((object["timestamp"] as? NSNumber)?.int64Value == 1_789_999_999_133)
        #expect(object["message"] as? String == "hello")
    }

    @Test("an answer that cannot be read is an unexpected failure naming the operation, not 'unavailable'")
    func undecodable() async throws {
        let printed = PrintedLines()
        let (tail, clock) = tail(answering: #"{"events": [{"timestamp": "soon"}]}"#, printed: printed)
        do {
            _ = try await tail.run(LogTailOptions(group: "g", since: clock.now.addingTimeInterval(-600), format: .json))
            Issue.record("expected a decoding error")
        } catch let error as AWSResponseDecodingError {
            #expect(error.category == .unexpected)
            #expect(error.operation == "FilterLogEvents")
            let text = String(describing: error)
            #expect(text.hasPrefix("FilterLogEvents: could not read AWS's answer: events[0].timestamp"))
            #expect(!text.contains("\n") && !text.contains("codingPath"))
        }
    }
}
