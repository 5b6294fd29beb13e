/// What the function audit reads about a deployed function, as plain values the pure rules judge.
package struct AuditedFunction: Sendable, Equatable {
    /// The function name.
    package var name: String
    /// Its runtime identifier (nil for container images).
    package var runtime: String?
    /// Its timeout in seconds.
    package var timeout: Int
    /// The deployment package size (CodeSize) in bytes.
    package var codeSize: Int64
    /// The environment variables (values are only measured, never printed).
    package var variables: [String: String]
    /// Reserved concurrency, nil when none is set.
    package var reservedConcurrency: Int?
    /// The resource-policy statements.
    package var statements: [PolicyStatement]
    /// The function URL's auth type, nil when it has no URL.
    package var urlAuthType: String?

    /// The function's alias names.
    package var aliases: [String] = []
    /// The source ARNs of event-source mappings that invoke `$LATEST` (an unqualified function ARN).
    package var latestMappings: [String] = []
    /// The execution role and what the configuration needs from it; nil when not read.
    package var role: AuditedRole?
    /// The layers, as GetLayerVersion describes them; and the function's architecture.
    package var layers: [AuditedLayer] = [], architecture = "x86_64"
    /// The HTTP API routes, function URLs and resource-policy statements into the function.
    package var paths = InvokePaths()
    /// The timeout of each qualifier an HTTP API route targets, by name ("" for the unqualified function).
    package var qualifierTimeouts: [String: Int] = [:]

    /// Creates the facts.
    package init(
        name: String, runtime: String?, timeout: Int, codeSize: Int64, variables: [String: String],
        reservedConcurrency: Int?, statements: [PolicyStatement], urlAuthType: String?
    ) {
        self.name = name
        self.runtime = runtime
        self.timeout = timeout
        self.codeSize = codeSize
        self.variables = variables
        self.reservedConcurrency = reservedConcurrency
        self.statements = statements
        self.urlAuthType = urlAuthType
    }
}
