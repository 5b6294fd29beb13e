/// Lambda's rules for concurrency and asynchronous-invocation settings, checked before the first
/// call (pure). Limits from the Lambda API reference (`PutFunctionConcurrency`,
/// `PutProvisionedConcurrencyConfig`, `PutFunctionEventInvokeConfig`).
package enum ConcurrencyRules {
    /// `MaximumRetryAttempts`.
    package static let maxRetries = 0...2
    /// `MaximumEventAgeInSeconds`: one minute to six hours.
    package static let maxEventAge = 60...21_600
    /// The services a destination may be (`s3` for failures only).
    static let destinationServices = ["sqs", "sns", "lambda", "events", "s3"]

    /// Reserved concurrency: 0 or more (0 throttles every invocation).
    package static func checkReserved(_ value: Int) throws {
        guard value >= 0 else {
            throw LifecycleError(.tooSmall(.reservedConcurrency, value: value, minimum: 0, example: 20))
        }
    }

    /// Provisioned concurrency: 1 or more, on an alias or a published version (never `$LATEST`).
    package static func checkProvisioned(_ value: Int?, qualifier: String?) throws {
        if let value, value < 1 {
            throw LifecycleError(.tooSmall(.provisionedConcurrency, value: value, minimum: 1, example: 5))
        }
        try checkProvisionedQualifier(qualifier)
    }

    /// The qualifier provisioned concurrency goes on: given, and not `$LATEST`.
    package static func checkProvisionedQualifier(_ qualifier: String?) throws {
        guard let qualifier else {
            throw LifecycleError(.missing(.qualifier, purpose: "provisioned concurrency", example: "live"))
        }
        guard qualifier.uppercased() != "$LATEST" else {
            throw LifecycleError(
                .notOfKind(
                    .qualifier, value: qualifier,
                    expected: "an alias or a published version (provisioned concurrency cannot go on $LATEST)",
                    examples: ["live", "3"]))
        }
        try NameRules.checkQualifier(qualifier)
    }

    /// Retries and event age within Lambda's limits; destinations of a kind Lambda accepts.
    package static func check(_ change: AsyncInvokeChange) throws {
        if case .set(let retries) = change.maxRetries, !maxRetries.contains(retries) {
            throw LifecycleError(.outOfRange(.maxRetries, value: retries, limits: maxRetries, unit: "retries", example: 0))
        }
        if case .set(let age) = change.maxEventAge, !maxEventAge.contains(age) {
            throw LifecycleError(.outOfRange(.maxEventAge, value: age, limits: maxEventAge, unit: "seconds", example: 3600))
        }
        if case .set(let arn) = change.onSuccess { try checkDestination(arn, field: .onSuccess) }
        if case .set(let arn) = change.onFailure { try checkDestination(arn, field: .onFailure) }
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` for an SQS queue, SNS topic, Lambda
    /// function or EventBridge bus, or (failures only) an S3 bucket `arn:aws:s3:::BUCKET`.
    package static func checkDestination(_ arn: String, field: InputField) throws {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        let valid: Bool
        if parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), destinationServices.contains(parts[2]),
            !parts[5].isEmpty
        {
            if parts[2] == "s3" {
                valid = field == .onFailure && parts[3].isEmpty && parts[4].isEmpty
            } else {
                valid = !parts[3].isEmpty && parts[4].count == 12 && parts[4].allSatisfy { $0.isASCII && $0.isNumber }
            }
        } else {
            valid = false
        }
        guard valid else {
            let expected = field == .onFailure
                ? "an SQS queue, SNS topic, Lambda function, EventBridge bus or S3 bucket ARN"
                : "an SQS queue, SNS topic, Lambda function or EventBridge bus ARN"
            throw LifecycleError(
                .notOfKind(field, value: arn, expected: expected, examples: ["arn:aws:sqs:us-east-1:123456789012:queue"]))
        }
    }
}
