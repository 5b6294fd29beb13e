import AWSScheduler

/// What a schedule attach decides, from the schedule as it is and as asked (pure): create,
/// update in place (UpdateSchedule takes the whole schedule, so the desired state is sent
/// whole), or nothing.
package enum SchedulePlan {
    /// The group every lambdactl schedule lives in.
    package static let group = "lambdactl"

    /// The whole desired schedule.
    package static func desired(
        _ spec: ScheduleTriggerSpec, expression: String, targetARN: String, roleARN: String
    ) -> ScheduleInput {
        ScheduleInput(
            groupName: group, scheduleExpression: expression, scheduleExpressionTimezone: spec.timezone,
            flexibleTimeWindow: FlexibleTimeWindow(mode: "OFF"),
            target: ScheduleTarget(arn: targetARN, roleARN: roleARN, input: spec.input), state: "ENABLED")
    }

    /// The differences between `existing` and `desired`, as `name: old → new`; empty when the
    /// schedule is already exactly as asked. No timezone and `UTC` are the same; inputs compare
    /// as JSON.
    package static func changes(from existing: Schedule, to desired: ScheduleInput) -> [String] {
        var changes: [String] = []
        func note(_ name: String, _ old: String?, _ new: String?) {
            changes.append("\(name): \(old ?? "none") → \(new ?? "none")")
        }
        if existing.scheduleExpression != desired.scheduleExpression {
            note("expression", existing.scheduleExpression, desired.scheduleExpression)
        }
        if (existing.scheduleExpressionTimezone ?? "UTC") != (desired.scheduleExpressionTimezone ?? "UTC") {
            note("timezone", existing.scheduleExpressionTimezone, desired.scheduleExpressionTimezone)
        }
        let input = existing.target?.input
        if input.map(canonical) != desired.target.input.map(canonical) {
            note("input", input, desired.target.input)
        }
        if existing.target?.arn != desired.target.arn { note("target", existing.target?.arn, desired.target.arn) }
        if existing.target?.roleARN != desired.target.roleARN { note("role", existing.target?.roleARN, desired.target.roleARN) }
        if existing.flexibleTimeWindow?.mode != "OFF" { note("flexible time window", existing.flexibleTimeWindow?.mode, "OFF") }
        if (existing.state ?? "ENABLED") != "ENABLED" { note("state", existing.state, "ENABLED") }
        let retry = existing.target?.retryPolicy
        let defaultRetry = retry == nil || (retry?.maximumEventAgeInSeconds == 86400 && retry?.maximumRetryAttempts == 185)
        if !defaultRetry || existing.target?.deadLetterConfig?.arn != nil {
            changes.append("retry policy and dead-letter queue: back to Scheduler's defaults")
        }
        return changes
    }

    static func canonical(_ json: String) -> String { TriggerIdentity.canonicalJSON(json) ?? json }

    /// A client token for one create or update of `name` to `desired`: the same request retried
    /// is the same token, so Scheduler makes it one change.
    package static func clientToken(name: String, desired: ScheduleInput, operation: String) -> String {
        let parts = [operation, name, desired.scheduleExpression, desired.scheduleExpressionTimezone ?? "",
                     desired.target.arn, desired.target.roleARN, desired.target.input ?? ""]
        return "lambdactl-" + TriggerIdentity(kind: .schedule, function: name, qualifier: nil, parts: parts).hash
    }
}
