import AWSCore
import Testing

@Suite("Region and max attempts precedence")
struct SettingResolverTests {
    struct RegionCase: Sendable, CustomTestStringConvertible {
        var explicit: String?
        var variables: [String: String]
        var profileRegion: String?
        var expected: String
        var testDescription: String { "→ \(expected)" }
    }

    static let regionCases: [RegionCase] = [
        RegionCase(explicit: "ap-south-1", variables: ["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"], profileRegion: "c",
                   expected: "ap-south-1"),
        RegionCase(explicit: nil, variables: ["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "b"], profileRegion: "c",
                   expected: "eu-west-1"),
        RegionCase(explicit: nil, variables: ["AWS_DEFAULT_REGION": "us-west-2"], profileRegion: "c", expected: "us-west-2"),
        RegionCase(explicit: nil, variables: ["AWS_REGION": ""], profileRegion: "cn-north-1", expected: "cn-north-1"),
    ]

    @Test("region: --region > AWS_REGION > AWS_DEFAULT_REGION > profile", arguments: regionCases)
    func regionPrecedence(_ example: RegionCase) throws {
        let profile = example.profileRegion.map { ConfigSection(name: "p", values: ["region": $0]) }
        let region = try SettingResolver.region(
            explicit: example.explicit, environment: EnvironmentSnapshot(variables: example.variables, homeDirectory: "/"),
            profile: profile)
        #expect(region == example.expected)
    }

    @Test("no region anywhere is a configuration error saying what to set")
    func noRegion() {
        #expect {
            try SettingResolver.region(
                explicit: nil, environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), profile: nil)
        } throws: { error in
            (error as? ConfigurationError)?.problem == .noRegion
                && flagWorded(error) == "no region: pass --region, set AWS_REGION, or add region to your profile"
                && (error as? ConfigurationError)?.category == .configuration
        }
    }

    @Test(
        "max attempts: AWS_MAX_ATTEMPTS > profile max_attempts > 3",
        arguments: [
            ([String: String](), nil as String?, 3),
            (["AWS_MAX_ATTEMPTS": "7"], "5", 7),
            ([:], "5", 5),
        ])
    func maxAttempts(_ variables: [String: String], _ profileValue: String?, _ expected: Int) throws {
        let profile = profileValue.map { ConfigSection(name: "p", values: ["max_attempts": $0]) }
        let value = try SettingResolver.maxAttempts(
            environment: EnvironmentSnapshot(variables: variables, homeDirectory: "/"), profile: profile)
        #expect(value == expected)
    }

    @Test("an invalid max attempts is an error", arguments: ["0", "-1", "abc", "21"])
    func invalidMaxAttempts(_ text: String) {
        #expect(throws: ConfigurationError.self) {
            try SettingResolver.maxAttempts(
                environment: EnvironmentSnapshot(variables: ["AWS_MAX_ATTEMPTS": text], homeDirectory: "/"), profile: nil)
        }
    }
}
