import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSKinesis

/// KinesisClient on the wire: json 1.1 (`Kinesis_20131202.DescribeStreamSummary`), by name or
/// ARN, the summary decoded, errors and `LimitExceededException` retried.
@Suite("The Kinesis client's DescribeStreamSummary")
struct KinesisClientTests {
    static let answer = """
        {"StreamDescriptionSummary":{"StreamName":"clicks","StreamARN":"arn:aws:kinesis:us-east-1:123456789012:stream/clicks",\
        "StreamStatus":"ACTIVE","StreamModeDetails":{"StreamMode":"ON_DEMAND"},"RetentionPeriodHours":24,\
        "StreamCreationTimestamp":1.7e9,"EnhancedMonitoring":[{"ShardLevelMetrics":[]}],"EncryptionType":"NONE","OpenShardCount":4}}
        """

    @Test("a name goes as StreamName, an ARN as StreamARN, and the summary is decoded")
    func describe() async throws {
        let transport = ScriptedTransport()
        transport.on("DescribeStreamSummary", json(200, Self.answer))
        let kinesis = KinesisClient(context: testContext(transport), endpoint: testEndpoint("kinesis"))
        let summary = try await kinesis.describeStreamSummary("clicks")
        _ = try await kinesis.describeStreamSummary("arn:aws:kinesis:us-east-1:123456789012:stream/clicks")
        #expect(summary.streamARN == "arn:aws:kinesis:us-east-1:123456789012:stream/clicks")
        #expect(summary.streamStatus == "ACTIVE" && summary.streamMode == "ON_DEMAND" && summary.openShardCount == 4)
        #expect(transport.sent[0].headers["X-Amz-Target"] == "Kinesis_20131202.DescribeStreamSummary")
        #expect(transport.sent[0].headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["StreamName": "clicks"])
        #expect(jsonBody(transport.sent[1]) as NSDictionary == ["StreamARN": "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"])
    }

    @Test("a missing stream is ResourceNotFoundException with message and request id; LimitExceeded is retried")
    func errors() async throws {
        let transport = ScriptedTransport()
        transport.on(
            "DescribeStreamSummary",
            json(400, #"{"__type":"LimitExceededException","message":"Rate exceeded for stream clicks"}"#),
            json(400, #"{"__type":"ResourceNotFoundException","message":"Stream nope under account 123456789012 not found."}"#,
                 headers: [("x-amzn-RequestId", "kin-1")]))
        let kinesis = KinesisClient(context: testContext(transport, attempts: 3), endpoint: testEndpoint("kinesis"))
        let error = await #expect(throws: AWSServiceError.self) { try await kinesis.describeStreamSummary("nope") }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.message == "Stream nope under account 123456789012 not found.")
        #expect(error?.requestID == "kin-1")
        #expect(transport.sent.count == 2)
    }
}
