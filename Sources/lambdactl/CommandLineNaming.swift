import Deployment

/// Inputs named by the flags the user typed: `--memory`, `--memory 512`, `--code`.
struct CommandLineNaming: InputNaming {
    func subject(_ field: InputField) -> String {
        switch field {
        case .code: "--code"
        case .memory: "--memory"
        case .timeout: "--timeout"
        case .description: "--description"
        case .layer: "--layer"
        case .qualifier: "--qualifier"
        case .environment: "--env"
        case .environmentFile: "--env-file"
        case .tag: "--tag"
        case .payload: "--payload"
        case .authType: "--auth-type"
        case .reservedConcurrency: "--reserved"
        case .provisionedConcurrency: "--provisioned"
        case .maxRetries: "--max-retries"
        case .maxEventAge: "--max-event-age"
        case .onSuccess: "--on-success"
        case .onFailure: "--on-failure"
        case .runtime: "--runtime"
        case .handler: "--handler"
        }
    }

    func example(_ field: InputField, _ value: String) -> String { "\(subject(field)) \(value)" }
}
