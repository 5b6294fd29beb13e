import AWSLambda

/// The function settings that differ from Lambda's defaults, as deploy-file keys (pure): `vpc`,
/// `tracing`, `ephemeral_storage`, `logging`, `dead_letter`, `snap_start`. A setting at its
/// default is left out (an absent key leaves it alone, and it is the default anyway).
enum FunctionSettingsText {
    static func lines(_ c: FunctionConfiguration) -> [String] {
        var lines: [String] = []
        if let vpc = c.vpcConfig, vpc.isAttached {
            lines.append("vpc:")
            lines.append("  subnets: \(YAMLText.list(vpc.subnetIDs ?? []))")
            lines.append("  security_groups: \(YAMLText.list(vpc.securityGroupIDs ?? []))")
            if vpc.ipv6AllowedForDualStack == true { lines.append("  ipv6: true") }
        }
        if c.tracingConfig?.mode == "Active" { lines.append("tracing: active") }
        if let size = c.ephemeralStorage?.size, size != 512 { lines.append("ephemeral_storage: \(size)") }
        if let logging = c.loggingConfig {
            let name = c.functionName ?? ""
            let json = logging.logFormat?.uppercased() == "JSON"
            let group = logging.logGroup.flatMap { $0 == "/aws/lambda/\(name)" ? nil : $0 }
            if json || group != nil {
                lines.append("logging:")
                lines.append("  format: \(json ? "json" : "text")")
                if json, let level = logging.applicationLogLevel { lines.append("  level: \(level.lowercased())") }
                if json, let level = logging.systemLogLevel { lines.append("  system_level: \(level.lowercased())") }
                if let group { lines.append("  group: \(YAMLText.scalar(group))") }
            }
        }
        if let target = c.deadLetterConfig?.targetARN, !target.isEmpty { lines.append("dead_letter: \(YAMLText.scalar(target))") }
        if c.snapStart?.applyOn == "PublishedVersions" { lines.append("snap_start: published-versions") }
        return lines
    }
}
