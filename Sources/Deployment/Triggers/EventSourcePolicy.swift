import Foundation

/// The statements of the execution role's inline policy `lambdactl-event-sources`: for each
/// mapping exactly the actions Lambda's poller needs, on that source's ARN only (not the
/// managed `AWSLambda*ExecutionRole` policies with `Resource: "*"`), plus the send action on an
/// on-failure destination. Statement ids derive from the mapping's identity, so a rerun
/// rewrites the same statements and detach removes exactly them. Pure.
///
/// Actions: SQS as the Lambda Developer Guide lists them for queues; Kinesis those of
/// `AWSLambdaKinesisExecutionRole` that can be scoped to a stream (`ListStreams` names no
/// stream and `SubscribeToShard` serves only stream consumers, so both are left out);
/// DynamoDB those of `AWSLambdaDynamoDBExecutionRole`, on the stream ARN as the DynamoDB
/// Developer Guide's example does.
package enum EventSourcePolicy {
    /// The inline policy's name.
    package static let policyName = "lambdactl-event-sources"

    /// The read actions per source.
    package static func actions(for source: MappingSource) -> [String] {
        switch source {
        case .sqs: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        case .kinesis:
            ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
             "kinesis:ListShards"]
        case .dynamodb: ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"]
        }
    }

    /// The action that sends a discarded batch's record to `target`: `sqs:SendMessage` on a
    /// queue, `sns:Publish` on a topic; nil for anything else.
    package static func failureAction(for target: String) -> String? {
        let service = target.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first
        switch service {
        case "sqs": return "sqs:SendMessage"
        case "sns": return "sns:Publish"
        default: return nil
        }
    }

    /// Whether `target` is an ARN an on-failure destination may name (an SQS queue or SNS topic).
    package static func isFailureDestination(_ target: String) -> Bool {
        target.hasPrefix("arn:") && target.split(separator: ":", omittingEmptySubsequences: false).count >= 6
            && failureAction(for: target) != nil
    }

    /// The statements one mapping needs: the source's read actions on the source ARN, and when
    /// there is an on-failure target the send action on it.
    package static func statements(for identity: TriggerIdentity, source: MappingSource, sourceARN: String, onFailure: String?)
        -> [PolicyDocumentStatement]
    {
        let sid = statementID(for: identity)
        var statements = [PolicyDocumentStatement(sid: sid, actions: actions(for: source), resources: [sourceARN])]
        if let onFailure, let action = failureAction(for: onFailure) {
            statements.append(PolicyDocumentStatement(sid: sid + "OnFailure", actions: [action], resources: [onFailure]))
        }
        return statements
    }

    /// `Lambdactl<Kind><hash>`: IAM statement ids take only letters and digits.
    package static func statementID(for identity: TriggerIdentity) -> String {
        "Lambdactl" + identity.kind.rawValue.prefix(1).uppercased() + identity.kind.rawValue.dropFirst() + identity.hash
    }

    /// `document` with the mapping's statements in place (replacing any with the same ids, in
    /// their place; the rest kept as they were).
    package static func adding(_ statements: [PolicyDocumentStatement], to document: PolicyDocument) -> PolicyDocument {
        var result = document
        for statement in statements { result.upsert(statement) }
        return result
    }

    /// `document` without the mapping's statements (its read statement and any on-failure one).
    package static func removing(_ identity: TriggerIdentity, from document: PolicyDocument) -> PolicyDocument {
        let sid = statementID(for: identity)
        var result = document
        result.remove(sids: [sid, sid + "OnFailure"])
        return result
    }
}
