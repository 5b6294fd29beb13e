import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSNS

/// SNSClient on the wire: query-protocol forms (version 2010-03-31), XML answers, attribute maps
/// and `NextToken` paging.
@Suite("The SNS client's forms, answers and paging")
struct SNSClientTests {
    let transport = ScriptedTransport()
    var sns: SNSClient { SNSClient(context: testContext(transport), endpoint: testEndpoint("sns")) }
    static let topic = "arn:aws:sns:us-east-1:123456789012:alerts"

    @Test("Subscribe sends protocol, endpoint, sorted attribute entries and ReturnSubscriptionArn, and reads the ARN")
    func subscribe() async throws {
        transport.on(
            "Subscribe",
            xml(200, """
                <SubscribeResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><SubscribeResult>\
                <SubscriptionArn>\(Self.topic):5f1c</SubscriptionArn></SubscribeResult>\
                <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></SubscribeResponse>
                """))
        let arn = try await sns.subscribe(
            topicARN: Self.topic, protocol: "lambda", endpoint: "arn:aws:lambda:us-east-1:123456789012:function:f",
            attributes: ["FilterPolicy": #"{"type":["order"]}"#, "FilterPolicyScope": "MessageAttributes"])
        #expect(arn == "\(Self.topic):5f1c")
        let request = try #require(transport.sent.first)
        #expect(request.headers["Authorization"]?.contains("/us-east-1/sns/aws4_request") == true)
        #expect(formParameters(request) == [
            "Action": "Subscribe", "Version": "2010-03-31", "TopicArn": Self.topic, "Protocol": "lambda",
            "Endpoint": "arn:aws:lambda:us-east-1:123456789012:function:f",
            "Attributes.entry.1.key": "FilterPolicy", "Attributes.entry.1.value": #"{"type":["order"]}"#,
            "Attributes.entry.2.key": "FilterPolicyScope", "Attributes.entry.2.value": "MessageAttributes",
            "ReturnSubscriptionArn": "true",
        ])
    }

    @Test("ListSubscriptionsByTopic follows NextToken and reads every member")
    func listPages() async throws {
        func page(_ id: String, next: String?) -> HTTPResponse {
            xml(200, """
                <ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult><Subscriptions><member>\
                <TopicArn>\(Self.topic)</TopicArn><Protocol>lambda</Protocol><SubscriptionArn>\(Self.topic):\(id)</SubscriptionArn>\
                <Owner>123456789012</Owner><Endpoint>arn:aws:lambda:us-east-1:123456789012:function:\(id)</Endpoint>\
                </member></Subscriptions>\(next.map { "<NextToken>\($0)</NextToken>" } ?? "")\
                </ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>
                """)
        }
        transport.on("ListSubscriptionsByTopic", page("a", next: "t1"), page("b", next: nil))
        let subscriptions = try await sns.listSubscriptions(topicARN: Self.topic)
        #expect(subscriptions.map(\.endpoint) == ["arn:aws:lambda:us-east-1:123456789012:function:a", "arn:aws:lambda:us-east-1:123456789012:function:b"])
        #expect(subscriptions.first?.protocol == "lambda" && subscriptions.first?.owner == "123456789012")
        #expect(transport.sent.map { formParameters($0)["NextToken"] } == [nil, "t1"])
    }

    @Test("attribute answers read as maps; SetSubscriptionAttributes without a value clears it")
    func attributes() async throws {
        let answer = xml(200, """
            <R><GetSubscriptionAttributesResult><Attributes><entry><key>FilterPolicy</key><value>{"a":[1]}</value></entry>\
            <entry><key>Protocol</key><value>lambda</value></entry></Attributes></GetSubscriptionAttributesResult></R>
            """)
        transport.on("GetSubscriptionAttributes", answer)
        transport.on("SetSubscriptionAttributes", xml(200, "<R/>"))
        transport.on("GetTopicAttributes", xml(200, "<R><Attributes><entry><key>Owner</key><value>123456789012</value></entry></Attributes></R>"))
        #expect(try await sns.subscriptionAttributes(subscriptionARN: "s") == ["FilterPolicy": #"{"a":[1]}"#, "Protocol": "lambda"])
        try await sns.setSubscriptionAttribute(subscriptionARN: "s", name: "FilterPolicy", value: nil)
        #expect(try await sns.topicAttributes(topicARN: Self.topic) == ["Owner": "123456789012"])
        #expect(formParameters(transport.sent[1]) == [
            "Action": "SetSubscriptionAttributes", "Version": "2010-03-31", "SubscriptionArn": "s", "AttributeName": "FilterPolicy",
        ])
    }

    @Test("a missing topic is NotFound with SNS's message and request id; Unsubscribe sends the ARN")
    func errors() async throws {
        transport.on("GetTopicAttributes", queryError(404, "NotFound", "Topic does not exist", requestID: "sns-1"))
        transport.on("Unsubscribe", xml(200, "<R/>"))
        let error = await #expect(throws: AWSServiceError.self) { try await sns.topicAttributes(topicARN: Self.topic) }
        #expect(error?.code == "NotFound" && error?.message == "Topic does not exist" && error?.requestID == "sns-1")
        try await sns.unsubscribe(subscriptionARN: "\(Self.topic):x")
        #expect(formParameters(transport.sent[1])["SubscriptionArn"] == "\(Self.topic):x")
    }

    @Test("a topic name gets the region's ARN; an ARN stays; a bad name is no reference")
    func topicReference() throws {
        #expect(TopicReference("alerts")?.arn(region: "us-east-1", account: "123456789012") == Self.topic)
        #expect(TopicReference(Self.topic)?.arn(region: "eu-west-1", account: "999999999999") == Self.topic)
        #expect(TopicReference("events.fifo")?.name == "events.fifo")
        #expect(TopicReference("no spaces") == nil)
        #expect(TopicReference("arn:aws:sqs:us-east-1:123456789012:q") == nil)
    }
}
