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

/// The VPC a function is attached to (`VpcConfig`); empty lists when it is not.
package struct VPCConfig: Codable, Sendable, Equatable {
    package var subnetIDs: [String]?
    package var securityGroupIDs: [String]?
    package var vpcID: String?
    enum CodingKeys: String, CodingKey { case subnetIDs = "SubnetIds", securityGroupIDs = "SecurityGroupIds", vpcID = "VpcId" }
    package init(subnetIDs: [String]? = nil, securityGroupIDs: [String]? = nil, vpcID: String? = nil) {
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
        self.vpcID = vpcID
    }
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

/// Where a function's logs go.
package struct LoggingConfig: Codable, Sendable, Equatable {
    package var logGroup: String?
    package var logFormat: String?
    enum CodingKeys: String, CodingKey { case logGroup = "LogGroup", logFormat = "LogFormat" }
    package init(logGroup: String? = nil, logFormat: String? = nil) {
        self.logGroup = logGroup
        self.logFormat = logFormat
    }
}
