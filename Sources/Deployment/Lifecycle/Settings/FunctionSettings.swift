import AWSLambda
import Foundation

/// X-Ray tracing mode.
package enum TracingMode: String, Sendable, Equatable, CaseIterable {
    case active = "Active"
    case passThrough = "PassThrough"

    /// What the user types (`active`, `passthrough`).
    package var word: String { rawValue.lowercased() }
}

/// The format a function writes its logs in.
package enum FunctionLogFormat: String, Sendable, Equatable, CaseIterable {
    case text = "Text"
    case json = "JSON"

    /// What the user types (`text`, `json`).
    package var word: String { rawValue.lowercased() }
}

/// When SnapStart snapshots the function.
package enum SnapStartMode: String, Sendable, Equatable, CaseIterable {
    case publishedVersions = "PublishedVersions"
    case none = "None"

    /// What the user types (`published-versions`, `none`).
    package var word: String { self == .publishedVersions ? "published-versions" : "none" }
}

/// What to do with the function's VPC attachment.
package enum VPCChange: Sendable, Equatable {
    /// Attach to these subnets and security groups (IPv6 for dual-stack subnets when given).
    case attach(subnets: [String], securityGroups: [String], ipv6: Bool?)
    /// Keep the subnets and security groups, change only IPv6 (needs a VPC already).
    case ipv6(Bool)
    /// Leave the VPC.
    case detach
}

/// What to do with the dead-letter queue.
package enum DeadLetterChange: Sendable, Equatable {
    /// Send failed asynchronous events to this SQS queue or SNS topic.
    case target(String)
    /// Remove the dead-letter queue.
    case remove
}

/// The logging settings asked for; nil fields are left as they are.
package struct LoggingSetting: Sendable, Equatable {
    package var format: FunctionLogFormat?
    /// `TRACE` … `FATAL` (JSON only).
    package var applicationLevel: String?
    /// `DEBUG`, `INFO` or `WARN` (JSON only).
    package var systemLevel: String?
    /// The log group; `nil` leaves it, "" goes back to `/aws/lambda/NAME`.
    package var group: String?

    /// Creates a logging setting.
    package init(format: FunctionLogFormat? = nil, applicationLevel: String? = nil, systemLevel: String? = nil, group: String? = nil) {
        self.format = format
        self.applicationLevel = applicationLevel
        self.systemLevel = systemLevel
        self.group = group
    }

    /// True when nothing is asked for.
    package var isEmpty: Bool { format == nil && applicationLevel == nil && systemLevel == nil && group == nil }
}

/// VPC, tracing, `/tmp`, logging, dead-letter queue and SnapStart as the user asked for them;
/// nil fields are left as they are. Built from typed-in words by `FunctionSettingsInput`.
package struct FunctionSettings: Sendable, Equatable {
    package var vpc: VPCChange?
    package var tracing: TracingMode?
    /// `/tmp` in MB.
    package var ephemeralStorage: Int?
    package var logging: LoggingSetting?
    package var deadLetter: DeadLetterChange?
    package var snapStart: SnapStartMode?

    /// Creates settings; all nil changes nothing.
    package init(
        vpc: VPCChange? = nil, tracing: TracingMode? = nil, ephemeralStorage: Int? = nil, logging: LoggingSetting? = nil,
        deadLetter: DeadLetterChange? = nil, snapStart: SnapStartMode? = nil
    ) {
        self.vpc = vpc
        self.tracing = tracing
        self.ephemeralStorage = ephemeralStorage
        self.logging = logging
        self.deadLetter = deadLetter
        self.snapStart = snapStart
    }

    /// True when nothing is asked for.
    package var isEmpty: Bool {
        vpc == nil && tracing == nil && ephemeralStorage == nil && (logging?.isEmpty ?? true) && deadLetter == nil
            && snapStart == nil
    }
}
