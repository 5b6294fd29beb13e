import Foundation

extension LambdaLimits {
    /// `/tmp` (EphemeralStorage), MB.
    package static let ephemeralStorage = 512...10240
    /// `/tmp` when nothing is set, MB.
    package static let defaultEphemeralStorage = 512
    /// Subnets per function.
    package static let subnets = 16
    /// Security groups per function.
    package static let securityGroups = 5
    /// The longest log group name.
    package static let logGroupLength = 512
    /// Application log levels (`LoggingConfig.ApplicationLogLevel`).
    package static let applicationLogLevels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
    /// System log levels (`LoggingConfig.SystemLogLevel`).
    package static let systemLogLevels = ["DEBUG", "INFO", "WARN"]
    /// The level Lambda uses for both when the JSON format is on and none is set.
    package static let defaultLogLevel = "INFO"

    /// `subnet-` and 8 or 17 hex digits.
    package static func isSubnetID(_ text: String) -> Bool { isResourceID(text, prefix: "subnet-") }

    /// `sg-` and 8 or 17 hex digits.
    package static func isSecurityGroupID(_ text: String) -> Bool { isResourceID(text, prefix: "sg-") }

    /// An SQS queue or SNS topic ARN (`arn:aws:sqs:us-east-1:123456789012:dlq`), the targets a
    /// dead-letter queue may have.
    package static func isDeadLetterTarget(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), ["sqs", "sns"].contains(parts[2]),
            !parts[3].isEmpty, parts[3].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
            parts[4].count == 12, parts[4].allSatisfy(\.isASCII), parts[4].allSatisfy(\.isNumber),
            (1...256).contains(parts[5].count)
        else { return false }
        return parts[5].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// 1–512 of letters, digits and `. - _ / #` (CloudWatch Logs' rule).
    package static func isLogGroupName(_ text: String) -> Bool {
        (1...logGroupLength).contains(text.count)
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/#".contains($0)) }
    }

    static func isResourceID(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.dropFirst(prefix.count)
        return (hex.count == 8 || hex.count == 17) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}

/// Where SnapStart works, as AWS decides it (pure): Java 11 and later, Python 3.12 and later,
/// .NET 8 and later, never with `/tmp` above 512 MB or with provisioned concurrency.
package enum SnapStartRules {
    /// Whether `runtime` supports SnapStart.
    package static func supports(runtime: String) -> Bool {
        func version(after prefix: String) -> Int? {
            guard runtime.hasPrefix(prefix) else { return nil }
            return Int(runtime.dropFirst(prefix.count).prefix { $0.isNumber })
        }
        if let java = version(after: "java"), runtime.allSatisfy({ $0.isLetter || $0.isNumber }) { return java >= 11 }
        if let python = version(after: "python3.") { return python >= 12 }
        if let dotnet = version(after: "dotnet") { return dotnet >= 8 }
        return false
    }

    /// The reason AWS would refuse SnapStart `mode` for a function with these settings, or nil.
    /// `provisionedConcurrency` is the provisioned concurrency on the function's alias or version.
    package static func problem(
        mode: SnapStartMode, runtime: String?, ephemeralStorage: Int?, provisionedConcurrency: Int? = nil
    ) -> InputProblem? {
        guard mode == .publishedVersions else { return nil }
        if let runtime, !supports(runtime: runtime) {
            return .unsupported(
                .snapStart, value: mode.word,
                reason: "SnapStart supports Java 11+, Python 3.12+ and .NET 8+, not \(runtime)")
        }
        if let size = ephemeralStorage, size > LambdaLimits.defaultEphemeralStorage {
            return .unsupported(
                .snapStart, value: mode.word,
                reason: "AWS does not allow SnapStart with more than 512 MB of /tmp (\(size) MB asked for)")
        }
        if let provisioned = provisionedConcurrency, provisioned > 0 {
            return .unsupported(
                .snapStart, value: mode.word,
                reason: "AWS does not allow SnapStart together with provisioned concurrency (\(provisioned) asked for)")
        }
        return nil
    }
}
