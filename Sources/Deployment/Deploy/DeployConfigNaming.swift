/// Inputs named as a deploy config writes them: the subject is the key path
/// (`function.memory`), an example is the line to write (`memory: 512`).
struct DeployConfigNaming: InputNaming {
    func subject(_ field: InputField) -> String { "function.\(key(field))" }
    func example(_ field: InputField, _ value: String) -> String {
        "\(key(field).split(separator: ".").last.map(String.init) ?? key(field)): \(value)"
    }

    /// The key under `function:` that holds the field (fields a deploy config has no key for,
    /// such as a payload, keep their plain name).
    func key(_ field: InputField) -> String {
        switch field {
        case .environmentFile: "env_file"
        case .layer: "layers"
        case .tag: "tags"
        case .code, .memory, .timeout, .description, .qualifier, .environment, .payload, .authType, .runtime, .handler:
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
