import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSQS

/// SQSClient on the wire: json 1.0 (`X-Amz-Target: AmazonSQS.<Op>`), bodies, and errors as SQS
/// sends them (`__type` with a namespace, `x-amzn-query-error`).
@Suite("The SQS client's targets, bodies and errors")
struct SQSClientTests {
    let transport = ScriptedTransport()
    var sqs: SQSClient { SQSClient(context: testContext(transport), endpoint: testEndpoint("sqs", region: "eu-west-1")) }

    @Test("GetQueueUrl posts the name as json 1.0 to AmazonSQS.GetQueueUrl and reads QueueUrl")
    func getQueueURL() async throws {
        transport.on("GetQueueUrl", json(200, #"{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/orders"}"#))
        let url = try await sqs.getQueueURL(name: "orders", ownerAccount: "123456789012")
        #expect(url == "https://sqs.eu-west-1.amazonaws.com/123456789012/orders")
        let request = try #require(transport.sent.first)
        #expect(request.method == "POST" && request.path == "/")
        #expect(request.headers["X-Amz-Target"] == "AmazonSQS.GetQueueUrl")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(jsonBody(request) as NSDictionary == ["QueueName": "orders", "QueueOwnerAWSAccountId": "123456789012"])
        #expect(request.headers["Authorization"]?.contains("/eu-west-1/sqs/aws4_request") == true)
    }

    @Test("GetQueueAttributes asks for QueueArn and answers it")
    func queueARN() async throws {
        transport.on(
            "GetQueueAttributes", json(200, #"{"Attributes":{"QueueArn":"arn:aws:sqs:eu-west-1:123456789012:orders"}}"#))
        let arn = try await sqs.queueARN(url: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders")
        #expect(arn == "arn:aws:sqs:eu-west-1:123456789012:orders")
        #expect(
            jsonBody(transport.sent[0]) as NSDictionary
                == ["QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", "AttributeNames": ["QueueArn"]])
    }

    @Test("a missing queue is QueueDoesNotExist with SQS's message and request id")
    func missingQueue() async throws {
        transport.on(
            "GetQueueUrl",
            json(
                400, #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#,
                headers: [("x-amzn-RequestId", "sqs-req-1"), ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")]))
        let error = await #expect(throws: AWSServiceError.self) { try await sqs.getQueueURL(name: "nope") }
        #expect(error?.code == "QueueDoesNotExist")
        #expect(error?.message == "The specified queue does not exist.")
        #expect(error?.requestID == "sqs-req-1")
        #expect(error?.operation == "GetQueueUrl")
    }

    @Test("RequestThrottled is retried as SQS's throttling")
    func throttled() async throws {
        let transport = ScriptedTransport()
        transport.on(
            "GetQueueUrl",
            json(403, #"{"__type":"com.amazonaws.sqs#RequestThrottled","message":"slow down"}"#),
            json(200, #"{"QueueUrl":"https://q/123456789012/orders"}"#))
        let client = SQSClient(context: testContext(transport, attempts: 3), endpoint: testEndpoint("sqs"))
        #expect(try await client.getQueueURL(name: "orders") == "https://q/123456789012/orders")
        #expect(transport.sent.count == 2)
    }

    @Test("locate asks GetQueueUrl for a name and builds the ARN; a URL or ARN needs no call")
    func locate() async throws {
        transport.on("GetQueueUrl", json(200, #"{"QueueUrl":"http://127.0.0.1:5000/123456789012/orders"}"#))
        let byName = try await sqs.locate(.name("orders"), region: "eu-west-1", account: "123456789012")
        #expect(byName == QueueLocation(url: "http://127.0.0.1:5000/123456789012/orders", arn: "arn:aws:sqs:eu-west-1:123456789012:orders"))
        let arn = try #require(QueueReference("arn:aws:sqs:us-east-2:210987654321:jobs"))
        let byARN = try await sqs.locate(arn, region: "eu-west-1", account: "123456789012")
        #expect(byARN.url == "https://sqs.us-east-2.amazonaws.com/210987654321/jobs")
        #expect(transport.sent.count == 1)
    }
}
