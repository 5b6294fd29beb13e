import AWSCore

/// The explicit settings named by the global options the user types.
struct CommandLineSettingNaming: SettingNaming {
    func name(_ setting: ExplicitSetting) -> String {
        switch setting {
        case .region: "--region"
        case .profile: "--profile"
        case .endpointURL: "--endpoint-url"
        }
    }
}

/// AWSCore's errors worded with the global options: `no region: pass --region, …`.
enum SettingErrorText {
    /// The line for `error` when it is one of AWSCore's errors that name an explicit setting.
    static func line(_ error: any Error) -> String? {
        let naming = CommandLineSettingNaming()
        switch error {
        case let error as ConfigurationError: return error.message(naming)
        case let error as CredentialsError: return error.message(naming)
        case let error as AWSTransportFailure: return error.message(naming)
        default: return nil
        }
    }
}
