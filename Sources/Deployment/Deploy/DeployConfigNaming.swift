/// Inputs named as a deploy config writes them: the subject is the key path
/// (`function.memory`), an example is the line to write (`memory: 512`).
struct DeployConfigNaming: InputNaming {
    func subject(_ field: InputField) -> String { "function.\(key(field))" }
    func example(_ field: InputField, _ value: String) -> String {
        let parts = key(field).split(separator: ".")
        guard parts.count == 2 else { return "\(key(field)): \(value)" }
        let listed = field == .vpcSubnet || field == .vpcSecurityGroup ? "[\(value)]" : value
        return "\(parts[0]): {\(parts[1]): \(listed)}"
    }

    /// The key under `function:` that holds the field (fields a deploy config has no key for,
    /// such as a payload, keep their plain name).
    func key(_ field: InputField) -> String {
        switch field {
        case .environmentFile: "env_file"
        case .layer: "layers"
        case .tag: "tags"
        case .vpcSubnet: "vpc.subnets"
        case .vpcSecurityGroup: "vpc.security_groups"
        case .vpcIPv6: "vpc.ipv6"
        case .ephemeralStorage: "ephemeral_storage"
        case .logFormat: "logging.format"
        case .logLevel: "logging.level"
        case .systemLogLevel: "logging.system_level"
        case .logGroup: "logging.group"
        case .deadLetter: "dead_letter"
        case .snapStart: "snap_start"
        case .code, .memory, .timeout, .description, .qualifier, .environment, .payload, .authType, .tracing, .runtime, .handler:
            field.rawValue
        case .reservedConcurrency: "reserved_concurrency"
        case .provisionedConcurrency: "provisioned_concurrency"
        case .maxRetries: "async.max_retries"
        case .maxEventAge: "async.max_event_age"
        case .onSuccess: "async.on_success"
        case .onFailure: "async.on_failure"
        }
    }
}

/// A code path named by its key, `code:` (the function's or a layer's: the location before the
/// message says which).
struct CodeKeyNaming: InputNaming {
    func subject(_ field: InputField) -> String { "\(field.rawValue):" }
    func example(_ field: InputField, _ value: String) -> String { "\(field.rawValue): \(value)" }
}
