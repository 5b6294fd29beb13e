import AWSLambda
import Foundation

/// The difference between a function's VPC, tracing, `/tmp`, logging, dead-letter and SnapStart
/// settings and what the user asked for: only the fields that differ (pure). A field Lambda
/// does not report counts as its default (PassThrough, 512 MB, Text to `/aws/lambda/NAME`, no
/// dead-letter queue, SnapStart None).
package enum FunctionSettingsPlan {
    /// The fields to send so `current` becomes what `desired` asks for.
    package static func fields(current: FunctionConfiguration, desired: FunctionSettings) -> FunctionSettingsFields {
        var fields = FunctionSettingsFields()
        fields.vpcConfig = vpc(current: current.vpcConfig, desired: desired.vpc)
        if let mode = desired.tracing, mode != tracing(current) { fields.tracingConfig = TracingConfig(mode: mode.rawValue) }
        if let size = desired.ephemeralStorage, size != ephemeralStorage(current) {
            fields.ephemeralStorage = EphemeralStorage(size: size)
        }
        if let logging = desired.logging {
            let normal = self.logging(current)
            let wanted = merged(normal, with: logging, function: current.functionName ?? "")
            if wanted != normal { fields.loggingConfig = wanted }
        }
        switch desired.deadLetter {
        case .target(let arn) where arn != deadLetter(current): fields.deadLetterConfig = DeadLetterConfig(targetARN: arn)
        case .remove where !deadLetter(current).isEmpty: fields.deadLetterConfig = DeadLetterConfig(targetARN: "")
        default: break
        }
        if let mode = desired.snapStart, mode.rawValue != snapStart(current) {
            fields.snapStart = SnapStartConfig(applyOn: mode.rawValue)
        }
        return fields
    }

    /// The fields CreateFunction needs for `desired` (only what is not Lambda's default).
    package static func creationFields(name: String, runtime: String, desired: FunctionSettings) -> FunctionSettingsFields {
        fields(current: FunctionConfiguration(functionName: name, runtime: runtime), desired: desired)
    }

    /// What AWS would refuse once `desired` meets `current` (IPv6 without a VPC, log levels with
    /// the Text format, SnapStart for this runtime or `/tmp`), checked before any write.
    /// `runtime` and `ephemeralStorage` are the values the function will have.
    package static func problem(current: FunctionConfiguration, desired: FunctionSettings, runtime: String?, ephemeralStorage size: Int?)
        -> InputProblem?
    {
        if case .ipv6 = desired.vpc, !(current.vpcConfig?.isAttached ?? false) {
            return .requires(.vpcIPv6, other: .vpcSubnet, otherValue: nil, reason: "the function is not in a VPC; give its subnets and security groups")
        }
        if let logging = desired.logging, logging.applicationLevel != nil || logging.systemLevel != nil,
            (logging.format ?? FunctionLogFormat(rawValue: self.logging(current).logFormat ?? "") ?? .text) != .json
        {
            return .requires(
                logging.applicationLevel != nil ? .logLevel : .systemLogLevel, other: .logFormat, otherValue: "json",
                reason: "the function logs as Text, and AWS takes log levels only with the JSON log format")
        }
        let mode = desired.snapStart ?? SnapStartMode(rawValue: snapStart(current)) ?? .none
        let storage = desired.ephemeralStorage ?? size ?? ephemeralStorage(current)
        return SnapStartRules.problem(mode: mode, runtime: runtime ?? current.runtime, ephemeralStorage: storage)
    }

    /// The settings `configuration` has, in full (defaults filled in), as a request for them:
    /// another configuration compared against it differs exactly where the two differ.
    package static func settings(of configuration: FunctionConfiguration) -> FunctionSettings {
        let vpc = configuration.vpcConfig
        let logging = self.logging(configuration)
        return FunctionSettings(
            vpc: vpc?.isAttached == true
                ? .attach(subnets: vpc?.subnetIDs ?? [], securityGroups: vpc?.securityGroupIDs ?? [], ipv6: vpc?.ipv6AllowedForDualStack ?? false)
                : .detach,
            tracing: tracing(configuration), ephemeralStorage: ephemeralStorage(configuration),
            logging: LoggingSetting(
                format: FunctionLogFormat(rawValue: logging.logFormat ?? "") ?? .text, applicationLevel: logging.applicationLogLevel,
                systemLevel: logging.systemLogLevel, group: logging.logGroup),
            deadLetter: deadLetter(configuration).isEmpty ? .remove : .target(deadLetter(configuration)),
            snapStart: SnapStartMode(rawValue: snapStart(configuration)) ?? SnapStartMode.none)
    }

    // MARK: Current values, defaults filled in

    static func tracing(_ current: FunctionConfiguration) -> TracingMode {
        TracingMode.allCases.first { $0.rawValue.lowercased() == current.tracingConfig?.mode?.lowercased() } ?? .passThrough
    }

    static func ephemeralStorage(_ current: FunctionConfiguration) -> Int {
        current.ephemeralStorage?.size ?? LambdaLimits.defaultEphemeralStorage
    }

    static func deadLetter(_ current: FunctionConfiguration) -> String { current.deadLetterConfig?.targetARN ?? "" }

    static func snapStart(_ current: FunctionConfiguration) -> String { current.snapStart?.applyOn ?? SnapStartMode.none.rawValue }

    /// `/aws/lambda/NAME`.
    package static func defaultLogGroup(_ function: String) -> String { "/aws/lambda/\(function)" }

    /// The logging configuration in full: format, group, and the levels for JSON only.
    static func logging(_ current: FunctionConfiguration) -> LoggingConfig {
        let config = current.loggingConfig
        let format = FunctionLogFormat.allCases.first { $0.rawValue.lowercased() == config?.logFormat?.lowercased() } ?? .text
        let group = config?.logGroup.flatMap { $0.isEmpty ? nil : $0 } ?? defaultLogGroup(current.functionName ?? "")
        return LoggingConfig(
            logGroup: group, logFormat: format.rawValue,
            applicationLogLevel: format == .json ? config?.applicationLogLevel ?? LambdaLimits.defaultLogLevel : nil,
            systemLogLevel: format == .json ? config?.systemLogLevel ?? LambdaLimits.defaultLogLevel : nil)
    }

    /// `current` (in full) with what `setting` asks for; the levels go when the format is Text.
    static func merged(_ current: LoggingConfig, with setting: LoggingSetting, function: String) -> LoggingConfig {
        let format = setting.format ?? FunctionLogFormat(rawValue: current.logFormat ?? "") ?? .text
        let group = setting.group.map { $0.isEmpty ? defaultLogGroup(function) : $0 } ?? current.logGroup
        guard format == .json else { return LoggingConfig(logGroup: group, logFormat: format.rawValue) }
        return LoggingConfig(
            logGroup: group, logFormat: format.rawValue,
            applicationLogLevel: setting.applicationLevel ?? current.applicationLogLevel ?? LambdaLimits.defaultLogLevel,
            systemLogLevel: setting.systemLevel ?? current.systemLogLevel ?? LambdaLimits.defaultLogLevel)
    }

    /// The VpcConfig to send, nil when the VPC already is as asked.
    static func vpc(current: VPCConfig?, desired: VPCChange?) -> VPCConfig? {
        let subnets = current?.subnetIDs ?? [], groups = current?.securityGroupIDs ?? []
        let ipv6 = current?.ipv6AllowedForDualStack ?? false
        let attached = current?.isAttached ?? false
        switch desired {
        case nil:
            return nil
        case .detach:
            return attached || !groups.isEmpty ? VPCConfig(subnetIDs: [], securityGroupIDs: []) : nil
        case .ipv6(let wanted):
            return attached && wanted != ipv6
                ? VPCConfig(subnetIDs: subnets, securityGroupIDs: groups, ipv6AllowedForDualStack: wanted) : nil
        case .attach(let newSubnets, let newGroups, let wanted):
            let same = Set(newSubnets) == Set(subnets) && Set(newGroups) == Set(groups) && (wanted == nil || wanted == ipv6)
            guard !same else { return nil }
            return VPCConfig(
                subnetIDs: newSubnets, securityGroupIDs: newGroups, ipv6AllowedForDualStack: wanted ?? (attached ? ipv6 : nil))
        }
    }
}
