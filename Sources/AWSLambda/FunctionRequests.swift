import Foundation

/// Where a function's or layer's code comes from: the zip bytes inline, or an S3 object.
/// See the Lambda API Reference, `FunctionCode`.
package enum CodeSource: Sendable, Equatable {
    /// The zip bytes, sent base64-encoded in the JSON body (≤ 50 MB zipped).
    case zipFile(Data)
    /// An object in S3 in the function's region.
    case s3(bucket: String, key: String)
}

/// The `Code` of CreateFunction and the `Content` of PublishLayerVersion.
struct CodeBody: Encodable {
    var zipFile: Data?
    var s3Bucket: String?
    var s3Key: String?
    enum CodingKeys: String, CodingKey { case zipFile = "ZipFile", s3Bucket = "S3Bucket", s3Key = "S3Key" }

    init(_ source: CodeSource) {
        switch source {
        case .zipFile(let data): zipFile = data
        case .s3(let bucket, let key):
            s3Bucket = bucket
            s3Key = key
        }
    }
}

/// `Environment` in a request.
struct EnvironmentBody: Encodable {
    var variables: [String: String]
    enum CodingKeys: String, CodingKey { case variables = "Variables" }
}

/// The input of CreateFunction (zip packages only).
package struct CreateFunctionInput: Sendable, Equatable {
    package var functionName: String
    package var runtime: String
    package var role: String
    package var handler: String
    package var code: CodeSource
    package var description: String?
    package var timeout: Int?
    package var memorySize: Int?
    package var environment: [String: String]?
    package var layers: [String]?
    package var architectures: [String]?
    package var tags: [String: String]?
    package var publish: Bool
    /// The settings beyond memory and timeout (nil fields are not sent).
    package var settings = FunctionSettingsFields()

    /// Creates the input.
    package init(
        functionName: String, runtime: String, role: String, handler: String, code: CodeSource,
        description: String? = nil, timeout: Int? = nil, memorySize: Int? = nil,
        environment: [String: String]? = nil, layers: [String]? = nil, architectures: [String]? = nil,
        tags: [String: String]? = nil, publish: Bool = false
    ) {
        self.functionName = functionName
        self.runtime = runtime
        self.role = role
        self.handler = handler
        self.code = code
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.layers = layers
        self.architectures = architectures
        self.tags = tags
        self.publish = publish
    }
}

extension CreateFunctionInput: Encodable {
    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", runtime = "Runtime", role = "Role", handler = "Handler", code = "Code"
        case description = "Description", timeout = "Timeout", memorySize = "MemorySize"
        case environment = "Environment", layers = "Layers", architectures = "Architectures", tags = "Tags"
        case publish = "Publish", packageType = "PackageType"
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(functionName, forKey: .functionName)
        try container.encode(runtime, forKey: .runtime)
        try container.encode(role, forKey: .role)
        try container.encode(handler, forKey: .handler)
        try container.encode(CodeBody(code), forKey: .code)
        try container.encode("Zip", forKey: .packageType)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try container.encodeIfPresent(memorySize, forKey: .memorySize)
        try container.encodeIfPresent(environment.map(EnvironmentBody.init), forKey: .environment)
        try container.encodeIfPresent(layers, forKey: .layers)
        try container.encodeIfPresent(architectures, forKey: .architectures)
        try container.encodeIfPresent(tags, forKey: .tags)
        if publish { try container.encode(true, forKey: .publish) }
        try settings.encode(to: encoder)
    }
}

/// The input of UpdateFunctionCode.
struct UpdateFunctionCodeBody: Encodable {
    var code: CodeSource
    var revisionID: String?
    var publish: Bool
    var architectures: [String]?

    enum CodingKeys: String, CodingKey {
        case zipFile = "ZipFile", s3Bucket = "S3Bucket", s3Key = "S3Key", revisionID = "RevisionId"
        case publish = "Publish", architectures = "Architectures"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch code {
        case .zipFile(let data): try container.encode(data, forKey: .zipFile)
        case .s3(let bucket, let key):
            try container.encode(bucket, forKey: .s3Bucket)
            try container.encode(key, forKey: .s3Key)
        }
        try container.encodeIfPresent(revisionID, forKey: .revisionID)
        try container.encodeIfPresent(architectures, forKey: .architectures)
        if publish { try container.encode(true, forKey: .publish) }
    }
}

