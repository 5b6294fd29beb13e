import Foundation

/// An alias (CreateAlias, UpdateAlias, GetAlias, ListAliases).
public struct AliasConfiguration: Codable, Sendable, Equatable {
    public var aliasARN: String?
    public var name: String
    public var functionVersion: String
    public var description: String?
    public var revisionID: String?
    /// A weighted alias: the other version and its share of the traffic.
    public var routingConfig: AliasRoutingConfig?
    enum CodingKeys: String, CodingKey {
        case aliasARN = "AliasArn", name = "Name", functionVersion = "FunctionVersion"
        case description = "Description", revisionID = "RevisionId", routingConfig = "RoutingConfig"
    }
    public init(
        aliasARN: String? = nil, name: String, functionVersion: String, description: String? = nil,
        revisionID: String? = nil, routingConfig: AliasRoutingConfig? = nil
    ) {
        self.aliasARN = aliasARN
        self.name = name
        self.functionVersion = functionVersion
        self.description = description
        self.revisionID = revisionID
        self.routingConfig = routingConfig
    }
}

/// `RoutingConfig` of an alias: version → weight (0–1) of the traffic it gets.
public struct AliasRoutingConfig: Codable, Sendable, Equatable {
    public var additionalVersionWeights: [String: Double]?
    enum CodingKeys: String, CodingKey { case additionalVersionWeights = "AdditionalVersionWeights" }
    public init(additionalVersionWeights: [String: Double]?) { self.additionalVersionWeights = additionalVersionWeights }
}

/// One layer version (ListLayerVersions, GetLayerVersion, PublishLayerVersion).
public struct LayerVersion: Codable, Sendable, Equatable {
    public var layerARN: String?
    public var layerVersionARN: String
    public var version: Int
    public var description: String?
    public var compatibleRuntimes: [String]?
    public var compatibleArchitectures: [String]?
    /// The layer's licence (`LicenseInfo`).
    public var licenseInfo: String?
    /// Only GetLayerVersion and PublishLayerVersion carry the content.
    public var content: LayerContent?
    enum CodingKeys: String, CodingKey {
        case layerARN = "LayerArn", layerVersionARN = "LayerVersionArn", version = "Version"
        case description = "Description", compatibleRuntimes = "CompatibleRuntimes"
        case compatibleArchitectures = "CompatibleArchitectures", content = "Content", licenseInfo = "LicenseInfo"
    }
    public init(
        layerARN: String? = nil, layerVersionARN: String, version: Int, description: String? = nil,
        compatibleRuntimes: [String]? = nil, compatibleArchitectures: [String]? = nil, content: LayerContent? = nil,
        licenseInfo: String? = nil
    ) {
        self.licenseInfo = licenseInfo
        self.layerARN = layerARN
        self.layerVersionARN = layerVersionARN
        self.version = version
        self.description = description
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.content = content
    }
}

/// The content of a layer version.
public struct LayerContent: Codable, Sendable, Equatable {
    public var codeSHA256: String?
    public var codeSize: Int64?
    enum CodingKeys: String, CodingKey { case codeSHA256 = "CodeSha256", codeSize = "CodeSize" }
    public init(codeSHA256: String?, codeSize: Int64? = nil) {
        self.codeSHA256 = codeSHA256
        self.codeSize = codeSize
    }
}

/// The input of PublishLayerVersion.
public struct PublishLayerInput: Sendable, Equatable {
    public var layerName: String
    public var content: CodeSource
    public var compatibleRuntimes: [String]
    public var compatibleArchitectures: [String]
    public var description: String?
    public var licenseInfo: String?
    public init(
        layerName: String, content: CodeSource, compatibleRuntimes: [String] = [],
        compatibleArchitectures: [String] = [], description: String? = nil, licenseInfo: String? = nil
    ) {
        self.licenseInfo = licenseInfo
        self.layerName = layerName
        self.content = content
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.description = description
    }
}

