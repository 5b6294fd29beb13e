import AWSCore
import Foundation

// Shapes from botocore `data/scheduler/2021-06-30/service-2.json` (only the members lambdactl uses).
// Timestamps are left out: moto and AWS write them differently, and nothing here reads them.

/// The body of `CreateSchedule` and `UpdateSchedule` (the name goes in the path). Update takes
/// the whole schedule: a member left out returns to its default.
package struct ScheduleInput: Codable, Sendable, Equatable {
    /// The group (default `default`).
    package var groupName: String?
    /// `rate(…)`, `cron(…)` or `at(…)`.
    package var scheduleExpression: String
    /// An IANA time zone for cron and at expressions.
    package var scheduleExpressionTimezone: String?
    /// Required: `{"Mode": "OFF"}` to fire on time.
    package var flexibleTimeWindow: FlexibleTimeWindow
    /// What it invokes.
    package var target: ScheduleTarget
    /// `ENABLED` or `DISABLED`.
    package var state: String?
    /// A description.
    package var description: String?
    /// `NONE` or `DELETE` (after a one-time schedule ran).
    package var actionAfterCompletion: String?
    /// Makes a retried create or update one call (the SDKs send a UUID).
    package var clientToken: String?

    /// Creates a body.
    package init(
        groupName: String? = nil, scheduleExpression: String, scheduleExpressionTimezone: String? = nil,
        flexibleTimeWindow: FlexibleTimeWindow = FlexibleTimeWindow(mode: "OFF"), target: ScheduleTarget,
        state: String? = nil, description: String? = nil, actionAfterCompletion: String? = nil, clientToken: String? = nil
    ) {
        self.groupName = groupName
        self.scheduleExpression = scheduleExpression
        self.scheduleExpressionTimezone = scheduleExpressionTimezone
        self.flexibleTimeWindow = flexibleTimeWindow
        self.target = target
        self.state = state
        self.description = description
        self.actionAfterCompletion = actionAfterCompletion
        self.clientToken = clientToken
    }

    enum CodingKeys: String, CodingKey {
        case groupName = "GroupName", scheduleExpression = "ScheduleExpression"
        case scheduleExpressionTimezone = "ScheduleExpressionTimezone", flexibleTimeWindow = "FlexibleTimeWindow"
        case target = "Target", state = "State", description = "Description"
        case actionAfterCompletion = "ActionAfterCompletion", clientToken = "ClientToken"
    }
}

/// `FlexibleTimeWindow`.
package struct FlexibleTimeWindow: Codable, Sendable, Equatable {
    /// `OFF` or `FLEXIBLE`.
    package var mode: String
    /// 1–1440 minutes, with `FLEXIBLE`.
    package var maximumWindowInMinutes: Int?
    /// Creates a window.
    package init(mode: String, maximumWindowInMinutes: Int? = nil) {
        self.mode = mode
        self.maximumWindowInMinutes = maximumWindowInMinutes
    }
    enum CodingKeys: String, CodingKey { case mode = "Mode", maximumWindowInMinutes = "MaximumWindowInMinutes" }
}

