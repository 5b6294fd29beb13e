/// Everything the CLI resolves from `--profile`, `--region`, `--endpoint-url`, the environment and
/// the shared files, in one value: the composition root builds clients and the credential chain
/// from it.
package struct ResolvedConfiguration: Sendable {
    /// The shared config and credentials files.
    package let config: SharedConfig
    /// The profile named by `--profile` or `AWS_PROFILE`, nil when neither is set.
    package let profileName: String?
    /// The profile settings are read from: the named one, else `default` when it exists.
    package let profile: ConfigSection?
    /// The region.
    package let region: String
    /// Attempts per request (`AWS_MAX_ATTEMPTS` > profile `max_attempts` > 3).
    package let maxAttempts: Int
    /// The endpoint resolver for every service.
    package let endpoints: ServiceEndpointResolver

    /// Resolves everything; a named profile that does not exist, a missing region or an invalid
    /// setting is a `.configuration` error.
    package init(
        config: SharedConfig, environment: EnvironmentSnapshot, profile explicitProfile: String? = nil,
        region explicitRegion: String? = nil, endpointURL explicitEndpointURL: String? = nil
    ) throws {
        self.config = config
        profileName = explicitProfile ?? environment["AWS_PROFILE"]
        if let profileName {
            profile = try config.requireProfile(profileName)
        } else {
            profile = config.profile("default")
        }
        region = try SettingResolver.region(explicit: explicitRegion, environment: environment, profile: profile)
        maxAttempts = try SettingResolver.maxAttempts(environment: environment, profile: profile)
        endpoints = ServiceEndpointResolver(
            explicitEndpointURL: explicitEndpointURL, environment: environment, profile: profile, config: config)
    }

    /// The endpoint of `service` in the resolved region.
    package func endpoint(for service: ServiceDescriptor) throws -> ServiceEndpoint {
        try endpoints.endpoint(for: service, region: region)
    }
}
