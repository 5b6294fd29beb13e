import Foundation
import Testing
@testable import Deployment

/// The `lambdactl-event-sources` inline policy: per mapping exactly the poller's actions on that
/// source, deterministic statement ids, add and remove as pure edits of the document.
@Suite("Event-source policy")
struct EventSourcePolicyTests {
    static let queue = "arn:aws:sqs:us-east-1:123456789012:orders"
    static let stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
    static let table = "arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2026-01-01T00:00:00.000"

    static func identity(_ kind: TriggerKind, _ arn: String) -> TriggerIdentity {
        .mapping(kind, function: "worker", qualifier: nil, sourceARN: arn)
    }

    @Test("an SQS mapping gets receive, delete and attributes on that queue only")
    func sqs() {
        let statements = EventSourcePolicy.statements(
            for: Self.identity(.sqs, Self.queue), source: .sqs(fifo: false), sourceARN: Self.queue, onFailure: nil)
        #expect(statements.count == 1)
        #expect(statements[0].actions == ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"])
        #expect(statements[0].resources == [Self.queue])
    }

    @Test("a Kinesis mapping gets the stream read actions on the stream, none that need Resource *")
    func kinesis() {
        let statement = EventSourcePolicy.statements(
            for: Self.identity(.kinesis, Self.stream), source: .kinesis, sourceARN: Self.stream, onFailure: nil)[0]
        #expect(Set(statement.actions) == [
            "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
            "kinesis:ListShards",
        ])
        #expect(!statement.actions.contains("kinesis:ListStreams"))
        #expect(statement.resources == [Self.stream])
    }

    @Test("a DynamoDB mapping gets the stream actions on the stream ARN, and an on-failure target its send action")
    func dynamodbWithFailure() {
        let sns = "arn:aws:sns:us-east-1:123456789012:stream-failures"
        let identity = Self.identity(.dynamodb, Self.table)
        let statements = EventSourcePolicy.statements(for: identity, source: .dynamodb, sourceARN: Self.table, onFailure: sns)
        #expect(statements.map(\.actions) == [
            ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"], ["sns:Publish"],
        ])
        #expect(statements.map(\.resources) == [[Self.table], [sns]])
        #expect(statements.map(\.sid) == [EventSourcePolicy.statementID(for: identity), EventSourcePolicy.statementID(for: identity) + "OnFailure"])
        let sqs = EventSourcePolicy.statements(for: identity, source: .dynamodb, sourceARN: Self.table, onFailure: Self.queue)
        #expect(sqs[1].actions == ["sqs:SendMessage"])
    }

    @Test("statement ids are letters and digits, per mapping identity")
    func statementIDs() {
        let sid = EventSourcePolicy.statementID(for: Self.identity(.dynamodb, Self.table))
        #expect(sid.hasPrefix("LambdactlDynamodb"))
        #expect(sid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(sid != EventSourcePolicy.statementID(for: .mapping(.dynamodb, function: "worker", qualifier: "live", sourceARN: Self.table)))
    }

    @Test("adding twice gives the same document; removing takes exactly the mapping's statements")
    func addRemove() throws {
        let queueID = Self.identity(.sqs, Self.queue), streamID = Self.identity(.kinesis, Self.stream)
        var document = PolicyDocument()
        document = EventSourcePolicy.adding(
            EventSourcePolicy.statements(for: queueID, source: .sqs(fifo: false), sourceARN: Self.queue, onFailure: nil), to: document)
        let streamStatements = EventSourcePolicy.statements(
            for: streamID, source: .kinesis, sourceARN: Self.stream, onFailure: "arn:aws:sqs:us-east-1:123456789012:dlq")
        document = EventSourcePolicy.adding(streamStatements, to: document)
        #expect(document.statements.count == 3)
        #expect(EventSourcePolicy.adding(streamStatements, to: document) == document, "a rerun changes nothing")
        let withoutStream = EventSourcePolicy.removing(streamID, from: document)
        #expect(withoutStream.statements.map(\.sid) == [EventSourcePolicy.statementID(for: queueID)])
        #expect(EventSourcePolicy.removing(queueID, from: withoutStream).statements.isEmpty)
    }

    @Test("the JSON round-trips, is deterministic, and keeps statements of another shape verbatim")
    func json() throws {
        let text = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Hand", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
               "Condition": {"StringEquals": {"aws:PrincipalTag/team": "x"}}},
              {"Sid": "LambdactlSqs0123", "Effect": "Allow", "Action": ["sqs:ReceiveMessage"], "Resource": "arn:aws:sqs:us-east-1:1:q"}
            ]}
            """
        let document = try #require(PolicyDocument(json: text))
        #expect(document.statements == [PolicyDocumentStatement(sid: "LambdactlSqs0123", actions: ["sqs:ReceiveMessage"], resources: ["arn:aws:sqs:us-east-1:1:q"])])
        guard case .other(let kept) = document.entries[0] else {
            Issue.record("the conditioned statement should be kept as is")
            return
        }
        #expect(kept.contains(#""Condition":{"StringEquals":{"aws:PrincipalTag/team":"x"}}"#))
        let reparsed = try #require(PolicyDocument(json: document.jsonText))
        #expect(reparsed == document)
        #expect(reparsed.jsonText == document.jsonText)
        #expect(document.jsonText.hasPrefix(#"{"Statement":[{"Action":"s3:GetObject","#))
        #expect(document.jsonText.hasSuffix(#""Version":"2012-10-17"}"#))
        #expect(PolicyDocument(json: "not json") == nil)
        #expect(PolicyDocument(json: #"{"Version": "2012-10-17", "Statement": 3}"#) == nil)
    }
}
