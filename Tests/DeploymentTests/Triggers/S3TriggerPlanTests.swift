import AWSCore
import AWSS3
import Testing
@testable import Deployment

/// Attach and detach of an S3 trigger as plans over the configuration just read.
@Suite("S3 trigger plan")
struct S3TriggerPlanTests {
    static let functionARN = "arn:aws:lambda:us-east-1:123456789012:function:thumbs:live"
    static let trigger = S3Trigger(function: "thumbs", qualifier: "live", bucket: "photos", events: [], prefix: "in/", suffix: nil)
    static let queue = NotificationEntry(
        kind: .queue, id: "q", targetARN: "arn:aws:sqs:us-east-1:123456789012:q", events: ["s3:ObjectCreated:*"], prefix: "logs/")
    static let existing = BucketNotificationConfiguration(elements: [queue.element, XMLDocumentNode(name: "EventBridgeConfiguration")])

    @Test("attach writes the merged configuration once, then a rerun plans nothing")
    func attachThenRerun() throws {
        let entry = Self.trigger.entry(functionARN: Self.functionARN)
        guard case .write(let merged) = S3TriggerPlan.attach(entry, to: Self.existing) else {
            Issue.record("expected a write")
            return
        }
        #expect(Array(merged.elements.prefix(2)) == Self.existing.elements)
        #expect(S3TriggerPlan.attach(entry, to: merged) == .unchanged)
        #expect(!S3TriggerPlan.needsRetry(entry, present: true, readBack: merged))
        #expect(S3TriggerPlan.needsRetry(entry, present: true, readBack: Self.existing), "a concurrent writer dropped ours")
    }

    @Test("an overlapping entry refuses the attach before any write")
    func refused() {
        let logs = S3Trigger(function: "thumbs", qualifier: "live", bucket: "photos", events: ["s3:ObjectCreated:Copy"],
                             prefix: "logs/x", suffix: nil)
        guard case .refused(let overlap) = S3TriggerPlan.attach(logs.entry(functionARN: Self.functionARN), to: Self.existing) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(overlap.other == Self.queue)
    }

    @Test("detach removes exactly our entry; detaching what is not there plans nothing")
    func detach() throws {
        let entry = Self.trigger.entry(functionARN: Self.functionARN)
        let merged = S3NotificationMerge.merging(entry, into: Self.existing)
        #expect(S3TriggerPlan.detach(id: Self.trigger.notificationID, from: merged) == .write(Self.existing))
        #expect(S3TriggerPlan.detach(id: Self.trigger.notificationID, from: Self.existing) == .unchanged)
        #expect(S3TriggerPlan.needsRetry(entry, present: false, readBack: merged))
        #expect(!S3TriggerPlan.needsRetry(entry, present: false, readBack: Self.existing))
    }

    @Test("only S3's destination-validation answer is retried")
    func unvalidated() {
        #expect(S3TriggerPlan.isUnvalidatedDestination(
            code: "InvalidArgument", message: "Unable to validate the following destination configurations"))
        #expect(!S3TriggerPlan.isUnvalidatedDestination(
            code: "InvalidArgument", message: "Configurations overlap. Configurations on the same bucket cannot share a common event type."))
        #expect(!S3TriggerPlan.isUnvalidatedDestination(code: "AccessDenied", message: nil))
    }
}
