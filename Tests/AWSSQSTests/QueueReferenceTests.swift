import Testing
@testable import AWSSQS

/// The pure resolver from what a user types (`--sqs QUEUE`) to the queue's URL and ARN.
@Suite("Queue references: names, URLs and ARNs")
struct QueueReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var url: String
        var arn: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "orders", url: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders",
             arn: "arn:aws:sqs:eu-west-1:123456789012:orders"),
        Case(text: "orders.fifo", url: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo",
             arn: "arn:aws:sqs:eu-west-1:123456789012:orders.fifo"),
        Case(text: "https://sqs.us-east-2.amazonaws.com/210987654321/jobs",
             url: "https://sqs.us-east-2.amazonaws.com/210987654321/jobs", arn: "arn:aws:sqs:us-east-2:210987654321:jobs"),
        Case(text: "https://ap-south-1.queue.amazonaws.com/210987654321/jobs",
             url: "https://ap-south-1.queue.amazonaws.com/210987654321/jobs", arn: "arn:aws:sqs:ap-south-1:210987654321:jobs"),
        Case(text: "http://127.0.0.1:5000/123456789012/local",
             url: "http://127.0.0.1:5000/123456789012/local", arn: "arn:aws:sqs:eu-west-1:123456789012:local"),
        Case(text: "arn:aws:sqs:us-west-2:210987654321:jobs",
             url: "https://sqs.us-west-2.amazonaws.com/210987654321/jobs", arn: "arn:aws:sqs:us-west-2:210987654321:jobs"),
        Case(text: "arn:aws-cn:sqs:cn-north-1:210987654321:jobs",
             url: "https://sqs.cn-north-1.amazonaws.com.cn/210987654321/jobs", arn: "arn:aws-cn:sqs:cn-north-1:210987654321:jobs"),
    ]

    @Test("each form resolves to its URL and ARN; what it leaves out comes from region and account", arguments: cases)
    func resolves(_ item: Case) throws {
        let reference = try #require(QueueReference(item.text))
        let location = reference.location(region: "eu-west-1", account: "123456789012")
        #expect(location.url == item.url)
        #expect(location.arn == item.arn)
    }

    @Test("names and ARNs SQS would refuse are not references", arguments: [
        "", "has space", String(repeating: "a", count: 81), "arn:aws:sns:us-east-1:123456789012:topic",
        "arn:aws:sqs:us-east-1:12345:short-account", "https://sqs.us-east-1.amazonaws.com/orders", ".fifo",
    ])
    func refuses(_ text: String) {
        #expect(QueueReference(text) == nil)
    }

    @Test("a name in the China partition gets that partition's ARN and DNS suffix")
    func partition() throws {
        let location = try #require(QueueReference("orders")).location(region: "cn-north-1", account: "123456789012", partition: "aws-cn")
        #expect(location.url == "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders")
        #expect(location.arn == "arn:aws-cn:sqs:cn-north-1:123456789012:orders")
    }
}
