import Deployment

/// Inputs named by the flags the user typed: `--memory`, `--memory 512`, `--code`.
struct CommandLineNaming: InputNaming {
    func subject(_ field: InputField) -> String { "--\(field.rawValue)" }
    func example(_ field: InputField, _ value: String) -> String { "--\(field.rawValue) \(value)" }
}
