import AWSCore
import Testing
@testable import lambdactl

@Suite("AWSCore's errors are worded with the global options")
struct SettingErrorTextTests {
    @Test(
        "region, endpoint URL and profile problems name --region, --endpoint-url and --profile",
        arguments: [
            (ConfigurationError(.noRegion) as any Error,
             "no region: pass --region, set AWS_REGION, or add region to your profile"),
            (ConfigurationError(.notARegionName("eu west")),
             "region 'eu west' is not a region name like us-east-1: fix --region or AWS_REGION"),
            (ConfigurationError(.unknownRegion("us-east-99")), "no such region 'us-east-99' (check --region / AWS_REGION)"),
            (ConfigurationError(.notAnEndpointURL("http://", origin: .explicit)),
             "--endpoint-url is 'http://', not an http(s) URL: use a URL like https://host:port/path"),
            (ConfigurationError(.notAnEndpointURL("ftp://x", origin: .described("AWS_ENDPOINT_URL"))),
             "AWS_ENDPOINT_URL is 'ftp://x', not an http(s) URL: use a URL like https://host:port/path"),
            (CredentialsError.noneFound(tried: ["environment", "container"]),
             "credentials: none found (tried environment, container): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, or run `aws configure`"),
            (AWSTransportFailure(underlying: .timedOut, operation: "GetFunction", endpoint: "http://127.0.0.1:1", attempts: 3),
             "GetFunction to http://127.0.0.1:1 failed after 3 attempts: timed out; check the network, proxy settings and --endpoint-url"),
        ] as [(any Error, String)])
    func worded(_ error: any Error, _ expected: String) {
        #expect(ErrorText.oneLine(error) == expected)
    }

    @Test("below the CLI the same errors name no flag")
    func plainBelowTheCLI() {
        #expect("\(ConfigurationError(.noRegion))" == "no region: pass the region option, set AWS_REGION, or add region to your profile")
        #expect(!"\(CredentialsError.noneFound(tried: ["environment"]))".contains("--"))
    }
}
