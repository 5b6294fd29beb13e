/// Tries providers in order; a provider that throws `CredentialsError.notFound` passes to the
/// next, any other error stops the chain. The credentials' `source` names the provider that won.
package struct CredentialChain: CredentialProvider {
    /// The providers, first tried first.
    package let providers: [any CredentialProvider]

    /// Creates a chain.
    package init(providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// `chain`.
    package var name: String { "chain" }

    /// The first provider's credentials, or `.noneFound` listing what was tried.
    package func credentials() async throws -> Credentials {
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let error as CredentialsError where error.isNotFound {
                continue
            }
        }
        throw CredentialsError.noneFound(tried: providers.map(\.name))
    }
}

/// Builds the credentials chain the SDKs use: the explicit profile or `AWS_PROFILE` alone when given;
/// otherwise environment → the factories' environment providers (web identity) → the default
/// profile → container → IMDS.
package struct CredentialChainBuilder: Sendable {
    /// Everything the providers need.
    package let dependencies: CredentialDependencies

    /// Creates a builder.
    package init(dependencies: CredentialDependencies) {
        self.dependencies = dependencies
    }

    /// The cached provider for `explicitProfile` (the CLI's option), `AWS_PROFILE`, or the default chain.
    package func build(profile explicitProfile: String?) throws -> CachedCredentialProvider {
        CachedCredentialProvider(
            try uncached(profile: explicitProfile), time: dependencies.time, warn: dependencies.warn)
    }

    /// The same, without the cache.
    package func uncached(profile explicitProfile: String?) throws -> any CredentialProvider {
        let environment = dependencies.environment
        let resolver = ProfileCredentialResolver(dependencies: dependencies)
        if let name = explicitProfile ?? environment["AWS_PROFILE"] {
            guard let provider = try resolver.provider(forProfile: name) else {
                throw CredentialsError.failed(
                    provider: "profile:\(name)",
                    message: "has no credentials: add aws_access_key_id, role_arn, sso_session or credential_process to it")
            }
            return provider
        }
        var providers: [any CredentialProvider] = [EnvironmentCredentialProvider(environment: environment)]
        providers += dependencies.factories.compactMap { $0.environmentProvider(dependencies) }
        if dependencies.config.profile("default") != nil, let profile = try resolver.provider(forProfile: "default") {
            providers.append(profile)
        }
        providers.append(
            ContainerCredentialProvider(
                environment: environment, files: dependencies.files, transport: dependencies.transport,
                debug: dependencies.debug))
        providers.append(
            IMDSCredentialProvider(environment: environment, transport: dependencies.transport, debug: dependencies.debug))
        return CredentialChain(providers: providers)
    }
}
