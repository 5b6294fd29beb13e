import AWSCore
import AWSS3
import Foundation
import Testing
@testable import Deployment

/// The S3 trigger core: our entry replaced or removed by id, everything else kept in order,
/// and overlaps with other entries found before any write.
@Suite("S3 notification merge")
struct S3NotificationMergeTests {
    static let functionARN = "arn:aws:lambda:us-east-1:123456789012:function:thumbs"
    static let trigger = S3Trigger(
        function: "thumbs", qualifier: nil, bucket: "photos", events: [], prefix: "uploads/", suffix: ".jpg")

    /// A bucket with a topic, a queue, another function, EventBridge and an unknown element.
    static func existing() throws -> BucketNotificationConfiguration {
        let text = """
            <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <TopicConfiguration><Id>topic-1</Id><Topic>arn:aws:sns:us-east-1:123456789012:t</Topic>
                <Event>s3:ReducedRedundancyLostObject</Event></TopicConfiguration>
              <QueueConfiguration><Id>queue-1</Id><Queue>arn:aws:sqs:us-east-1:123456789012:q</Queue>
                <Event>s3:ObjectCreated:*</Event>
                <Filter><S3Key><FilterRule><Name>Prefix</Name><Value>logs/</Value></FilterRule></S3Key></Filter>
              </QueueConfiguration>
              <CloudFunctionConfiguration><Id>someone-else</Id>
                <CloudFunction>arn:aws:lambda:us-east-1:123456789012:function:other</CloudFunction>
                <Event>s3:ObjectRemoved:*</Event></CloudFunctionConfiguration>
              <EventBridgeConfiguration/>
              <Unknown><Kept>yes</Kept></Unknown>
            </NotificationConfiguration>
            """
        return BucketNotificationConfiguration(xml: try XMLDocumentNode.parse(Data(text.utf8)))
    }

    @Test("the notification id is lambdactl-<function>-s3-<hash>, from the whole identity")
    func notificationID() {
        #expect(Self.trigger.notificationID.hasPrefix("lambdactl-thumbs-s3-"))
        let other = S3Trigger(function: "thumbs", qualifier: nil, bucket: "photos", events: [], prefix: "uploads/", suffix: ".png")
        #expect(other.notificationID != Self.trigger.notificationID)
        #expect(Self.trigger.events == ["s3:ObjectCreated:*"], "no events means S3's ObjectCreated:*")
        #expect(Self.trigger.bucketARN() == "arn:aws:s3:::photos")
    }

    @Test("merging appends our entry once and keeps every other element unchanged and in order")
    func mergeAppends() throws {
        let before = try Self.existing()
        let entry = Self.trigger.entry(functionARN: Self.functionARN)
        let after = S3NotificationMerge.merging(entry, into: before)
        #expect(Array(after.elements.prefix(5)) == before.elements)
        #expect(after.elements.count == 6)
        #expect(NotificationEntry(after.elements[5]) == entry)
        #expect(S3NotificationMerge.isCurrent(entry, in: after))
        #expect(!S3NotificationMerge.isCurrent(entry, in: before))
        #expect(S3NotificationMerge.merging(entry, into: after) == after, "merging again changes nothing")
    }

