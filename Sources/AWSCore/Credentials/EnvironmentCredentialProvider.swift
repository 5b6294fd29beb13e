/// Keys from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
package struct EnvironmentCredentialProvider: CredentialProvider {
    /// The environment read.
    package let environment: EnvironmentSnapshot

    /// Creates the provider.
    package init(environment: EnvironmentSnapshot) {
        self.environment = environment
    }

    /// `environment`.
    package var name: String { "environment" }

    /// The keys, `notFound` when neither is set, an error when only one is.
    package func credentials() async throws -> Credentials {
        let keyID = environment["AWS_ACCESS_KEY_ID"]
        let secret = environment["AWS_SECRET_ACCESS_KEY"]
        switch (keyID, secret) {
        case (nil, nil):
            throw CredentialsError.notFound(provider: name)
        case (.some, nil):
            throw CredentialsError.failed(
                provider: name, message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both or neither")
        case (nil, .some):
            throw CredentialsError.failed(
                provider: name, message: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both or neither")
        case (.some(let keyID), .some(let secret)):
            return Credentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"],
                source: name)
        }
    }
}

/// Long-term (or session) keys written in a profile: `aws_access_key_id`, `aws_secret_access_key`,
/// `aws_session_token`.
package struct StaticProfileCredentialProvider: CredentialProvider {
    /// The profile's section (both files merged).
    package let profile: ConfigSection

    /// Creates the provider.
    package init(profile: ConfigSection) {
        self.profile = profile
    }

    /// `profile:NAME`.
    package var name: String { "profile:\(profile.name)" }

    /// The keys, `notFound` when the profile has none, an error when half are there.
    package func credentials() async throws -> Credentials {
        switch (profile["aws_access_key_id"], profile["aws_secret_access_key"]) {
        case (nil, nil):
            throw CredentialsError.notFound(provider: name)
        case (.some(let keyID), .some(let secret)):
            return Credentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: profile["aws_session_token"], source: name)
        default:
            throw CredentialsError.failed(
                provider: name,
                message: "needs both aws_access_key_id and aws_secret_access_key: add the missing one or run `aws configure --profile \(profile.name)`")
        }
    }
}
