/// One trigger as the user asks for it (a command line or a `triggers:` entry): the source
/// and the options. The options given are the whole desired state of the trigger; an option
/// left out (nil) returns to AWS's default. Names are as typed (a queue name, URL or ARN);
/// the handlers resolve them. Pure.
package enum TriggerSpec: Sendable, Equatable {
    /// An event-source mapping: SQS, Kinesis or a DynamoDB table's stream.
    case mapping(MappingTriggerSpec)
    /// An S3 bucket notification.
    case s3(S3TriggerSpec)
    /// An EventBridge Scheduler schedule.
    case schedule(ScheduleTriggerSpec)
    /// An EventBridge rule with the function as target.
    case rule(RuleTriggerSpec)
    /// An SNS subscription.
    case sns(SNSTriggerSpec)

    /// The kind (and the word in lambdactl's names).
    package var kind: TriggerKind {
        switch self {
        case .mapping(let spec): spec.kind
        case .s3: .s3
        case .schedule: .schedule
        case .rule: .rule
        case .sns: .sns
        }
    }
}

/// `--sqs QUEUE`, `--kinesis STREAM` or `--dynamodb TABLE` with the mapping options.
package struct MappingTriggerSpec: Sendable, Equatable {
    /// `.sqs`, `.kinesis` or `.dynamodb`.
    package var kind: TriggerKind
    /// The source as typed: a queue name, URL or ARN; a stream name or ARN; a table name or
    /// ARN (its latest stream is used).
    package var source: String
    /// The options (nil: AWS's default).
    package var options: MappingOptions
    /// Tags the mapping gets when created, besides `lambdactl:function` (an app's ownership).
    package var tags: [String: String] = [:]

    /// Creates a spec.
    package init(kind: TriggerKind, source: String, options: MappingOptions = MappingOptions()) {
        self.kind = kind
        self.source = source
        self.options = options
    }
}

/// `--s3 BUCKET` with `--events`, `--prefix`, `--suffix`.
package struct S3TriggerSpec: Sendable, Equatable {
    /// The bucket's name.
    package var bucket: String
    /// The events; empty means `s3:ObjectCreated:*`.
    package var events: [String]
    /// The key prefix filter.
    package var prefix: String?
    /// The key suffix filter.
    package var suffix: String?

    /// Creates a spec.
    package init(bucket: String, events: [String] = [], prefix: String? = nil, suffix: String? = nil) {
        self.bucket = bucket
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// `--schedule EXPR` with `--timezone`, `--input`, `--name`.
package struct ScheduleTriggerSpec: Sendable, Equatable {
    /// `rate(…)`, `cron(…)` or `at(…)`.
    package var expression: String
    /// An IANA time zone (Scheduler's `ScheduleExpressionTimezone`).
    package var timezone: String?
    /// The JSON the function receives.
    package var input: String?
    /// The schedule's name; without one lambdactl names it from its identity.
    package var name: String?

    /// Creates a spec.
    package init(expression: String, timezone: String? = nil, input: String? = nil, name: String? = nil) {
        self.expression = expression
        self.timezone = timezone
        self.input = input
        self.name = name
    }
}

/// `--event-pattern JSON` with `--event-bus`, `--name`.
package struct RuleTriggerSpec: Sendable, Equatable {
    /// The event pattern, JSON text.
    package var pattern: String
    /// The event bus's name or ARN; nil for `default`.
    package var bus: String?
    /// The rule's name; without one lambdactl names it from its identity.
    package var name: String?

    /// Creates a spec.
    package init(pattern: String, bus: String? = nil, name: String? = nil) {
        self.pattern = pattern
        self.bus = bus
        self.name = name
    }
}

/// `--sns TOPIC` with `--filter-policy`.
package struct SNSTriggerSpec: Sendable, Equatable {
    /// The topic's name or ARN.
    package var topic: String
    /// The subscription's filter policy, JSON text.
    package var filterPolicy: String?

    /// Creates a spec.
    package init(topic: String, filterPolicy: String? = nil) {
        self.topic = topic
        self.filterPolicy = filterPolicy
    }
}

/// The function a trigger invokes.
package struct TriggerTarget: Sendable, Equatable, Hashable {
    /// The function's name (not its ARN).
    package var function: String
    /// The alias or version invoked; nil for the unqualified function.
    package var qualifier: String?

    /// Creates a target; an empty qualifier is none.
    package init(function: String, qualifier: String? = nil) {
        self.function = function
        self.qualifier = qualifier.flatMap { $0.isEmpty ? nil : $0 }
    }
}
