import Foundation

/// The settings CreateFunction and UpdateFunctionConfiguration share beyond memory, timeout,
/// environment and layers: VPC, X-Ray tracing, `/tmp` size, logging, dead-letter queue and
/// SnapStart. Nil fields are not sent. See the Lambda API Reference, `UpdateFunctionConfiguration`.
package struct FunctionSettingsFields: Sendable, Equatable, Encodable {
    /// Subnets and security groups (empty lists detach), and IPv6 for dual-stack subnets.
    package var vpcConfig: VPCConfig?
    package var tracingConfig: TracingConfig?
    package var ephemeralStorage: EphemeralStorage?
    /// The whole logging configuration (Lambda replaces it).
    package var loggingConfig: LoggingConfig?
    /// `TargetArn` "" removes the dead-letter queue.
    package var deadLetterConfig: DeadLetterConfig?
    package var snapStart: SnapStartConfig?

    enum CodingKeys: String, CodingKey {
        case vpcConfig = "VpcConfig", tracingConfig = "TracingConfig", ephemeralStorage = "EphemeralStorage"
        case loggingConfig = "LoggingConfig", deadLetterConfig = "DeadLetterConfig", snapStart = "SnapStart"
    }

    /// Creates fields; everything nil means "nothing to send".
    package init(
        vpcConfig: VPCConfig? = nil, tracingConfig: TracingConfig? = nil, ephemeralStorage: EphemeralStorage? = nil,
        loggingConfig: LoggingConfig? = nil, deadLetterConfig: DeadLetterConfig? = nil, snapStart: SnapStartConfig? = nil
    ) {
        self.vpcConfig = vpcConfig
        self.tracingConfig = tracingConfig
        self.ephemeralStorage = ephemeralStorage
        self.loggingConfig = loggingConfig
        self.deadLetterConfig = deadLetterConfig
        self.snapStart = snapStart
    }

    /// True when no field is set.
    package var isEmpty: Bool { fieldNames.isEmpty }

    /// The names of the fields set, as Lambda names them.
    package var fieldNames: [String] {
        var names: [String] = []
        if vpcConfig != nil { names.append("VpcConfig") }
        if tracingConfig != nil { names.append("TracingConfig") }
        if ephemeralStorage != nil { names.append("EphemeralStorage") }
        if loggingConfig != nil { names.append("LoggingConfig") }
        if deadLetterConfig != nil { names.append("DeadLetterConfig") }
        if snapStart != nil { names.append("SnapStart") }
        return names
    }

    /// Adds the set fields to the enclosing request object (VpcId is never sent).
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var vpc = vpcConfig
        vpc?.vpcID = nil
        try container.encodeIfPresent(vpc, forKey: .vpcConfig)
        try container.encodeIfPresent(tracingConfig, forKey: .tracingConfig)
        try container.encodeIfPresent(ephemeralStorage, forKey: .ephemeralStorage)
        try container.encodeIfPresent(loggingConfig, forKey: .loggingConfig)
        try container.encodeIfPresent(deadLetterConfig, forKey: .deadLetterConfig)
        var snapStart = snapStart
        snapStart?.optimizationStatus = nil
        try container.encodeIfPresent(snapStart, forKey: .snapStart)
    }
}
