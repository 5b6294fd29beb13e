import AWSCore
import AWSTestSupport
import Testing

@Suite("Resolved configuration")
struct ResolvedConfigurationTests {
    static let config = """
        [default]
        region = eu-west-1
        [profile dev]
        region = us-east-2
        max_attempts = 6
        endpoint_url = http://localhost:5000
        """

    @Test("AWS_PROFILE selects the profile its region, attempts and endpoints come from")
    func namedProfile() throws {
        let resolved = try ResolvedConfiguration(
            config: try sharedConfig(config: Self.config),
            environment: EnvironmentSnapshot(variables: ["AWS_PROFILE": "dev"], homeDirectory: "/"))
        #expect(resolved.profileName == "dev")
        #expect(resolved.region == "us-east-2")
        #expect(resolved.maxAttempts == 6)
        #expect(try resolved.endpoint(for: .lambda).urlString == "http://localhost:5000")
        #expect(try resolved.endpoint(for: .lambda).signingRegion == "us-east-2")
    }

    @Test("without a named profile the default profile supplies settings; --region still wins")
    func defaultProfile() throws {
        let resolved = try ResolvedConfiguration(
            config: try sharedConfig(config: Self.config),
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), region: "ap-northeast-1")
        #expect(resolved.profileName == nil)
        #expect(resolved.profile?.name == "default")
        #expect(resolved.region == "ap-northeast-1")
        #expect(try resolved.endpoint(for: .logs).host == "logs.ap-northeast-1.amazonaws.com")
    }

    @Test("a --profile that does not exist is an error")
    func missingProfile() throws {
        #expect(throws: ConfigurationError("profile 'nope' not found in ~/.aws/config or ~/.aws/credentials")) {
            try ResolvedConfiguration(
                config: try sharedConfig(config: Self.config),
                environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), profile: "nope")
        }
    }
}