    @Test("merging replaces our entry in its place and drops a duplicate of its id")
    func mergeReplaces() throws {
        var entry = Self.trigger.entry(functionARN: Self.functionARN)
        var elements = try Self.existing().elements
        elements.insert(entry.element, at: 1)
        elements.append(entry.element)
        entry.targetARN += ":live"
        let after = S3NotificationMerge.merging(entry, into: BucketNotificationConfiguration(elements: elements))
        #expect(after.elements.count == 6)
        #expect(NotificationEntry(after.elements[1])?.targetARN == Self.functionARN + ":live")
        #expect(after.elements.map(\.name) == [
            "TopicConfiguration", "CloudFunctionConfiguration", "QueueConfiguration", "CloudFunctionConfiguration",
            "EventBridgeConfiguration", "Unknown",
        ])
    }

    @Test("isCurrent ignores event order but not a changed destination or filter")
    func isCurrent() throws {
        let trigger = S3Trigger(
            function: "thumbs", qualifier: nil, bucket: "photos", events: ["s3:ObjectRemoved:*", "s3:ObjectCreated:*"],
            prefix: nil, suffix: nil)
        var entry = trigger.entry(functionARN: Self.functionARN)
        let configuration = BucketNotificationConfiguration(elements: [entry.element])
        entry.events.reverse()
        #expect(S3NotificationMerge.isCurrent(entry, in: configuration))
        entry.suffix = ".jpg"
        #expect(!S3NotificationMerge.isCurrent(entry, in: configuration))
    }

    @Test("removing takes exactly our entry and nothing else")
    func remove() throws {
        let before = try Self.existing()
        let entry = Self.trigger.entry(functionARN: Self.functionARN)
        let merged = S3NotificationMerge.merging(entry, into: before)
        #expect(S3NotificationMerge.removing(id: Self.trigger.notificationID, from: merged) == before)
        #expect(S3NotificationMerge.removing(id: "absent", from: before) == before)
    }

    @Test("an overlapping queue entry is named: same event family, compatible prefixes and suffixes")
    func overlapNamed() throws {
        let logs = S3Trigger(function: "thumbs", qualifier: nil, bucket: "photos", events: ["s3:ObjectCreated:Put"],
                             prefix: "logs/2026/", suffix: nil)
        let overlap = try #require(S3NotificationMerge.overlap(of: logs.entry(functionARN: Self.functionARN), in: try Self.existing()))
        #expect(overlap.other.id == "queue-1")
        #expect(overlap.ourEvent == "s3:ObjectCreated:Put")
        #expect(overlap.theirEvent == "s3:ObjectCreated:*")
        #expect(overlap.description.contains("queue-1"))
        #expect(overlap.description.contains("arn:aws:sqs:us-east-1:123456789012:q"))
    }

    @Test("disjoint prefixes or other event types do not overlap; our own entry never overlaps itself")
    func noOverlap() throws {
        let existing = try Self.existing()
        let entry = Self.trigger.entry(functionARN: Self.functionARN)
        #expect(S3NotificationMerge.overlap(of: entry, in: existing) == nil, "uploads/ and logs/ are disjoint")
        let merged = S3NotificationMerge.merging(entry, into: existing)
        #expect(S3NotificationMerge.overlap(of: entry, in: merged) == nil)
        let restore = S3Trigger(function: "thumbs", qualifier: nil, bucket: "photos", events: ["s3:ObjectRestore:*"],
                                prefix: nil, suffix: nil)
        #expect(S3NotificationMerge.overlap(of: restore.entry(functionARN: Self.functionARN), in: existing) == nil)
    }

    @Test("event types overlap as S3 defines them", arguments: [
        ("s3:ObjectCreated:*", "s3:ObjectCreated:Put", true),
        ("s3:ObjectCreated:Put", "s3:ObjectCreated:*", true),
        ("s3:ObjectCreated:Put", "s3:ObjectCreated:Put", true),
        ("s3:ObjectCreated:Put", "s3:ObjectCreated:Post", false),
        ("s3:ObjectCreated:*", "s3:ObjectRemoved:*", false),
        ("s3:ObjectRemoved:*", "s3:ObjectRemoved:DeleteMarkerCreated", true),
        ("s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*", false),
    ])
    func events(a: String, b: String, overlaps: Bool) {
        #expect(S3EventFilter.eventsOverlap(a, b) == overlaps)
    }

    @Test("key filters overlap when some key could match both", arguments: [
        (nil, nil, "images/", nil, true),  // no filter matches every key
        ("images/", nil, "images/2026/", nil, true),
        ("images/", nil, "videos/", nil, false),
        (nil, ".jpg", nil, ".png", false),
        (nil, ".jpg", nil, "jpg", true),
        ("images/", ".jpg", "images/", ".png", false),
        ("images/", nil, nil, ".jpg", true),  // images/x.jpg matches both
        ("Images/", nil, "images/", nil, false),  // keys are case-sensitive
    ] as [(String?, String?, String?, String?, Bool)])
    func keys(p1: String?, s1: String?, p2: String?, s2: String?, overlaps: Bool) {
        #expect(S3EventFilter.keysOverlap(prefixes: (p1, p2), suffixes: (s1, s2)) == overlaps)
    }
}
