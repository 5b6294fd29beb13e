import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSDynamoDB

/// DynamoDBClient on the wire: json 1.0 (`DynamoDB_20120810.DescribeTable`), the stream members
/// decoded, and errors.
@Suite("The DynamoDB client's DescribeTable")
struct DynamoDBClientTests {
    let transport = ScriptedTransport()
    var dynamo: DynamoDBClient { DynamoDBClient(context: testContext(transport), endpoint: testEndpoint("dynamodb")) }

    @Test("DescribeTable posts the name and reads LatestStreamArn and StreamSpecification")
    func streamOn() async throws {
        transport.on(
            "DescribeTable",
            json(200, """
                {"Table":{"TableName":"Users","TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Users",\
                "TableStatus":"ACTIVE","CreationDateTime":1.7e9,"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],\
                "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},\
                "LatestStreamLabel":"2026-12-01T00:00:00.000",\
                "LatestStreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2026-12-01T00:00:00.000"}}
                """))
        let table = try await dynamo.describeTable("Users")
        #expect(table.activeStreamARN == "arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2026-12-01T00:00:00.000")
        #expect(table.streamSpecification == StreamSpecification(streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES"))
        let request = try #require(transport.sent.first)
        #expect(request.headers["X-Amz-Target"] == "DynamoDB_20120810.DescribeTable")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(jsonBody(request) as NSDictionary == ["TableName": "Users"])
    }

    @Test("a table whose stream is off has no active stream, even with a LatestStreamArn left over")
    func streamOff() async throws {
        transport.on(
            "DescribeTable",
            json(200, #"{"Table":{"TableName":"Users","TableStatus":"ACTIVE"}}"#),
            json(200, #"{"Table":{"TableName":"Users","StreamSpecification":{"StreamEnabled":false},"LatestStreamArn":"arn:old"}}"#))
        #expect(try await dynamo.describeTable("Users").activeStreamARN == nil)
        let table = try await dynamo.describeTable("Users")
        #expect(table.latestStreamARN == "arn:old" && table.activeStreamARN == nil)
    }

    @Test("a missing table is ResourceNotFoundException with DynamoDB's message and request id")
    func missing() async throws {
        transport.on(
            "DescribeTable",
            json(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: Nope not found"}"#,
                 headers: [("x-amzn-RequestId", "ddb-1")]))
        let error = await #expect(throws: AWSServiceError.self) { try await dynamo.describeTable("Nope") }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.message == "Requested resource not found: Table: Nope not found")
        #expect(error?.requestID == "ddb-1")
    }
}
