import Foundation

/// A function's configuration as Lambda reports it (GetFunctionConfiguration, CreateFunction,
/// UpdateFunctionCode, …). Only the fields lambdactl uses or shows. See the Lambda API
/// Reference, `FunctionConfiguration`.
package struct FunctionConfiguration: Codable, Sendable, Equatable {
    package var functionName: String?
    package var functionARN: String?
    package var runtime: String?
    package var role: String?
    package var handler: String?
    package var codeSize: Int64?
    package var codeSHA256: String?
    package var description: String?
    package var timeout: Int?
    package var memorySize: Int?
    package var version: String?
    package var environment: EnvironmentResponse?
    package var layers: [LayerReference]?
    /// `Pending`, `Active`, `Inactive` or `Failed`.
    package var state: String?
    package var stateReason: String?
    package var stateReasonCode: String?
    /// `InProgress`, `Successful` or `Failed`.
    package var lastUpdateStatus: String?
    package var lastUpdateStatusReason: String?
    package var lastUpdateStatusReasonCode: String?
    package var revisionID: String?
    package var architectures: [String]?
    package var loggingConfig: LoggingConfig?
    package var packageType: String?
    /// ISO 8601 time of the last change (`2026-11-30T12:00:00.000+0000`).
    package var lastModified: String?
    package var vpcConfig: VPCConfig?
    package var tracingConfig: TracingConfig?
    package var ephemeralStorage: EphemeralStorage?
    /// Where failed asynchronous events go (`DeadLetterConfig`).
    package var deadLetterConfig: DeadLetterConfig?
    /// SnapStart (`SnapStart`): apply-on and optimization status.
    package var snapStart: SnapStartConfig?

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", functionARN = "FunctionArn", runtime = "Runtime", role = "Role"
        case handler = "Handler", codeSize = "CodeSize", codeSHA256 = "CodeSha256", description = "Description"
        case timeout = "Timeout", memorySize = "MemorySize", version = "Version", environment = "Environment"
        case layers = "Layers", state = "State", stateReason = "StateReason", stateReasonCode = "StateReasonCode"
        case lastUpdateStatus = "LastUpdateStatus", lastUpdateStatusReason = "LastUpdateStatusReason"
        case lastUpdateStatusReasonCode = "LastUpdateStatusReasonCode", revisionID = "RevisionId"
        case architectures = "Architectures", loggingConfig = "LoggingConfig", packageType = "PackageType"
        case lastModified = "LastModified", vpcConfig = "VpcConfig", tracingConfig = "TracingConfig"
        case ephemeralStorage = "EphemeralStorage", deadLetterConfig = "DeadLetterConfig", snapStart = "SnapStart"
    }

    /// Creates a configuration (tests and fakes).
    package init(
        functionName: String? = nil, functionARN: String? = nil, runtime: String? = nil, role: String? = nil,
        handler: String? = nil, codeSize: Int64? = nil, codeSHA256: String? = nil, description: String? = nil,
        timeout: Int? = nil, memorySize: Int? = nil, version: String? = nil, environment: EnvironmentResponse? = nil,
        layers: [LayerReference]? = nil, state: String? = nil, stateReason: String? = nil,
        stateReasonCode: String? = nil, lastUpdateStatus: String? = nil, lastUpdateStatusReason: String? = nil,
        lastUpdateStatusReasonCode: String? = nil, revisionID: String? = nil, architectures: [String]? = nil,
        loggingConfig: LoggingConfig? = nil, packageType: String? = nil
    ) {
        self.functionName = functionName
        self.functionARN = functionARN
        self.runtime = runtime
        self.role = role
        self.handler = handler
        self.codeSize = codeSize
        self.codeSHA256 = codeSHA256
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.version = version
        self.environment = environment
        self.layers = layers
        self.state = state
        self.stateReason = stateReason
        self.stateReasonCode = stateReasonCode
        self.lastUpdateStatus = lastUpdateStatus
        self.lastUpdateStatusReason = lastUpdateStatusReason
        self.lastUpdateStatusReasonCode = lastUpdateStatusReasonCode
        self.revisionID = revisionID
        self.architectures = architectures
        self.loggingConfig = loggingConfig
        self.packageType = packageType
    }

    /// The environment variables, empty when none are set.
    package var variables: [String: String] { environment?.variables ?? [:] }

    /// The ARNs of the attached layer versions, in order.
    package var layerARNs: [String] { (layers ?? []).compactMap(\.arn) }
}

