import Foundation

/// The settings as typed (flags or config keys), before any check. `settings()` checks every
/// value locally (shapes, ranges, words, pairs) and builds `FunctionSettings`; values are
/// case-insensitive. Pure.
package struct FunctionSettingsInput: Sendable, Equatable {
    /// Subnet IDs; nil leaves the VPC as it is, with `securityGroups` both empty detaches.
    package var subnets: [String]?
    package var securityGroups: [String]?
    package var ipv6: Bool?
    /// Leave the VPC.
    package var detachVPC = false
    package var tracing: String?
    package var ephemeralStorage: Int?
    package var logFormat: String?
    package var logLevel: String?
    package var systemLogLevel: String?
    /// The log group; "" goes back to `/aws/lambda/NAME`.
    package var logGroup: String?
    package var deadLetter: String?
    /// Remove the dead-letter queue.
    package var removeDeadLetter = false
    package var snapStart: String?

    /// Creates an input; all nil asks for nothing.
    package init(
        subnets: [String]? = nil, securityGroups: [String]? = nil, ipv6: Bool? = nil, detachVPC: Bool = false,
        tracing: String? = nil, ephemeralStorage: Int? = nil, logFormat: String? = nil, logLevel: String? = nil,
        systemLogLevel: String? = nil, logGroup: String? = nil, deadLetter: String? = nil,
        removeDeadLetter: Bool = false, snapStart: String? = nil
    ) {
        self.subnets = subnets
        self.securityGroups = securityGroups
        self.ipv6 = ipv6
        self.detachVPC = detachVPC
        self.tracing = tracing
        self.ephemeralStorage = ephemeralStorage
        self.logFormat = logFormat
        self.logLevel = logLevel
        self.systemLogLevel = systemLogLevel
        self.logGroup = logGroup
        self.deadLetter = deadLetter
        self.removeDeadLetter = removeDeadLetter
        self.snapStart = snapStart
    }

    /// The checked settings; throws `LifecycleError` carrying the first `InputProblem`.
    package func settings() throws -> FunctionSettings {
        do {
            return try build()
        } catch let problem as Problem {
            throw LifecycleError(problem.problem)
        }
    }

    /// An input problem as an Error, inside this file only.
    struct Problem: Error { var problem: InputProblem }

    func build() throws(Problem) -> FunctionSettings {
        var settings = FunctionSettings()
        settings.vpc = try vpc()
        settings.tracing = try word(tracing, .tracing, TracingMode.allCases, \.word)
        if let size = ephemeralStorage {
            guard LambdaLimits.ephemeralStorage.contains(size) else {
                throw Problem(problem: .outOfRange(.ephemeralStorage, value: size, limits: LambdaLimits.ephemeralStorage, unit: "MB", example: 1024))
            }
            settings.ephemeralStorage = size
        }
        settings.logging = try logging()
        if removeDeadLetter {
            settings.deadLetter = .remove
        } else if let arn = deadLetter {
            guard LambdaLimits.isDeadLetterTarget(arn) else {
                throw Problem(problem: .notOfKind(
                    .deadLetter, value: arn, expected: "an SQS queue or SNS topic ARN",
                    examples: ["arn:aws:sqs:us-east-1:123456789012:dlq", "arn:aws:sns:us-east-1:123456789012:failures"]))
            }
            settings.deadLetter = .target(arn)
        }
        settings.snapStart = try word(snapStart, .snapStart, SnapStartMode.allCases, \.word)
        if let mode = settings.snapStart,
            let problem = SnapStartRules.problem(mode: mode, runtime: nil, ephemeralStorage: settings.ephemeralStorage)
        {
            throw Problem(problem: problem)
        }
        return settings
    }

    /// The VPC change: subnets and security groups together (both empty detaches), or IPv6 alone.
    func vpc() throws(Problem) -> VPCChange? {
        if detachVPC { return .detach }
        switch (subnets, securityGroups) {
        case (nil, nil):
            return ipv6.map(VPCChange.ipv6)
        case (let subnets?, nil) where !subnets.isEmpty:
            throw Problem(problem: .requires(.vpcSubnet, other: .vpcSecurityGroup, otherValue: nil, reason: "a VPC needs subnets and security groups"))
        case (nil, let groups?) where !groups.isEmpty:
            throw Problem(problem: .requires(.vpcSecurityGroup, other: .vpcSubnet, otherValue: nil, reason: "a VPC needs subnets and security groups"))
        default:
            let subnets = Self.unique(subnets ?? []), groups = Self.unique(securityGroups ?? [])
            if subnets.isEmpty && groups.isEmpty { return .detach }
            if subnets.isEmpty {
                throw Problem(problem: .requires(.vpcSecurityGroup, other: .vpcSubnet, otherValue: nil, reason: "a VPC without subnets cannot be attached"))
            }
            if groups.isEmpty {
                throw Problem(problem: .requires(.vpcSubnet, other: .vpcSecurityGroup, otherValue: nil, reason: "a VPC needs at least one security group"))
            }
            if let bad = subnets.first(where: { !LambdaLimits.isSubnetID($0) }) {
                throw Problem(problem: .notOfKind(.vpcSubnet, value: bad, expected: "a subnet ID", examples: ["subnet-0123456789abcdef0"]))
            }
            if let bad = groups.first(where: { !LambdaLimits.isSecurityGroupID($0) }) {
                throw Problem(problem: .notOfKind(.vpcSecurityGroup, value: bad, expected: "a security group ID", examples: ["sg-0123456789abcdef0"]))
            }
            if subnets.count > LambdaLimits.subnets {
                throw Problem(problem: .tooMany(.vpcSubnet, count: subnets.count, limit: LambdaLimits.subnets))
            }
            if groups.count > LambdaLimits.securityGroups {
                throw Problem(problem: .tooMany(.vpcSecurityGroup, count: groups.count, limit: LambdaLimits.securityGroups))
            }
            return .attach(subnets: subnets, securityGroups: groups, ipv6: ipv6)
        }
    }

    /// Format, levels (upper-cased; JSON only) and group.
    func logging() throws(Problem) -> LoggingSetting? {
        var logging = LoggingSetting()
        logging.format = try word(logFormat, .logFormat, FunctionLogFormat.allCases, \.word)
        logging.applicationLevel = try level(logLevel, .logLevel, LambdaLimits.applicationLogLevels)
        logging.systemLevel = try level(systemLogLevel, .systemLogLevel, LambdaLimits.systemLogLevels)
        if logging.format == .text, logging.applicationLevel != nil || logging.systemLevel != nil {
            throw Problem(problem: .requires(
                logging.applicationLevel != nil ? .logLevel : .systemLogLevel, other: .logFormat, otherValue: "json",
                reason: "AWS takes log levels only with the JSON log format"))
        }
        if let group = logGroup {
            guard group.isEmpty || LambdaLimits.isLogGroupName(group) else {
                throw Problem(problem: .notOfKind(
                    .logGroup, value: group, expected: "a log group name (letters, digits and . - _ / #, up to 512)",
                    examples: ["/custom/group"]))
            }
            logging.group = group
        }
        return logging.isEmpty ? nil : logging
    }

    func level(_ text: String?, _ field: InputField, _ allowed: [String]) throws(Problem) -> String? {
        guard let text else { return nil }
        guard allowed.contains(text.uppercased()) else {
            throw Problem(problem: .notOneOf(field, value: text, allowed: allowed.map { $0.lowercased() }))
        }
        return text.uppercased()
    }

    func word<T>(_ text: String?, _ field: InputField, _ cases: [T], _ word: (T) -> String) throws(Problem) -> T? {
        guard let text else { return nil }
        // Case, `-` and `_` do not matter: `PublishedVersions`, `published-versions`, `PASSTHROUGH`.
        func folded(_ text: String) -> String { text.lowercased().filter { $0 != "-" && $0 != "_" } }
        if let found = cases.first(where: { folded(word($0)) == folded(text) }) { return found }
        throw Problem(problem: .notOneOf(field, value: text, allowed: cases.map(word)))
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
