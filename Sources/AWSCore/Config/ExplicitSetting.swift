/// The settings a caller passes in explicitly, ahead of the environment and the shared files
/// (the CLI takes them as options). Errors below the CLI name them as values; the caller words
/// them the way its user typed them (`SettingNaming`).
package enum ExplicitSetting: Sendable, Equatable {
    /// The region.
    case region
    /// The profile.
    case profile
    /// The endpoint URL applied to every service.
    case endpointURL
}

/// Words an `ExplicitSetting` for a message (the CLI's naming says `--region`).
package protocol SettingNaming: Sendable {
    /// The setting as the user knows it.
    func name(_ setting: ExplicitSetting) -> String
}

/// The naming of a caller that has no words of its own: "the region option".
package struct PlainSettingNaming: SettingNaming {
    /// Creates the naming.
    package init() {}

    package func name(_ setting: ExplicitSetting) -> String {
        switch setting {
        case .region: "the region option"
        case .profile: "the profile option"
        case .endpointURL: "the endpoint URL option"
        }
    }
}
