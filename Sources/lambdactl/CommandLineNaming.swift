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
        case .vpcSubnet: "--vpc-subnet"
        case .vpcSecurityGroup: "--vpc-security-group"
        case .vpcIPv6: "--vpc-ipv6"
        case .tracing: "--tracing"
        case .ephemeralStorage: "--ephemeral-storage"
        case .logFormat: "--log-format"
        case .logLevel: "--log-level"
        case .systemLogLevel: "--system-log-level"
        case .logGroup: "--log-group"
        case .deadLetter: "--dead-letter"
        case .snapStart: "--snap-start"
        case .runtime: "--runtime"
        case .handler: "--handler"
        }
    }

    func example(_ field: InputField, _ value: String) -> String { "\(subject(field)) \(value)" }
}
