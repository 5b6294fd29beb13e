import Foundation

/// What credential providers need from outside: the environment, the shared files, the transport
/// for metadata endpoints, the STS caller and the clock.
package struct CredentialDependencies: Sendable {
    /// The process environment.
    package var environment: EnvironmentSnapshot
    /// The shared config and credentials files.
    package var config: SharedConfig
    /// The transport for the container, IMDS and SSO endpoints.
    package var transport: any HTTPTransport
    /// The STS caller for assume-role and web identity.
    package var roleAssumer: any RoleAssuming
    /// The clock.
    package var time: TimeSource
    /// The resolved region, used for STS calls; nil → the profile's region, else `us-east-1`.
    package var region: String?
    /// Receives `--debug` lines for the container, IMDS, SSO and sso-oidc requests, or nil.
    package var debug: (@Sendable (String) -> Void)?
    /// Receives warnings (a failed refresh while cached credentials still work), or nil.
    package var warn: (@Sendable (String) -> Void)?

    /// Creates the dependencies.
    package init(
        environment: EnvironmentSnapshot, config: SharedConfig, transport: any HTTPTransport,
        roleAssumer: any RoleAssuming, time: TimeSource = .system, region: String? = nil,
        debug: (@Sendable (String) -> Void)? = nil, warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.environment = environment
        self.config = config
        self.transport = transport
        self.roleAssumer = roleAssumer
        self.time = time
        self.region = region
        self.debug = debug
        self.warn = warn
    }
}

/// Turns a profile into the provider its keys describe, in botocore's order: `role_arn` (with
/// `web_identity_token_file`, `source_profile` or `credential_source`), IAM Identity Center,
/// static keys, `credential_process`. Pure apart from the providers it builds.
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

    func provider(for profile: ConfigSection, visited: [String]) throws -> (any CredentialProvider)? {
        if profile["role_arn"] != nil { return try roleProvider(for: profile, visited: visited) }
        let config = dependencies.config
        if let sso = try SSOSettings.from(profile: profile, config: config) {
            let resolver = ServiceEndpointResolver(environment: dependencies.environment, profile: profile, config: config)
            return SSOCredentialProvider(
                settings: sso, endpoint: try resolver.endpoint(for: .sso, region: sso.region),
                oidcEndpoint: try resolver.endpoint(for: .ssoOIDC, region: sso.region),
                homeDirectory: dependencies.environment.homeDirectory, transport: dependencies.transport,
                time: dependencies.time, debug: dependencies.debug)
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

    private func roleProvider(for profile: ConfigSection, visited: [String]) throws -> any CredentialProvider {
        let roleARN = profile["role_arn"] ?? ""
        let region = dependencies.region ?? profile["region"] ?? "us-east-1"
        if profile["mfa_serial"] != nil {
            throw fail(profile, "mfa_serial is not supported: use IAM Identity Center (sso_session) or export session keys from `aws sts get-session-token`")
        }
        let duration = try durationSeconds(profile)
        if let file = profile["web_identity_token_file"] {
            return WebIdentityCredentialProvider(
                roleARN: roleARN, tokenFile: SharedConfigLoader.expandTilde(file, dependencies.environment),
                sessionName: profile["role_session_name"], durationSeconds: duration, region: region,
                roleAssumer: dependencies.roleAssumer, time: dependencies.time,
                name: "profile:\(profile.name) (web-identity)")
        }
        let source = try sourceProvider(for: profile, visited: visited)
        let request = AssumeRoleRequest(
            roleARN: roleARN, sessionName: profile["role_session_name"] ?? "", externalID: profile["external_id"],
            durationSeconds: duration)
        return AssumeRoleCredentialProvider(
            source: source, request: request, region: region, roleAssumer: dependencies.roleAssumer,
            time: dependencies.time, profileName: profile.name)
    }

    private func durationSeconds(_ profile: ConfigSection) throws -> Int? {
        guard let text = profile["duration_seconds"] else { return nil }
        guard let value = Int(text), (900...43200).contains(value) else {
            throw fail(profile, "duration_seconds is '\(text)': use a whole number of seconds from 900 to 43200")
        }
        return value
    }

    private func sourceProvider(for profile: ConfigSection, visited: [String]) throws -> any CredentialProvider {
        switch (profile["source_profile"], profile["credential_source"]) {
        case (.some, .some):
            throw fail(profile, "has both source_profile and credential_source: keep one")
        case (nil, nil):
            throw fail(profile, "role_arn needs source_profile or credential_source: add one")
        case (nil, .some(let source)):
            return try credentialSource(source, profile: profile)
        case (.some(let sourceName), nil):
            if sourceName == profile.name {
                guard profile["aws_access_key_id"] != nil else {
                    throw fail(profile, "source_profile points at itself but it has no aws_access_key_id")
                }
                return StaticProfileCredentialProvider(profile: profile)
            }
            let path = visited + [profile.name]
            if path.contains(sourceName) {
                throw fail(profile, "source_profile chain loops (\((path + [sourceName]).joined(separator: " → "))): break the cycle")
            }
            guard let source = dependencies.config.profiles[sourceName] else {
                throw fail(
                    profile,
                    "source_profile '\(sourceName)' names a profile that does not exist in \(dependencies.config.configPath) or \(dependencies.config.credentialsPath): add [profile \(sourceName)] or fix source_profile")
            }
            guard let provider = try provider(for: source, visited: path) else {
                throw fail(profile, "source_profile '\(sourceName)' has no credentials: add keys, sso or credential_process to it")
            }
            return provider
        }
    }

    private func credentialSource(_ source: String, profile: ConfigSection) throws -> any CredentialProvider {
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
                environment: environment, transport: dependencies.transport, debug: dependencies.debug)
        default:
            throw fail(profile, "credential_source '\(source)' is not one of Environment, Ec2InstanceMetadata, EcsContainer")
        }
    }
}
