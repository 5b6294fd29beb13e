import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSS3

/// Bucket notifications on the wire: GET and PUT `?notification`, every element S3 sent kept in
/// order, lambdactl's entries decoded and encoded; GetBucketLocation's region rules.
@Suite("S3 notification configuration")
struct S3NotificationTests {
    let transport = ScriptedTransport()
    var s3: S3Client { S3Client(context: testContext(transport), endpoint: testEndpoint("s3", region: "us-east-1")) }

    /// The PUT example of the S3 API Reference (PutBucketNotificationConfiguration), plus an
    /// EventBridge switch and an element S3 may add one day.
    static let documentSample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <TopicConfiguration>
            <Id>YjVkM2Y0YmUtNGI3NC00ZjQyLWEwNGItNDIyYWUxY2I0N2M4</Id>
            <Filter><S3Key><FilterRule><Name>Prefix</Name><Value>images/</Value></FilterRule></S3Key></Filter>
            <Topic>arn:aws:sns:us-east-1:356671443308:s3notificationtopic2</Topic>
            <Event>s3:ReducedRedundancyLostObject</Event>
          </TopicConfiguration>
          <QueueConfiguration>
            <Id>ObjectCreatedEvents</Id>
            <Queue>arn:aws:sqs:us-east-1:356671443308:s3notificationqueue</Queue>
            <Event>s3:ObjectCreated:*</Event>
          </QueueConfiguration>
          <CloudFunctionConfiguration>
            <Id>ObjectCreatedEvents-thumbnail</Id>
            <CloudFunction>arn:aws:lambda:us-west-2:35667example:function:CreateThumbnail</CloudFunction>
            <Event>s3:ObjectCreated:*</Event>
            <Filter><S3Key>
              <FilterRule><Name>prefix</Name><Value>uploads/</Value></FilterRule>
              <FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule>
            </S3Key></Filter>
          </CloudFunctionConfiguration>
          <EventBridgeConfiguration></EventBridgeConfiguration>
          <FutureConfiguration><Setting>on</Setting><Nested><Deep>1</Deep></Nested></FutureConfiguration>
        </NotificationConfiguration>
        """

    @Test("GET ?notification keeps every element in order and decodes queue, topic and function entries")
    func readsEverything() async throws {
        transport.on("GET /bucket", xml(200, Self.documentSample))
        let configuration = try await s3.notificationConfiguration("bucket")
        let request = try #require(transport.sent.first)
        #expect(request.query == [QueryItem("notification", "")])
        #expect(configuration.elements.map(\.name) == [
            "TopicConfiguration", "QueueConfiguration", "CloudFunctionConfiguration", "EventBridgeConfiguration",
            "FutureConfiguration",
        ])
        let entries = configuration.destinations.map(\.entry)
        #expect(entries.map(\.kind) == [.topic, .queue, .function])
        #expect(entries[0].prefix == "images/", "filter rule names are case-insensitive")
        #expect(entries[1].targetARN == "arn:aws:sqs:us-east-1:356671443308:s3notificationqueue")
        #expect(entries[2] == NotificationEntry(
            kind: .function, id: "ObjectCreatedEvents-thumbnail",
            targetARN: "arn:aws:lambda:us-west-2:35667example:function:CreateThumbnail", events: ["s3:ObjectCreated:*"],
            prefix: "uploads/", suffix: ".jpg"))
        #expect(configuration.destinations.map(\.index) == [0, 1, 2])
    }

    @Test("PUT ?notification writes back what GET read, unknown elements included, with no skip-validation header")
    func roundTrip() async throws {
        transport.on("GET /bucket", xml(200, Self.documentSample))
        transport.on("PUT /bucket", HTTPResponse(status: 200))
        let configuration = try await s3.notificationConfiguration("bucket")
        try await s3.setNotificationConfiguration("bucket", configuration, expectedOwner: "123456789012")
        let put = try #require(transport.sent.last)
        #expect(put.method == "PUT")
        #expect(put.query == [QueryItem("notification", "")])
        #expect(put.headers["x-amz-skip-destination-validation"] == nil, "S3 must validate the destinations")
        #expect(put.headers["x-amz-expected-bucket-owner"] == "123456789012")
        let body = bodyText(put)
        #expect(body.hasPrefix("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"))
        #expect(body.contains("<EventBridgeConfiguration></EventBridgeConfiguration>"))
        #expect(body.contains("<FutureConfiguration><Setting>on</Setting><Nested><Deep>1</Deep></Nested></FutureConfiguration>"))
        #expect(body.contains("<Name>Prefix</Name>"), "another writer's rule name is kept as it was")
        let reread = BucketNotificationConfiguration(xml: try XMLDocumentNode.parse(Data(body.utf8)))
        #expect(reread == configuration)
    }

    @Test("an empty configuration reads as no elements and writes as an empty element")
    func empty() async throws {
        transport.on(
            "GET /bucket",
            xml(200, "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"))
        let configuration = try await s3.notificationConfiguration("bucket")
        #expect(configuration.elements.isEmpty)
        #expect(configuration.xmlText
            == "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></NotificationConfiguration>")
    }

    @Test("a function entry encodes Id, CloudFunction, Events, then a Filter only when it has rules")
    func encodesEntry() {
        let plain = NotificationEntry(kind: .function, id: "x", targetARN: "arn:f", events: ["s3:ObjectRemoved:*"])
        #expect(plain.element.xmlText() == "<CloudFunctionConfiguration><Id>x</Id><CloudFunction>arn:f</CloudFunction>"
            + "<Event>s3:ObjectRemoved:*</Event></CloudFunctionConfiguration>")
        var filtered = plain
        filtered.suffix = ".a&b"
        #expect(filtered.element.xmlText().hasSuffix(
            "<Filter><S3Key><FilterRule><Name>suffix</Name><Value>.a&amp;b</Value></FilterRule></S3Key></Filter>"
                + "</CloudFunctionConfiguration>"))
        #expect(NotificationEntry(filtered.element) == filtered)
        #expect(NotificationEntry(XMLDocumentNode(name: "EventBridgeConfiguration")) == nil)
    }

    @Test("an S3 refusal of the PUT surfaces its code and message")
    func refusal() async throws {
        transport.on(
            "PUT /bucket",
            xml(400, """
                <Error><Code>InvalidArgument</Code><Message>Unable to validate the following destination configurations</Message>\
                <ArgumentName1>arn:aws:lambda:us-east-1:123456789012:function:f</ArgumentName1>\
                <ArgumentValue1>Not authorized to invoke function</ArgumentValue1><RequestId>R9</RequestId></Error>
                """))
        let error = await #expect(throws: AWSServiceError.self) {
            try await s3.setNotificationConfiguration("bucket", BucketNotificationConfiguration())
        }
        #expect(error?.code == "InvalidArgument")
        #expect(error?.message == "Unable to validate the following destination configurations")
    }

    @Test("GetBucketLocation: empty is us-east-1, EU is eu-west-1, anything else is the region")
    func location() async throws {
        transport.on(
            "GET /bucket",
            xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"),
            xml(200, "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">EU</LocationConstraint>"),
            xml(200, "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-central-1</LocationConstraint>"))
        #expect(try await s3.bucketRegion("bucket") == "us-east-1")
        #expect(try await s3.bucketRegion("bucket") == "eu-west-1")
        #expect(try await s3.bucketRegion("bucket") == "eu-central-1")
        #expect(transport.sent.first?.query == [QueryItem("location", "")])
    }
}
