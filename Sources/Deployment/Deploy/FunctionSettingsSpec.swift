import Foundation

/// The settings keys of `function:` in `lambdactl.yml`: `vpc`, `tracing`, `ephemeral_storage`,
/// `logging`, `dead_letter`, `snap_start`. An absent key leaves the setting as it is; an
/// explicit `null` (or `[]` for the VPC's lists) removes it or puts AWS's default back:
/// `vpc: null` detaches, `dead_letter: null` removes the queue, `tracing: null` is PassThrough,
/// `ephemeral_storage: null` 512 MB, `logging: null` Text to `/aws/lambda/NAME`,
/// `logging.group: null` the default group, `logging.level: null` / `system_level: null` INFO,
/// `snap_start: null` none.
package struct FunctionSettingsSpec: Sendable, Equatable, Decodable {
    /// The settings as written, checked by `FunctionSettingsInput.settings()`.
    package var input = FunctionSettingsInput()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case vpc, tracing, logging
        case ephemeralStorage = "ephemeral_storage"
        case deadLetter = "dead_letter"
        case snapStart = "snap_start"
    }

    /// The keys of `vpc:`.
    enum VPCKeys: String, CodingKey, CaseIterable {
        case subnets, ipv6
        case securityGroups = "security_groups"
    }

    /// The keys of `logging:`.
    enum LoggingKeys: String, CodingKey, CaseIterable {
        case format, level, group
        case systemLevel = "system_level"
    }

    /// Creates a spec (tests).
    package init(input: FunctionSettingsInput = FunctionSettingsInput()) { self.input = input }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func isNull(_ key: CodingKeys) throws -> Bool { try container.contains(key) && container.decodeNil(forKey: key) }
        if try isNull(.vpc) {
            input.detachVPC = true
        } else if container.contains(.vpc) {
            let vpc = try container.nestedContainer(keyedBy: VPCKeys.self, forKey: .vpc)
            func list(_ key: VPCKeys) throws -> [String]? {
                guard vpc.contains(key) else { return nil }
                return try vpc.decodeNil(forKey: key) ? [] : try vpc.decode([String].self, forKey: key)
            }
            input.subnets = try list(.subnets)
            input.securityGroups = try list(.securityGroups)
            input.ipv6 = try vpc.decodeIfPresent(Bool.self, forKey: .ipv6)
            if input.subnets == nil, input.securityGroups == nil, input.ipv6 == nil { input.detachVPC = true }
        }
        input.tracing = try isNull(.tracing) ? TracingMode.passThrough.word : container.decodeIfPresent(String.self, forKey: .tracing)
        input.ephemeralStorage = try isNull(.ephemeralStorage)
            ? LambdaLimits.defaultEphemeralStorage : container.decodeIfPresent(Int.self, forKey: .ephemeralStorage)
        if try isNull(.logging) {
            input.logFormat = FunctionLogFormat.text.word
            input.logGroup = ""
        } else if container.contains(.logging) {
            let logging = try container.nestedContainer(keyedBy: LoggingKeys.self, forKey: .logging)
            input.logFormat = try logging.decodeIfPresent(String.self, forKey: .format)
            // A level set to null goes back to AWS's default (INFO); under Text there are no levels.
            let levelDefault = input.logFormat?.lowercased() == FunctionLogFormat.text.word ? nil : LambdaLimits.defaultLogLevel
            func level(_ key: LoggingKeys) throws -> String? {
                try logging.contains(key) && logging.decodeNil(forKey: key)
                    ? levelDefault : logging.decodeIfPresent(String.self, forKey: key)
            }
            input.logLevel = try level(.level)
            input.systemLogLevel = try level(.systemLevel)
            let nullGroup = try logging.contains(.group) && logging.decodeNil(forKey: .group)
            input.logGroup = nullGroup ? "" : try logging.decodeIfPresent(String.self, forKey: .group)
        }
        if try isNull(.deadLetter) {
            input.removeDeadLetter = true
        } else {
            input.deadLetter = try container.decodeIfPresent(String.self, forKey: .deadLetter)
        }
        input.snapStart = try isNull(.snapStart) ? SnapStartMode.none.word : container.decodeIfPresent(String.self, forKey: .snapStart)
    }

    /// The keys allowed at `path` below `function`, for the unknown-key check; nil for other paths.
    static func allowedKeys(below path: [String]) -> [String]? {
        switch path {
        case ["vpc"]: VPCKeys.allCases.map(\.rawValue)
        case ["logging"]: LoggingKeys.allCases.map(\.rawValue)
        default: nil
        }
    }
}
