import AWSCore
import Foundation

// Shapes from botocore `data/events/2015-10-07/service-2.json` (only the members lambdactl uses).

/// `PutRuleRequest`: a rule with an event pattern or a schedule expression.
package struct PutRuleInput: Codable, Sendable, Equatable {
    /// The rule's name (1–64 characters).
    package var name: String
    /// The event pattern, as JSON text.
    package var eventPattern: String?
    /// `rate(…)` or `cron(…)` (rules with schedules are legacy; use Scheduler).
    package var scheduleExpression: String?
    /// `ENABLED` or `DISABLED`.
    package var state: String?
    /// A description.
    package var description: String?
    /// The event bus (default `default`).
    package var eventBusName: String?
    /// Tags on the rule (only taken when it is created).
    package var tags: [Tag]?

    /// Creates a request.
    package init(
        name: String, eventPattern: String? = nil, scheduleExpression: String? = nil, state: String? = nil,
        description: String? = nil, eventBusName: String? = nil, tags: [Tag]? = nil
    ) {
        self.name = name
        self.eventPattern = eventPattern
        self.scheduleExpression = scheduleExpression
        self.state = state
        self.description = description
        self.eventBusName = eventBusName
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", eventPattern = "EventPattern", scheduleExpression = "ScheduleExpression", state = "State"
        case description = "Description", eventBusName = "EventBusName", tags = "Tags"
    }
}

/// `DescribeRuleResponse`.
package struct Rule: Codable, Sendable, Equatable {
    /// The name.
    package var name: String?
    /// The ARN.
    package var arn: String?
    /// The event pattern as JSON text.
    package var eventPattern: String?
    /// The schedule expression.
    package var scheduleExpression: String?
    /// `ENABLED` or `DISABLED`.
    package var state: String?
    /// The description.
    package var description: String?
    /// The bus.
    package var eventBusName: String?
    /// The service that manages it, if any (such rules cannot be changed).
    package var managedBy: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name", arn = "Arn", eventPattern = "EventPattern", scheduleExpression = "ScheduleExpression"
        case state = "State", description = "Description", eventBusName = "EventBusName", managedBy = "ManagedBy"
    }
}

/// A rule's target (`Target`), here a Lambda function or alias ARN with an optional input.
package struct Target: Codable, Sendable, Equatable {
    /// The target's id within the rule (1–64 characters).
    package var id: String
    /// The function (or other resource) ARN.
    package var arn: String
    /// Constant JSON input instead of the event.
    package var input: String?
    /// A JSONPath into the event instead of the whole event.
    package var inputPath: String?
    /// Retries of a failed delivery.
    package var retryPolicy: RetryPolicy?
    /// Where undeliverable events go (an SQS queue ARN).
    package var deadLetterConfig: DeadLetterConfig?

    /// Creates a target.
    package init(
        id: String, arn: String, input: String? = nil, inputPath: String? = nil, retryPolicy: RetryPolicy? = nil,
        deadLetterConfig: DeadLetterConfig? = nil
    ) {
        self.id = id
        self.arn = arn
        self.input = input
        self.inputPath = inputPath
        self.retryPolicy = retryPolicy
        self.deadLetterConfig = deadLetterConfig
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", input = "Input", inputPath = "InputPath", retryPolicy = "RetryPolicy"
        case deadLetterConfig = "DeadLetterConfig"
    }

    /// `RetryPolicy`.
    package struct RetryPolicy: Codable, Sendable, Equatable {
        /// 0–185.
        package var maximumRetryAttempts: Int?
        /// 60–86400 seconds.
        package var maximumEventAgeInSeconds: Int?
        /// Creates a policy.
        package init(maximumRetryAttempts: Int? = nil, maximumEventAgeInSeconds: Int? = nil) {
            self.maximumRetryAttempts = maximumRetryAttempts
            self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        }
        enum CodingKeys: String, CodingKey {
            case maximumRetryAttempts = "MaximumRetryAttempts", maximumEventAgeInSeconds = "MaximumEventAgeInSeconds"
        }
    }

    /// `DeadLetterConfig`.
    package struct DeadLetterConfig: Codable, Sendable, Equatable {
        /// The queue ARN.
        package var arn: String?
        /// Creates a config.
        package init(arn: String?) { self.arn = arn }
        enum CodingKeys: String, CodingKey { case arn = "Arn" }
    }
}

