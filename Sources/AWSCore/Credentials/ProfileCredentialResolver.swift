/// What credential providers need from outside: the environment, the shared files, the file
/// system (token files, the SSO cache), the transport for metadata endpoints, the clock, and the factories for the kinds that call an AWS API.
package struct CredentialDependencies: Sendable {
    /// The process environment.
    package var environment: EnvironmentSnapshot
    /// The shared config and credentials files.
    package var config: SharedConfig
    /// Where token files and caches are read (and the SSO cache rewritten).
    package var files: any FileSystemView
    /// The transport for the container, IMDS and credential endpoints.
    package var transport: any HTTPTransport
    /// The clock.
    package var time: TimeSource
    /// Providers for profile kinds that call an AWS API, first asked first.
    package var factories: [any CredentialProviderFactory]
    /// The resolved region, for the factories' calls; nil → the profile's region, else `us-east-1`.
    package var region: String?
    /// Receives `--debug` lines for the providers' requests, or nil.
    package var debug: (@Sendable (String) -> Void)?
    /// Receives warnings (a failed refresh while cached credentials still work), or nil.
    package var warn: (@Sendable (String) -> Void)?

    /// Creates the dependencies.
    package init(
        environment: EnvironmentSnapshot, config: SharedConfig, files: any FileSystemView, transport: any HTTPTransport,
        time: TimeSource,
        factories: [any CredentialProviderFactory], region: String? = nil,
        debug: (@Sendable (String) -> Void)? = nil, warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.environment = environment
        self.config = config
        self.files = files
        self.transport = transport
        self.time = time
        self.factories = factories
        self.region = region
        self.debug = debug
        self.warn = warn
    }
}

/// Turns a profile into the provider its keys describe: first the factories' kinds (the
/// composition root passes `role_arn`, then IAM Identity Center, botocore's order), then static
/// keys, then `credential_process`. Pure apart from the providers it builds.
package struct ProfileCredentialResolver: Sendable {
    /// The dependencies handed to the providers.
    package let dependencies: CredentialDependencies

    /// Creates the resolver.
    package init(dependencies: CredentialDependencies) {
        self.dependencies = dependencies
    }

    /// The provider for the profile `name`, or nil when the profile holds no credential settings.
    package func provider(forProfile name: String) throws -> (any CredentialProvider)? {
        try provider(for: dependencies.config.requireProfile(name), visited: [])
    }

    /// The provider for `profile`, reached through the `source_profile` chain `visited`.
    package func provider(for profile: ConfigSection, visited: [String]) throws -> (any CredentialProvider)? {
        for factory in dependencies.factories {
            if let provider = try factory.provider(for: profile, resolver: self, visited: visited) { return provider }
        }
        if profile["aws_access_key_id"] != nil || profile["aws_secret_access_key"] != nil {
            return StaticProfileCredentialProvider(profile: profile)
        }
        if let command = profile["credential_process"] {
            return ProcessCredentialProvider(command: command, profileName: profile.name)
        }
        return nil
    }

    private func fail(_ profile: ConfigSection, _ message: String) -> CredentialsError {
        .failed(provider: "profile:\(profile.name)", message: message)
    }

    /// The provider a `credential_source` value names (`Environment`, `Ec2InstanceMetadata`,
    /// `EcsContainer`), for a role profile of `profile`.
    package func credentialSource(_ source: String, profile: ConfigSection) throws -> any CredentialProvider {
        let environment = dependencies.environment
        switch source {
        case "Environment":
            return EnvironmentCredentialProvider(environment: environment)
        case "Ec2InstanceMetadata":
            let provider = IMDSCredentialProvider(
                environment: environment, transport: dependencies.transport, connectionFailureIsMiss: false,
                debug: dependencies.debug)
            guard !provider.isDisabled else {
                throw fail(
                    profile,
                    "credential_source = Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED is set: unset AWS_EC2_METADATA_DISABLED or pick another credential_source")
            }
            return provider
        case "EcsContainer":
            return ContainerCredentialProvider(
                environment: environment, files: dependencies.files, transport: dependencies.transport,
                debug: dependencies.debug)
        default:
            throw fail(profile, "credential_source '\(source)' is not one of Environment, Ec2InstanceMetadata, EcsContainer")
        }
    }
}
