import AWSCore

/// Names explicit settings the way the CLI's options spell them, so AWSCore's messages are
/// checked word for word without AWSCore knowing a flag.
struct FlagNaming: SettingNaming {
    func name(_ setting: ExplicitSetting) -> String {
        switch setting {
        case .region: "--region"
        case .profile: "--profile"
        case .endpointURL: "--endpoint-url"
        }
    }
}

/// `error` worded with `FlagNaming` when it is one of AWSCore's errors that name a setting.
func flagWorded(_ error: any Error) -> String {
    switch error {
    case let error as ConfigurationError: error.message(FlagNaming())
    case let error as CredentialsError: error.message(FlagNaming())
    case let error as AWSTransportFailure: error.message(FlagNaming())
    default: "\(error)"
    }
}
