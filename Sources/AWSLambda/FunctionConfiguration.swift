import Foundation

/// A function's configuration as Lambda reports it (GetFunctionConfiguration, CreateFunction,
/// UpdateFunctionCode, …). Only the fields lambdactl uses or shows. See the Lambda API
/// Reference, `FunctionConfiguration`.
public struct FunctionConfiguration: Codable, Sendable, Equatable {
    public var functionName: String?
    public var functionARN: String?
    public var runtime: String?
    public var role: String?
    public var handler: String?
    public var codeSize: Int64?
    public var codeSHA256: String?
    public var description: String?
    public var timeout: Int?
    public var memorySize: Int?
    public var version: String?
    public var environment: EnvironmentResponse?
    public var layers: [LayerReference]?
    /// `Pending`, `Active`, `Inactive` or `Failed`.
    public var state: String?
    public var stateReason: String?
    public var stateReasonCode: String?
    /// `InProgress`, `Successful` or `Failed`.
    public var lastUpdateStatus: String?
    public var lastUpdateStatusReason: String?
    public var lastUpdateStatusReasonCode: String?
    public var revisionID: String?
    public var architectures: [String]?
    public var loggingConfig: LoggingConfig?
    public var packageType: String?
    /// ISO 8601 time of the last change (`2026-11-30T12:00:00.000+0000`).
    public var lastModified: String?
    public var vpcConfig: VPCConfig?
    public var tracingConfig: TracingConfig?
    public var ephemeralStorage: EphemeralStorage?

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", functionARN = "FunctionArn", runtime = "Runtime", role = "Role"
        case handler = "Handler", codeSize = "CodeSize", codeSHA256 = "CodeSha256", description = "Description"
        case timeout = "Timeout", memorySize = "MemorySize", version = "Version", environment = "Environment"
        case layers = "Layers", state = "State", stateReason = "StateReason", stateReasonCode = "StateReasonCode"
        case lastUpdateStatus = "LastUpdateStatus", lastUpdateStatusReason = "LastUpdateStatusReason"
        case lastUpdateStatusReasonCode = "LastUpdateStatusReasonCode", revisionID = "RevisionId"
        case architectures = "Architectures", loggingConfig = "LoggingConfig", packageType = "PackageType"
        case lastModified = "LastModified", vpcConfig = "VpcConfig", tracingConfig = "TracingConfig"
        case ephemeralStorage = "EphemeralStorage"
    }

    /// Creates a configuration (tests and fakes).
    public init(
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
    public var variables: [String: String] { environment?.variables ?? [:] }

    /// The ARNs of the attached layer versions, in order.
    public var layerARNs: [String] { (layers ?? []).compactMap(\.arn) }
}

/// `Environment` in a configuration answer.
public struct EnvironmentResponse: Codable, Sendable, Equatable {
    public var variables: [String: String]?
    enum CodingKeys: String, CodingKey { case variables = "Variables" }
    public init(variables: [String: String]?) { self.variables = variables }
}

/// One attached layer version.
public struct LayerReference: Codable, Sendable, Equatable {
    public var arn: String?
    public var codeSize: Int64?
    enum CodingKeys: String, CodingKey { case arn = "Arn", codeSize = "CodeSize" }
    public init(arn: String?, codeSize: Int64? = nil) {
        self.arn = arn
        self.codeSize = codeSize
    }
}

/// The VPC a function is attached to (`VpcConfig`); empty lists when it is not.
public struct VPCConfig: Codable, Sendable, Equatable {
    public var subnetIDs: [String]?
    public var securityGroupIDs: [String]?
    public var vpcID: String?
    enum CodingKeys: String, CodingKey { case subnetIDs = "SubnetIds", securityGroupIDs = "SecurityGroupIds", vpcID = "VpcId" }
    public init(subnetIDs: [String]? = nil, securityGroupIDs: [String]? = nil, vpcID: String? = nil) {
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
        self.vpcID = vpcID
    }
}

/// X-Ray tracing (`TracingConfig`): `Active` or `PassThrough`.
public struct TracingConfig: Codable, Sendable, Equatable {
    public var mode: String?
    enum CodingKeys: String, CodingKey { case mode = "Mode" }
    public init(mode: String?) { self.mode = mode }
}

/// The size of `/tmp` (`EphemeralStorage`), 512–10240 MB.
public struct EphemeralStorage: Codable, Sendable, Equatable {
    public var size: Int?
    enum CodingKeys: String, CodingKey { case size = "Size" }
    public init(size: Int?) { self.size = size }
}

/// Where a function's logs go.
public struct LoggingConfig: Codable, Sendable, Equatable {
    public var logGroup: String?
    public var logFormat: String?
    enum CodingKeys: String, CodingKey { case logGroup = "LogGroup", logFormat = "LogFormat" }
    public init(logGroup: String? = nil, logFormat: String? = nil) {
        self.logGroup = logGroup
        self.logFormat = logFormat
    }
}