extension PublishLayerInput: Encodable {
    enum CodingKeys: String, CodingKey {
        case content = "Content", compatibleRuntimes = "CompatibleRuntimes"
        case compatibleArchitectures = "CompatibleArchitectures", description = "Description"
        case licenseInfo = "LicenseInfo"
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CodeBody(content), forKey: .content)
        if !compatibleRuntimes.isEmpty { try container.encode(compatibleRuntimes, forKey: .compatibleRuntimes) }
        if !compatibleArchitectures.isEmpty {
            try container.encode(compatibleArchitectures, forKey: .compatibleArchitectures)
        }
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(licenseInfo, forKey: .licenseInfo)
    }
}

/// The input of AddPermission.
public struct PermissionStatement: Codable, Sendable, Equatable {
    public var statementID: String
    public var action: String
    public var principal: String
    public var sourceARN: String?
    public var functionURLAuthType: String?
    /// Restricts an `InvokeFunction` grant to calls that come through the function URL.
    public var invokedViaFunctionURL: Bool?
    enum CodingKeys: String, CodingKey {
        case statementID = "StatementId", action = "Action", principal = "Principal", sourceARN = "SourceArn"
        case functionURLAuthType = "FunctionUrlAuthType", invokedViaFunctionURL = "InvokedViaFunctionUrl"
    }
    public init(
        statementID: String, action: String = "lambda:InvokeFunction", principal: String, sourceARN: String? = nil,
        functionURLAuthType: String? = nil, invokedViaFunctionURL: Bool? = nil
    ) {
        self.invokedViaFunctionURL = invokedViaFunctionURL
        self.statementID = statementID
        self.action = action
        self.principal = principal
        self.sourceARN = sourceARN
        self.functionURLAuthType = functionURLAuthType
    }
}

/// A function URL configuration.
public struct FunctionURLConfig: Codable, Sendable, Equatable {
    public var functionURL: String?
    public var functionARN: String?
    public var authType: String
    public var cors: CORS?
    enum CodingKeys: String, CodingKey {
        case functionURL = "FunctionUrl", functionARN = "FunctionArn", authType = "AuthType", cors = "Cors"
    }
    public init(functionURL: String? = nil, functionARN: String? = nil, authType: String, cors: CORS? = nil) {
        self.functionURL = functionURL
        self.functionARN = functionARN
        self.authType = authType
        self.cors = cors
    }
}

/// The CORS settings of a function URL.
public struct CORS: Codable, Sendable, Equatable {
    public var allowOrigins: [String]?
    enum CodingKeys: String, CodingKey { case allowOrigins = "AllowOrigins" }
    public init(allowOrigins: [String]?) { self.allowOrigins = allowOrigins }
}

/// How Invoke runs the function.
public enum InvocationType: String, Sendable {
    /// Wait for the answer (HTTP 200).
    case requestResponse = "RequestResponse"
    /// Queue the event (HTTP 202).
    case event = "Event"
    /// Check permissions and parameters only (HTTP 204).
    case dryRun = "DryRun"
}

/// What Invoke answered.
public struct InvocationResult: Sendable, Equatable {
    /// The HTTP status (200, 202, 204).
    public var status: Int
    /// The function's answer, raw.
    public var payload: Data
    /// `Handled` or `Unhandled` when the function failed (`X-Amz-Function-Error`).
    public var functionError: String?
    /// The last 4 KB of the log, decoded from `X-Amz-Log-Result`.
    public var logTail: String?
    /// The version that ran (`X-Amz-Executed-Version`).
    public var executedVersion: String?
    public init(
        status: Int, payload: Data, functionError: String? = nil, logTail: String? = nil,
        executedVersion: String? = nil
    ) {
        self.status = status
        self.payload = payload
        self.functionError = functionError
        self.logTail = logTail
        self.executedVersion = executedVersion
    }
}
