import AWSCore

/// Turns a profile with `role_arn` into its role provider (web identity with
/// `web_identity_token_file`, else assume-role from `source_profile` or `credential_source`),
/// and offers web identity from `AWS_ROLE_ARN` / `AWS_WEB_IDENTITY_TOKEN_FILE` to the default
/// chain. The composition root hands it to the chain, ahead of the SSO factory (botocore's order).
package struct RoleCredentialFactory: CredentialProviderFactory {
    /// The STS caller.
    package let roleAssumer: any RoleAssuming

    /// Creates the factory.
    package init(roleAssumer: any RoleAssuming) {
        self.roleAssumer = roleAssumer
    }

    /// The role provider for `profile`, nil when it has no `role_arn`.
    package func provider(
        for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]
    ) throws -> (any CredentialProvider)? {
        guard let roleARN = profile["role_arn"] else { return nil }
        let dependencies = resolver.dependencies
        let region = dependencies.region ?? profile["region"] ?? "us-east-1"
        if profile["mfa_serial"] != nil {
            throw fail(profile, "mfa_serial is not supported: use IAM Identity Center (sso_session) or export session keys from `aws sts get-session-token`")
        }
        let duration = try durationSeconds(profile)
        if let file = profile["web_identity_token_file"] {
            return WebIdentityCredentialProvider(
                roleARN: roleARN, tokenFile: SharedConfigLoader.expandTilde(file, dependencies.environment),
                sessionName: profile["role_session_name"], durationSeconds: duration, region: region,
                roleAssumer: roleAssumer, time: dependencies.time, files: dependencies.files,
                name: "profile:\(profile.name) (web-identity)")
        }
        let source = try sourceProvider(for: profile, resolver: resolver, visited: visited)
        let request = AssumeRoleRequest(
            roleARN: roleARN, sessionName: profile["role_session_name"] ?? "", externalID: profile["external_id"],
            durationSeconds: duration)
        return AssumeRoleCredentialProvider(
            source: source, request: request, region: region, roleAssumer: roleAssumer, time: dependencies.time,
            profileName: profile.name)
    }

    /// Web identity from the environment, for the default chain; STS in the resolved region, else
    /// the default profile's, else `us-east-1`.
    package func environmentProvider(_ dependencies: CredentialDependencies) -> (any CredentialProvider)? {
        let region = dependencies.region ?? dependencies.config.profile("default")?["region"] ?? "us-east-1"
        return WebIdentityCredentialProvider.fromEnvironment(
            dependencies.environment, region: region, roleAssumer: roleAssumer, time: dependencies.time,
            files: dependencies.files)
    }

    private func fail(_ profile: ConfigSection, _ message: String) -> CredentialsError {
        .failed(provider: "profile:\(profile.name)", message: message)
    }

    private func durationSeconds(_ profile: ConfigSection) throws -> Int? {
        guard let text = profile["duration_seconds"] else { return nil }
        guard let value = Int(text), (900...43200).contains(value) else {
            throw fail(profile, "duration_seconds is '\(text)': use a whole number of seconds from 900 to 43200")
        }
        return value
    }

    /// What the role is assumed with: `source_profile` (possibly the profile itself, when it holds
    /// keys) or `credential_source`, never both; a loop in the `source_profile` chain is an error.
    private func sourceProvider(
        for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]
    ) throws -> any CredentialProvider {
        let config = resolver.dependencies.config
        switch (profile["source_profile"], profile["credential_source"]) {
        case (.some, .some):
            throw fail(profile, "has both source_profile and credential_source: keep one")
        case (nil, nil):
            throw fail(profile, "role_arn needs source_profile or credential_source: add one")
        case (nil, .some(let source)):
            return try resolver.credentialSource(source, profile: profile)
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
            guard let source = config.profiles[sourceName] else {
                throw fail(
                    profile,
                    "source_profile '\(sourceName)' names a profile that does not exist in \(config.configPath) or \(config.credentialsPath): add [profile \(sourceName)] or fix source_profile")
            }
            guard let provider = try resolver.provider(for: source, visited: path) else {
                throw fail(profile, "source_profile '\(sourceName)' has no credentials: add keys, sso or credential_process to it")
            }
            return provider
        }
    }
}
