/// Makes providers for the profile kinds AWSCore cannot serve by itself because they call an
/// AWS API: assume-role and web identity (AWSSTS's `RoleCredentialFactory`), IAM Identity
/// Center (AWSSSO's `SSOCredentialFactory`). The composition root hands them to the chain in
/// `CredentialDependencies.factories`; a profile is offered to each in turn, before AWSCore's
/// own kinds (static keys, `credential_process`).
package protocol CredentialProviderFactory: Sendable {
    /// The provider `profile`'s keys select, nil when they are not this factory's kind.
    /// `resolver` turns a source (another profile in the chain `visited`, `credential_source`)
    /// into its provider.
    func provider(
        for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]
    ) throws -> (any CredentialProvider)?

    /// A provider that the environment alone configures, tried in the default chain after the
    /// environment's keys and before the default profile; nil when the environment has none.
    func environmentProvider(_ dependencies: CredentialDependencies) -> (any CredentialProvider)?
}

extension CredentialProviderFactory {
    /// None: most kinds are configured only in a profile.
    package func environmentProvider(_ dependencies: CredentialDependencies) -> (any CredentialProvider)? { nil }
}