/// A `Tag` (`Key`/`Value`).
package struct Tag: Codable, Sendable, Equatable {
    /// The key.
    package var key: String
    /// The value.
    package var value: String
    /// Creates a tag.
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
    enum CodingKeys: String, CodingKey { case key = "Key", value = "Value" }

    /// `tags` sorted by key, as `[Tag]`.
    package static func list(_ tags: [String: String]) -> [Tag] {
        tags.sorted { $0.key < $1.key }.map { Tag(key: $0.key, value: $0.value) }
    }
}

/// One entry of `FailedEntries` in PutTargets / RemoveTargets answers.
package struct FailedTargetEntry: Codable, Sendable, Equatable {
    /// The target's id.
    package var targetID: String?
    /// The error code.
    package var errorCode: String?
    /// The error message.
    package var errorMessage: String?
    enum CodingKeys: String, CodingKey { case targetID = "TargetId", errorCode = "ErrorCode", errorMessage = "ErrorMessage" }
}

/// A PutTargets or RemoveTargets answer that names failed entries: AWS answers 200 and lists them.
package struct TargetEntriesFailed: Error, Sendable, Equatable, CustomStringConvertible {
    /// `PutTargets` or `RemoveTargets`.
    package var operation: String
    /// The failed entries.
    package var entries: [FailedTargetEntry]
    package var description: String {
        let parts = entries.map { "\($0.targetID ?? "?"): \($0.errorCode ?? "error") \($0.errorMessage ?? "")" }
        return "\(operation) failed for \(parts.joined(separator: "; "))"
    }
}

struct RuleARNOutput: Decodable {
    var ruleARN: String?
    enum CodingKeys: String, CodingKey { case ruleARN = "RuleArn" }
}

struct RuleName: Encodable {
    var name: String
    var eventBusName: String?
    enum CodingKeys: String, CodingKey { case name = "Name", eventBusName = "EventBusName" }
}

struct PutTargetsInput: Encodable {
    var rule: String
    var eventBusName: String?
    var targets: [Target]
    enum CodingKeys: String, CodingKey { case rule = "Rule", eventBusName = "EventBusName", targets = "Targets" }
}

struct RemoveTargetsInput: Encodable {
    var rule: String
    var eventBusName: String?
    var ids: [String]
    enum CodingKeys: String, CodingKey { case rule = "Rule", eventBusName = "EventBusName", ids = "Ids" }
}

struct TargetEntriesOutput: Decodable {
    var failedEntryCount: Int?
    var failedEntries: [FailedTargetEntry]?
    enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount", failedEntries = "FailedEntries" }
}

struct ListRuleNamesByTargetInput: Encodable {
    var targetARN: String
    var eventBusName: String?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case targetARN = "TargetArn", eventBusName = "EventBusName", nextToken = "NextToken" }
}

struct ListRuleNamesByTargetOutput: Decodable {
    var ruleNames: [String]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case ruleNames = "RuleNames", nextToken = "NextToken" }
}

struct ListTargetsByRuleInput: Encodable {
    var rule: String
    var eventBusName: String?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case rule = "Rule", eventBusName = "EventBusName", nextToken = "NextToken" }
}

struct ListTargetsByRuleOutput: Decodable {
    var targets: [Target]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case targets = "Targets", nextToken = "NextToken" }
}

struct TagResourceInput: Encodable {
    var resourceARN: String
    var tags: [Tag]
    enum CodingKeys: String, CodingKey { case resourceARN = "ResourceARN", tags = "Tags" }
}

struct ResourceARNInput: Encodable {
    var resourceARN: String
    enum CodingKeys: String, CodingKey { case resourceARN = "ResourceARN" }
}

struct TagsOutput: Decodable {
    var tags: [Tag]?
    enum CodingKeys: String, CodingKey { case tags = "Tags" }
}
