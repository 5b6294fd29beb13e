import Foundation

/// An alias (CreateAlias, UpdateAlias, GetAlias, ListAliases).
package struct AliasConfiguration: Codable, Sendable, Equatable {
    package var aliasARN: String?
    package var name: String
    package var functionVersion: String
    package var description: String?
    package var revisionID: String?
    /// A weighted alias: the other version and its share of the traffic.
    package var routingConfig: AliasRoutingConfig?
    enum CodingKeys: String, CodingKey {
        case aliasARN = "AliasArn", name = "Name", functionVersion = "FunctionVersion"
        case description = "Description", revisionID = "RevisionId", routingConfig = "RoutingConfig"
    }
    package init(
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
package struct AliasRoutingConfig: Codable, Sendable, Equatable {
    package var additionalVersionWeights: [String: Double]?
    enum CodingKeys: String, CodingKey { case additionalVersionWeights = "AdditionalVersionWeights" }
    package init(additionalVersionWeights: [String: Double]?) { self.additionalVersionWeights = additionalVersionWeights }

    /// No additional version: what UpdateAlias sends to remove the weights.
    package static let unweighted = AliasRoutingConfig(additionalVersionWeights: [:])

    /// True when some other version gets a share of the traffic.
    package var isWeighted: Bool { !(additionalVersionWeights ?? [:]).isEmpty }
}

/// One layer version (ListLayerVersions, GetLayerVersion, PublishLayerVersion).
package struct LayerVersion: Codable, Sendable, Equatable {
    package var layerARN: String?
    package var layerVersionARN: String
    package var version: Int
    package var description: String?
    package var compatibleRuntimes: [String]?
    package var compatibleArchitectures: [String]?
    /// The layer's licence (`LicenseInfo`).
    package var licenseInfo: String?
    /// Only GetLayerVersion and PublishLayerVersion carry the content.
    package var content: LayerContent?
    enum CodingKeys: String, CodingKey {
        case layerARN = "LayerArn", layerVersionARN = "LayerVersionArn", version = "Version"
        case description = "Description", compatibleRuntimes = "CompatibleRuntimes"
        case compatibleArchitectures = "CompatibleArchitectures", content = "Content", licenseInfo = "LicenseInfo"
    }
    package init(
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
package struct LayerContent: Codable, Sendable, Equatable {
    package var codeSHA256: String?
    package var codeSize: Int64?
    enum CodingKeys: String, CodingKey { case codeSHA256 = "CodeSha256", codeSize = "CodeSize" }
    package init(codeSHA256: String?, codeSize: Int64? = nil) {
        self.codeSHA256 = codeSHA256
        self.codeSize = codeSize
    }
}

/// The input of PublishLayerVersion.
package struct PublishLayerInput: Sendable, Equatable {
    package var layerName: String
    package var content: CodeSource
    package var compatibleRuntimes: [String]
    package var compatibleArchitectures: [String]
    package var description: String?
    package var licenseInfo: String?
    package init(
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
    package func encode(to encoder: Encoder) throws {
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
package struct PermissionStatement: Codable, Sendable, Equatable {
    package var statementID: String
    package var action: String
    package var principal: String
    package var sourceARN: String?
    /// `SourceAccount`: the account that must own the source (S3 and SNS, whose ARNs may name none).
    package var sourceAccount: String?
    package var functionURLAuthType: String?
    /// Restricts an `InvokeFunction` grant to calls that come through the function URL.
    package var invokedViaFunctionURL: Bool?
    enum CodingKeys: String, CodingKey {
        case statementID = "StatementId", action = "Action", principal = "Principal", sourceARN = "SourceArn"
        case functionURLAuthType = "FunctionUrlAuthType", invokedViaFunctionURL = "InvokedViaFunctionUrl"
        case sourceAccount = "SourceAccount"
    }
    package init(
        statementID: String, action: String = "lambda:InvokeFunction", principal: String, sourceARN: String? = nil,
        functionURLAuthType: String? = nil, invokedViaFunctionURL: Bool? = nil, sourceAccount: String? = nil
    ) {
        self.invokedViaFunctionURL = invokedViaFunctionURL
        self.sourceAccount = sourceAccount
        self.statementID = statementID
        self.action = action
        self.principal = principal
        self.sourceARN = sourceARN
        self.functionURLAuthType = functionURLAuthType
    }
}

/// A function URL configuration.
package struct FunctionURLConfig: Codable, Sendable, Equatable {
    package var functionURL: String?
    package var functionARN: String?
    package var authType: String
    package var cors: CORS?
    enum CodingKeys: String, CodingKey {
        case functionURL = "FunctionUrl", functionARN = "FunctionArn", authType = "AuthType", cors = "Cors"
    }
    package init(functionURL: String? = nil, functionARN: String? = nil, authType: String, cors: CORS? = nil) {
        self.functionURL = functionURL
        self.functionARN = functionARN
        self.authType = authType
        self.cors = cors
    }
}

/// The CORS settings of a function URL.
package struct CORS: Codable, Sendable, Equatable {
    package var allowOrigins: [String]?
    enum CodingKeys: String, CodingKey { case allowOrigins = "AllowOrigins" }
    package init(allowOrigins: [String]?) { self.allowOrigins = allowOrigins }
}

/// How Invoke runs the function.
package enum InvocationType: String, Sendable {
    /// Wait for the answer (HTTP 200).
    case requestResponse = "RequestResponse"
    /// Queue the event (HTTP 202).
    case event = "Event"
    /// Check permissions and parameters only (HTTP 204).
    case dryRun = "DryRun"
}

/// What Invoke answered.
package struct InvocationResult: Sendable, Equatable {
    /// The HTTP status (200, 202, 204).
    package var status: Int
    /// The function's answer, raw.
    package var payload: Data
    /// `Handled` or `Unhandled` when the function failed (`X-Amz-Function-Error`).
    package var functionError: String?
    /// The last 4 KB of the log, decoded from `X-Amz-Log-Result`.
    package var logTail: String?
    /// The version that ran (`X-Amz-Executed-Version`).
    package var executedVersion: String?
    package init(
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
