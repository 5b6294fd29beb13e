import AWSCore
import AWSTestSupport
import Foundation
import Testing

@Suite("Credential chain order and the shared-refresh cache")
struct CredentialChainTests {
    struct ChainCase: Sendable, CustomTestStringConvertible {
        var name: String
        var variables: [String: String]
        var profile: String?
        var expectedSource: String
        var testDescription: String { name }
    }

    static let config = "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\n"
    static let credentials = """
        [default]
        aws_access_key_id = DEFAULTKEY
        aws_secret_access_key = s
        [dev]
        aws_access_key_id = DEVKEY
        aws_secret_access_key = s
        """
    static let envKeys = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"]

    static let cases: [ChainCase] = [
        ChainCase(name: "--profile wins over environment keys", variables: envKeys, profile: "dev",
                  expectedSource: "profile:dev"),
        ChainCase(name: "AWS_PROFILE wins over environment keys",
                  variables: envKeys.merging(["AWS_PROFILE": "dev"]) { $1 }, profile: nil, expectedSource: "profile:dev"),
        ChainCase(name: "environment keys before the default profile", variables: envKeys, profile: nil,
                  expectedSource: "environment"),
        ChainCase(name: "the default profile when nothing else is set", variables: [:], profile: nil,
                  expectedSource: "profile:default"),
    ]

    @Test("the chain picks providers in the SDKs' order", arguments: cases)
    func order(_ example: ChainCase) async throws {
        let home = try TempHome()
        defer { home.remove() }
        let token = try home.write("token", "jwt")
        let variables = example.variables.mapValues { $0 == "TOKEN" ? token : $0 }
        let config = try sharedConfig(config: Self.config, credentials: Self.credentials)
        let builder = CredentialChainBuilder(
            dependencies: credentialDependencies(config, environment: home.environment(variables)))
        let provider = try builder.build(profile: example.profile)
        let credentials = try await provider.credentials()
        #expect(credentials.source == example.expectedSource)
        #expect(await provider.lastSource == example.expectedSource)
    }

    @Test("a factory's environment provider comes after the environment keys and before the default profile")
    func factoryEnvironmentProvider() async throws {
        let config = try sharedConfig(config: Self.config, credentials: Self.credentials)
        let factory = EnvironmentOnlyFactory(variable: "TEST_FACTORY_KEY")
        let chain = { (variables: [String: String]) in
            try CredentialChainBuilder(
                dependencies: credentialDependencies(
                    config, environment: EnvironmentSnapshot(variables: variables, homeDirectory: "/nonexistent"),
                    factories: [factory])
            ).build(profile: nil)
        }
        #expect(try await chain(["TEST_FACTORY_KEY": "F"]).credentials().source == "factory")
        #expect(try await chain(Self.envKeys.merging(["TEST_FACTORY_KEY": "F"]) { $1 }).credentials().source == "environment")
        #expect(try await chain([:]).credentials().source == "profile:default")
    }

    @Test("a profile goes to the first factory that takes its keys, before static keys")
    func factoryProfileKinds() async throws {
        let config = try sharedConfig(config: "[profile p]\ntest_kind = yes\naws_access_key_id = K\naws_secret_access_key = S\n")
        let factories: [any CredentialProviderFactory] = [ProfileKeyFactory(key: "test_kind", name: "first"), ProfileKeyFactory(key: "test_kind", name: "second")]
        let taken = ProfileCredentialResolver(dependencies: credentialDependencies(config, factories: factories))
        #expect(try taken.provider(forProfile: "p")?.name == "first")
        let untaken = ProfileCredentialResolver(
            dependencies: credentialDependencies(config, factories: [ProfileKeyFactory(key: "other_kind", name: "x")]))
        #expect(try untaken.provider(forProfile: "p")?.name == "profile:p")
    }