/// `Environment` in a configuration answer.
package struct EnvironmentResponse: Codable, Sendable, Equatable {
    package var variables: [String: String]?
    enum CodingKeys: String, CodingKey { case variables = "Variables" }
    package init(variables: [String: String]?) { self.variables = variables }
}

/// One attached layer version.
package struct LayerReference: Codable, Sendable, Equatable {
    package var arn: String?
    package var codeSize: Int64?
    enum CodingKeys: String, CodingKey { case arn = "Arn", codeSize = "CodeSize" }
    package init(arn: String?, codeSize: Int64? = nil) {
        self.arn = arn
        self.codeSize = codeSize
    }
}

/// The VPC a function is attached to (`VpcConfig`); empty lists when it is not. In a request
/// `VpcId` is nil (Lambda derives it from the subnets).
package struct VPCConfig: Codable, Sendable, Equatable {
    package var subnetIDs: [String]?
    package var securityGroupIDs: [String]?
    package var vpcID: String?
    /// IPv6 traffic for dual-stack subnets (`Ipv6AllowedForDualStack`).
    package var ipv6AllowedForDualStack: Bool?
    enum CodingKeys: String, CodingKey {
        case subnetIDs = "SubnetIds", securityGroupIDs = "SecurityGroupIds", vpcID = "VpcId"
        case ipv6AllowedForDualStack = "Ipv6AllowedForDualStack"
    }
    package init(
        subnetIDs: [String]? = nil, securityGroupIDs: [String]? = nil, vpcID: String? = nil,
        ipv6AllowedForDualStack: Bool? = nil
    ) {
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
        self.vpcID = vpcID
        self.ipv6AllowedForDualStack = ipv6AllowedForDualStack
    }

    /// True when the function is attached to at least one subnet.
    package var isAttached: Bool { !(subnetIDs ?? []).isEmpty }
}

/// X-Ray tracing (`TracingConfig`): `Active` or `PassThrough`.
package struct TracingConfig: Codable, Sendable, Equatable {
    package var mode: String?
    enum CodingKeys: String, CodingKey { case mode = "Mode" }
    package init(mode: String?) { self.mode = mode }
}

/// The size of `/tmp` (`EphemeralStorage`), 512–10240 MB.
package struct EphemeralStorage: Codable, Sendable, Equatable {
    package var size: Int?
    enum CodingKeys: String, CodingKey { case size = "Size" }
    package init(size: Int?) { self.size = size }
}

/// Where a function's logs go and in which format (`LoggingConfig`). The levels apply to the
/// `JSON` format only.
package struct LoggingConfig: Codable, Sendable, Equatable {
    package var logGroup: String?
    /// `Text` or `JSON`.
    package var logFormat: String?
    /// `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR` or `FATAL`.
    package var applicationLogLevel: String?
    /// `DEBUG`, `INFO` or `WARN`.
    package var systemLogLevel: String?
    enum CodingKeys: String, CodingKey {
        case logGroup = "LogGroup", logFormat = "LogFormat", applicationLogLevel = "ApplicationLogLevel"
        case systemLogLevel = "SystemLogLevel"
    }
    package init(
        logGroup: String? = nil, logFormat: String? = nil, applicationLogLevel: String? = nil,
        systemLogLevel: String? = nil
    ) {
        self.logGroup = logGroup
        self.logFormat = logFormat
        self.applicationLogLevel = applicationLogLevel
        self.systemLogLevel = systemLogLevel
    }
}

/// The queue or topic failed asynchronous events go to (`DeadLetterConfig`); an empty
/// `TargetArn` in a request removes it.
package struct DeadLetterConfig: Codable, Sendable, Equatable {
    package var targetARN: String?
    enum CodingKeys: String, CodingKey { case targetARN = "TargetArn" }
    package init(targetARN: String?) { self.targetARN = targetARN }
}

/// SnapStart (`SnapStart` in a request, `SnapStartResponse` in an answer): `ApplyOn` is
/// `PublishedVersions` or `None`; `OptimizationStatus` (`On`/`Off`, answers only) says whether
/// this version runs from a snapshot.
package struct SnapStartConfig: Codable, Sendable, Equatable {
    package var applyOn: String?
    package var optimizationStatus: String?
    enum CodingKeys: String, CodingKey { case applyOn = "ApplyOn", optimizationStatus = "OptimizationStatus" }
    package init(applyOn: String?, optimizationStatus: String? = nil) {
        self.applyOn = applyOn
        self.optimizationStatus = optimizationStatus
    }
}
