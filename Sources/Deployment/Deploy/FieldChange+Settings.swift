import AWSLambda
import Foundation

extension FieldChange {
    /// The VPC, tracing, `/tmp`, logging, dead-letter and SnapStart fields `fields` sets, each
    /// old → new in the config's names (`tracing: PassThrough → Active`).
    package static func settings(_ fields: FunctionSettingsFields, current: FunctionConfiguration) -> [FieldChange] {
        var list: [FieldChange] = []
        if let vpc = fields.vpcConfig { list.append(FieldChange("vpc", old: vpcText(current.vpcConfig), new: vpcText(vpc))) }
        if let tracing = fields.tracingConfig {
            list.append(FieldChange("tracing", old: FunctionSettingsPlan.tracing(current).rawValue, new: tracing.mode))
        }
        if let storage = fields.ephemeralStorage {
            list.append(
                FieldChange("ephemeral_storage", old: "\(FunctionSettingsPlan.ephemeralStorage(current))", new: storage.size.map(String.init)))
        }
        if let logging = fields.loggingConfig {
            list.append(FieldChange("logging", old: loggingText(FunctionSettingsPlan.logging(current)), new: loggingText(logging)))
        }
        if let deadLetter = fields.deadLetterConfig {
            let old = FunctionSettingsPlan.deadLetter(current)
            list.append(FieldChange("dead_letter", old: old.isEmpty ? nil : old, new: deadLetter.targetARN.flatMap { $0.isEmpty ? "(none)" : $0 }))
        }
        if let snapStart = fields.snapStart {
            list.append(FieldChange("snap_start", old: FunctionSettingsPlan.snapStart(current), new: snapStart.applyOn))
        }
        return list
    }

    /// `subnet-a, subnet-b; sg-1; ipv6`, nil when not in a VPC.
    static func vpcText(_ vpc: VPCConfig?) -> String? {
        guard let vpc, vpc.isAttached else { return vpc == nil ? nil : "(none)" }
        let subnets = (vpc.subnetIDs ?? []).joined(separator: ", ")
        let groups = (vpc.securityGroupIDs ?? []).joined(separator: ", ")
        return "\(subnets); \(groups)" + (vpc.ipv6AllowedForDualStack == true ? "; ipv6" : "")
    }

    /// `JSON INFO/WARN to /custom/group`, `Text to /aws/lambda/hello`.
    static func loggingText(_ logging: LoggingConfig) -> String {
        let levels = [logging.applicationLogLevel, logging.systemLogLevel].compactMap { $0 }
        return (logging.logFormat ?? "Text") + (levels.isEmpty ? "" : " " + levels.joined(separator: "/"))
            + " to \(logging.logGroup ?? "?")"
    }
}