    @Test("container credentials come before IMDS when nothing else is configured")
    func containerBeforeIMDS() async throws {
        let transport = ScriptedTransport { request in
            request.host == "169.254.170.2"
                ? jsonResponse(#"{"AccessKeyId": "CK", "SecretAccessKey": "CS"}"#) : HTTPResponse(status: 500)
        }
        let environment = EnvironmentSnapshot(
            variables: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds"], homeDirectory: "/nonexistent")
        let builder = CredentialChainBuilder(
            dependencies: credentialDependencies(.empty, environment: environment, transport: transport))
        #expect(try await builder.build(profile: nil).credentials().source == "container")
    }

    @Test("nothing found is one line listing what was tried and what to set; IMDS unreachable is a soft miss")
    func nothingFound() async throws {
        let builder = CredentialChainBuilder(dependencies: credentialDependencies(.empty))
        let provider = try builder.build(profile: nil)
        await #expect {
            try await provider.credentials()
        } throws: { error in
            let text = flagWorded(error)
            return (error as? CredentialsError) == .noneFound(tried: ["environment", "container", "ec2-instance-metadata"])
                && text == "credentials: none found (tried environment, container, ec2-instance-metadata): "
                + "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, or run `aws configure`"
                && !text.contains("\n") && (error as? CategorizedError)?.category == .configuration
        }
    }

    @Test("an unknown --profile is an error naming both files")
    func unknownProfile() throws {
        let builder = CredentialChainBuilder(dependencies: credentialDependencies(.empty))
        #expect {
            try builder.build(profile: "x")
        } throws: { error in
            "\(error)" == "profile 'x' not found in ~/.aws/config or ~/.aws/credentials"
        }
    }

    @Test("a misconfigured provider stops the chain instead of falling through")
    func errorStops() async throws {
        let config = try sharedConfig(credentials: Self.credentials)
        let builder = CredentialChainBuilder(
            dependencies: credentialDependencies(config, environment: EnvironmentSnapshot(
                variables: ["AWS_ACCESS_KEY_ID": "ONLYKEY"], homeDirectory: "/nonexistent")))
        await #expect {
            try await builder.build(profile: nil).credentials()
        } throws: { error in
            "\(error)".contains("AWS_SECRET_ACCESS_KEY is not")
        }
    }
}

/// Serves credentials named `factory` when `variable` is set; takes no profile.
struct EnvironmentOnlyFactory: CredentialProviderFactory {
    var variable: String

    func provider(for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]) throws
        -> (any CredentialProvider)?
    { nil }

    func environmentProvider(_ dependencies: CredentialDependencies) -> (any CredentialProvider)? {
        dependencies.environment[variable].map { _ in StaticCredentials(Credentials(accessKeyID: "F", secretAccessKey: "s", source: "factory")) }
    }
}

/// Takes the profiles that have `key`, naming its provider `name`.
struct ProfileKeyFactory: CredentialProviderFactory {
    var key: String
    var name: String

    func provider(for profile: ConfigSection, resolver: ProfileCredentialResolver, visited: [String]) throws
        -> (any CredentialProvider)?
    {
        profile[key] == nil ? nil : NamedProvider(name: name)
    }
}

/// A provider that only has a name.
struct NamedProvider: CredentialProvider {
    var name: String
    func credentials() async throws -> Credentials { throw CredentialsError.notFound(provider: name) }
}

/// Counts fetches and hands out credentials that expire at a set time.
actor CountingProvider: CredentialProvider {
    nonisolated let name = "counting"
    private(set) var fetches = 0
    let expiration: Date?

    init(expiration: Date?) {
        self.expiration = expiration
    }

    func credentials() async throws -> Credentials {
        fetches += 1
        try await Task.sleep(for: .milliseconds(50))
        return Credentials(
            accessKeyID: "K\(fetches)", secretAccessKey: "s", expiration: expiration, source: "counting")
    }
}

@Suite("Cached credential provider")
struct CachedCredentialProviderTests {
    @Test("50 concurrent callers share one fetch")
    func sharedRefresh() async throws {
        let base = CountingProvider(expiration: Date(timeIntervalSince1970: 1_800_003_600))
        let cache = CachedCredentialProvider(base, time: fixedTime())
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.credentials().accessKeyID } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keys.count == 50)
        #expect(Set(keys) == ["K1"])
        #expect(await base.fetches == 1)
    }

    @Test(
        "credentials are refreshed once they are within 5 minutes of expiry, not earlier",
        arguments: [(301.0, 1), (299.0, 2)])
    func refreshMargin(_ lifetime: TimeInterval, _ expectedFetches: Int) async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let base = CountingProvider(expiration: now + lifetime)
        let cache = CachedCredentialProvider(base, time: fixedTime(now))
        _ = try await cache.credentials()
        _ = try await cache.credentials()
        #expect(await base.fetches == expectedFetches)
    }

    @Test("long-term keys are fetched once")
    func longTerm() async throws {
        let base = CountingProvider(expiration: nil)
        let cache = CachedCredentialProvider(base, time: fixedTime())
        for _ in 0..<3 { _ = try await cache.credentials() }
        #expect(await base.fetches == 1)
    }
}
