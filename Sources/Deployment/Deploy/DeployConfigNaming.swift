/// Inputs named as a deploy config writes them: the subject is the key path
/// (`function.memory`), an example is the line to write (`memory: 512`).
struct DeployConfigNaming: InputNaming {
    func subject(_ field: InputField) -> String { "function.\(field.rawValue)" }
    func example(_ field: InputField, _ value: String) -> String { "\(field.rawValue): \(value)" }
}

/// A code path named by its key, `code:` (the function's or a layer's: the location before the
/// message says which).
struct CodeKeyNaming: InputNaming {
    func subject(_ field: InputField) -> String { "\(field.rawValue):" }
    func example(_ field: InputField, _ value: String) -> String { "\(field.rawValue): \(value)" }
}
