import AWSCore

/// Turns a profile with IAM Identity Center keys (`sso_session`, or the legacy `sso_start_url`)
/// into an `SSOCredentialProvider`, for the chain that the composition root builds.
package struct SSOCredentialFactory: CredentialProviderFactory {
    /// Creates the factory.
    package init() {}

    /// The SSO provider for `profile`, nil when it has no SSO keys; its portal and OIDC
    /// endpoints are resolved like any service's (`AWS_ENDPOINT_URL_SSO`, `[services]`, …).
    package func provider(
        for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]
    ) throws -> (any CredentialProvider)? {
        let dependencies = resolver.dependencies
        guard let settings = try SSOSettings.from(profile: profile, config: dependencies.config) else { return nil }
        let endpoints = ServiceEndpointResolver(
            environment: dependencies.environment, profile: profile, config: dependencies.config)
        return SSOCredentialProvider(
            settings: settings, endpoint: try endpoints.endpoint(for: .sso, region: settings.region),
            oidcEndpoint: try endpoints.endpoint(for: .ssoOIDC, region: settings.region),
            homeDirectory: dependencies.environment.homeDirectory, files: dependencies.files,
            transport: dependencies.transport,
            time: dependencies.time, debug: dependencies.debug)
    }
}