/// The changes of UpdateFunctionConfiguration: nil fields are not sent.
package struct ConfigurationChanges: Sendable, Equatable, Encodable {
    package var memorySize: Int?
    package var timeout: Int?
    package var handler: String?
    package var runtime: String?
    package var description: String?
    /// The whole new environment (Lambda replaces it, it does not merge).
    package var environment: [String: String]?
    /// The whole new layer list, in order.
    package var layers: [String]?
    /// VPC, tracing, /tmp, logging, dead-letter queue and SnapStart changes.
    package var settings = FunctionSettingsFields()
    /// The execution role's ARN, when the function moves to another role.
    package var role: String?
    /// The revision the changes were computed from (412 when it moved on).
    package var revisionID: String?

    enum CodingKeys: String, CodingKey {
        case memorySize = "MemorySize", timeout = "Timeout", handler = "Handler", runtime = "Runtime"
        case description = "Description", environment = "Environment", layers = "Layers"
        case revisionID = "RevisionId", role = "Role"
    }

    /// Creates changes; everything nil means "nothing to change".
    package init(
        memorySize: Int? = nil, timeout: Int? = nil, handler: String? = nil, runtime: String? = nil,
        description: String? = nil, environment: [String: String]? = nil, layers: [String]? = nil,
        revisionID: String? = nil
    ) {
        self.memorySize = memorySize
        self.timeout = timeout
        self.handler = handler
        self.runtime = runtime
        self.description = description
        self.environment = environment
        self.layers = layers
        self.revisionID = revisionID
    }

    /// True when no field would change.
    package var isEmpty: Bool {
        memorySize == nil && timeout == nil && handler == nil && runtime == nil && description == nil
            && environment == nil && layers == nil && role == nil && settings.isEmpty
    }

    /// The names of the fields that change, for messages (`MemorySize, Timeout`).
    package var fieldNames: [String] {
        var names: [String] = []
        if memorySize != nil { names.append("MemorySize") }
        if timeout != nil { names.append("Timeout") }
        if handler != nil { names.append("Handler") }
        if runtime != nil { names.append("Runtime") }
        if description != nil { names.append("Description") }
        if environment != nil { names.append("Environment") }
        if layers != nil { names.append("Layers") }
        if role != nil { names.append("Role") }
        return names + settings.fieldNames
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(memorySize, forKey: .memorySize)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try container.encodeIfPresent(handler, forKey: .handler)
        try container.encodeIfPresent(runtime, forKey: .runtime)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(environment.map(EnvironmentBody.init), forKey: .environment)
        try container.encodeIfPresent(layers, forKey: .layers)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(revisionID, forKey: .revisionID)
        try settings.encode(to: encoder)
    }
}

/// The answer of GetFunction.
package struct FunctionDetails: Decodable, Sendable, Equatable {
    package var configuration: FunctionConfiguration
    package var tags: [String: String]?
    /// The reserved concurrency, when some is reserved.
    package var concurrency: Concurrency?
    /// Where the deployed package can be downloaded (`Code`; a presigned URL valid for 10 minutes).
    /// Never printed: the URL is a credential for the package.
    package var code: FunctionCodeLocation?
    enum CodingKeys: String, CodingKey {
        case configuration = "Configuration", tags = "Tags", concurrency = "Concurrency", code = "Code"
    }
    package init(
        configuration: FunctionConfiguration, tags: [String: String]? = nil, concurrency: Concurrency? = nil,
        code: FunctionCodeLocation? = nil
    ) {
        self.configuration = configuration
        self.tags = tags
        self.concurrency = concurrency
        self.code = code
    }
}

/// `Code` in a GetFunction answer (API reference: FunctionCodeLocation).
package struct FunctionCodeLocation: Codable, Sendable, Equatable {
    /// `S3` for a zip package, `ECR` for an image.
    package var repositoryType: String?
    /// A presigned URL of the zip package (for `S3`).
    package var location: String?
    /// The image URI (for `ECR`).
    package var imageURI: String?
    enum CodingKeys: String, CodingKey { case repositoryType = "RepositoryType", location = "Location", imageURI = "ImageUri" }
    package init(repositoryType: String? = nil, location: String? = nil, imageURI: String? = nil) {
        self.repositoryType = repositoryType
        self.location = location
        self.imageURI = imageURI
    }
}

/// `Concurrency` in a GetFunction answer.
package struct Concurrency: Codable, Sendable, Equatable {
    package var reservedConcurrentExecutions: Int?
    enum CodingKeys: String, CodingKey { case reservedConcurrentExecutions = "ReservedConcurrentExecutions" }
    package init(reservedConcurrentExecutions: Int?) { self.reservedConcurrentExecutions = reservedConcurrentExecutions }
}
