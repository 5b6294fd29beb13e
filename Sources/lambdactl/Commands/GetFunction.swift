import ArgumentParser
import AWSLambda
import Deployment
import Foundation

/// `lambdactl get-function`: the function's configuration.
struct GetFunction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-function", abstract: "Show a function's configuration and state.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "A version or alias.")
    var qualifier: String?

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let overview = try await FunctionInspector(services: try app.lifecycle()).overview(name, qualifier: qualifier)
        try app.output.emit(overview) { FunctionText.describe(overview) }
    }
}

/// Text forms of a function configuration.
enum FunctionText {
    /// Several `Key: value` lines; environment values are not shown (JSON has AWS's object).
    static func describe(_ overview: FunctionOverview) -> String {
        let c = overview.configuration
        var lines: [(String, String?)] = [
            ("FunctionName", c.functionName), ("FunctionArn", c.functionARN), ("Runtime", c.runtime),
            ("Handler", c.handler), ("Architecture", c.architectures?.joined(separator: ",")),
            ("MemorySize", c.memorySize.map { "\($0) MB" }), ("Timeout", c.timeout.map { "\($0) s" }),
            ("EphemeralStorage", c.ephemeralStorage?.size.map { "\($0) MB" }), ("PackageType", c.packageType),
            ("PackageSize", c.codeSize.map(size)), ("CodeSha256", c.codeSHA256), ("Version", c.version),
            ("LastModified", c.lastModified), ("State", c.state),
            ("StateReason", c.stateReason.map { "\(c.stateReasonCode ?? ""): \($0)" }),
            ("LastUpdateStatus", c.lastUpdateStatus),
            ("LastUpdateStatusReason", c.lastUpdateStatusReason.map { "\(c.lastUpdateStatusReasonCode ?? ""): \($0)" }),
            ("ReservedConcurrency", overview.reservedConcurrency.map(String.init) ?? "none reserved (shares the account's pool)"),
            ("Tracing", c.tracingConfig?.mode), ("VPC", vpc(c.vpcConfig) ?? "none"), ("VPCIPv6", ipv6(c.vpcConfig)), ("Role", c.role),
            ("Description", c.description), ("RevisionId", c.revisionID), ("LogGroup", c.loggingConfig?.logGroup),
            ("Logging", logging(c.loggingConfig)), ("DeadLetter", c.deadLetterConfig?.targetARN.flatMap { $0.isEmpty ? nil : $0 } ?? "none"),
            ("SnapStart", c.snapStart.map { "\($0.applyOn ?? "None") (optimization \($0.optimizationStatus ?? "Off"))" }),
        ]
        if let provisioned = overview.provisionedConcurrency {
            lines.append(("ProvisionedConcurrency", provisionedLine(provisioned)))
        }
        for layer in c.layers ?? [] {
            lines.append(("Layer", (layer.arn ?? "?") + (layer.codeSize.map { " (\(size($0)))" } ?? "")))
        }
        for alias in overview.aliases { lines.append(("Alias", aliasLine(alias))) }
        if let url = overview.functionUrl {
            lines.append(("FunctionUrl", "\(url.functionURL ?? "?") (AuthType \(url.authType))"))
        }
        for key in overview.tags.keys.sorted() { lines.append(("Tag", "\(key)=\(overview.tags[key] ?? "")")) }
        let variables = c.variables.keys.sorted()
        if !variables.isEmpty {
            lines.append(("Environment", variables.joined(separator: ", ") + " (values not shown; --output json has them)"))
        }
        for item in overview.unreadable { lines.append(("NotShown", "\(item): not allowed to read")) }
        return lines.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return "\(key): \(value)"
        }.joined(separator: "\n")
    }

    /// `5 requested, 5 allocated, READY` (with AWS's reason when FAILED).
    static func provisionedLine(_ config: ProvisionedConcurrencyConfig) -> String {
        "\(config.requested.map(String.init) ?? "?") requested, \(config.allocated ?? 0) allocated, \(config.status ?? "?")"
            + (config.statusReason.map { ": \($0)" } ?? "")
    }

    /// `live → 3`, or `live → 3 (4 gets 10%)` for a weighted alias.
    static func aliasLine(_ alias: AliasConfiguration) -> String {
        let weights = (alias.routingConfig?.additionalVersionWeights ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key) gets \(Int(($0.value * 100).rounded()))%" }
        return "\(alias.name) → \(alias.functionVersion)" + (weights.isEmpty ? "" : " (\(weights.joined(separator: ", ")))")
    }

    /// `vpc-1 (subnets subnet-a, subnet-b; security groups sg-1)`, nil when not in a VPC.
    static func vpc(_ config: VPCConfig?) -> String? {
        guard let config, let id = config.vpcID, !id.isEmpty else { return nil }
        let subnets = (config.subnetIDs ?? []).joined(separator: ", ")
        let groups = (config.securityGroupIDs ?? []).joined(separator: ", ")
        return "\(id) (subnets \(subnets); security groups \(groups))"
    }

    /// `allowed` / `not allowed` for a function in a VPC, nil otherwise.
    static func ipv6(_ config: VPCConfig?) -> String? {
        guard let config, config.isAttached else { return nil }
        return config.ipv6AllowedForDualStack == true ? "allowed (dual-stack)" : "not allowed"
    }

    /// `JSON (application INFO, system WARN)`, `Text`.
    static func logging(_ config: LoggingConfig?) -> String? {
        guard let config, let format = config.logFormat else { return nil }
        let levels = [config.applicationLogLevel.map { "application \($0)" }, config.systemLogLevel.map { "system \($0)" }]
            .compactMap { $0 }
        return format + (levels.isEmpty ? "" : " (\(levels.joined(separator: ", ")))")
    }

    /// `1234 bytes`, `12.3 KB`, `4.5 MB`.
    static func size(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return String(format: "%.1f KB", Double(bytes) / 1000) }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