/// A schedule's `Target`: a function ARN, the role Scheduler assumes to invoke it, and the input.
package struct ScheduleTarget: Codable, Sendable, Equatable {
    /// The function (or other resource) ARN.
    package var arn: String
    /// A role trusted by `scheduler.amazonaws.com`.
    package var roleARN: String
    /// The payload, as JSON text.
    package var input: String?
    /// Retries of a failed invocation.
    package var retryPolicy: RetryPolicy?
    /// Where failed invocations go.
    package var deadLetterConfig: DeadLetterConfig?

    /// Creates a target.
    package init(arn: String, roleARN: String, input: String? = nil, retryPolicy: RetryPolicy? = nil, deadLetterConfig: DeadLetterConfig? = nil) {
        self.arn = arn
        self.roleARN = roleARN
        self.input = input
        self.retryPolicy = retryPolicy
        self.deadLetterConfig = deadLetterConfig
    }

    enum CodingKeys: String, CodingKey {
        case arn = "Arn", roleARN = "RoleArn", input = "Input", retryPolicy = "RetryPolicy", deadLetterConfig = "DeadLetterConfig"
    }

    /// `RetryPolicy`.
    package struct RetryPolicy: Codable, Sendable, Equatable {
        /// 60–86400 seconds.
        package var maximumEventAgeInSeconds: Int?
        /// 0–185.
        package var maximumRetryAttempts: Int?
        /// Creates a policy.
        package init(maximumEventAgeInSeconds: Int? = nil, maximumRetryAttempts: Int? = nil) {
            self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
            self.maximumRetryAttempts = maximumRetryAttempts
        }
        enum CodingKeys: String, CodingKey {
            case maximumEventAgeInSeconds = "MaximumEventAgeInSeconds", maximumRetryAttempts = "MaximumRetryAttempts"
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

/// `GetScheduleOutput`.
package struct Schedule: Codable, Sendable, Equatable {
    /// The ARN.
    package var arn: String?
    /// The name.
    package var name: String?
    /// The group.
    package var groupName: String?
    /// The expression.
    package var scheduleExpression: String?
    /// The time zone.
    package var scheduleExpressionTimezone: String?
    /// The flexible window.
    package var flexibleTimeWindow: FlexibleTimeWindow?
    /// The target.
    package var target: ScheduleTarget?
    /// `ENABLED` or `DISABLED`.
    package var state: String?
    /// The description.
    package var description: String?
    /// `NONE` or `DELETE`.
    package var actionAfterCompletion: String?

    enum CodingKeys: String, CodingKey {
        case arn = "Arn", name = "Name", groupName = "GroupName", scheduleExpression = "ScheduleExpression"
        case scheduleExpressionTimezone = "ScheduleExpressionTimezone", flexibleTimeWindow = "FlexibleTimeWindow"
        case target = "Target", state = "State", description = "Description"
        case actionAfterCompletion = "ActionAfterCompletion"
    }
}

/// One member of `ListSchedules` (`ScheduleSummary`).
package struct ScheduleSummary: Codable, Sendable, Equatable {
    /// The ARN.
    package var arn: String?
    /// The name.
    package var name: String?
    /// The group.
    package var groupName: String?
    /// `ENABLED` or `DISABLED`.
    package var state: String?
    /// The target's ARN.
    package var targetARN: String?

    enum CodingKeys: String, CodingKey { case arn = "Arn", name = "Name", groupName = "GroupName", state = "State", target = "Target" }
    enum TargetKeys: String, CodingKey { case arn = "Arn" }

    /// Decodes a summary; the target is `{"Arn": …}`.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        groupName = try container.decodeIfPresent(String.self, forKey: .groupName)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        targetARN = try container.decodeIfPresent([String: String].self, forKey: .target)?["Arn"]
    }

    /// Encodes the same shape.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(arn, forKey: .arn)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(groupName, forKey: .groupName)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encodeIfPresent(targetARN.map { ["Arn": $0] }, forKey: .target)
    }
}

/// `GetScheduleGroupOutput`.
package struct ScheduleGroup: Codable, Sendable, Equatable {
    /// The ARN.
    package var arn: String?
    /// The name.
    package var name: String?
    /// `ACTIVE` or `DELETING`.
    package var state: String?
    enum CodingKeys: String, CodingKey { case arn = "Arn", name = "Name", state = "State" }
}

/// A Scheduler `Tag` (`Key`/`Value`).
package struct SchedulerTag: Codable, Sendable, Equatable {
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
}

struct ScheduleARNOutput: Decodable {
    var scheduleARN: String?
    enum CodingKeys: String, CodingKey { case scheduleARN = "ScheduleArn" }
}

struct ScheduleGroupARNOutput: Decodable {
    var scheduleGroupARN: String?
    enum CodingKeys: String, CodingKey { case scheduleGroupARN = "ScheduleGroupArn" }
}

struct CreateScheduleGroupInput: Encodable {
    var clientToken: String
    var tags: [SchedulerTag]
    enum CodingKeys: String, CodingKey { case clientToken = "ClientToken", tags = "Tags" }
}

struct ListSchedulesOutput: Decodable {
    var schedules: [ScheduleSummary]?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case schedules = "Schedules", nextToken = "NextToken" }
}

struct TagsBody: Codable {
    var tags: [SchedulerTag]?
    enum CodingKeys: String, CodingKey { case tags = "Tags" }
}
