import Foundation
import Testing

/// The container, instance metadata and IAM Identity Center providers against local fake
/// endpoints on 127.0.0.1 (`Scripts/fake-credential-endpoints.py`), the API calls against the
/// verifying proxy (issue 18).
@Suite("Credentials: container, IMDS and SSO endpoints", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct CredentialEndpointTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    /// Runs lambdactl with no keys in the environment and `extra` on top.
    func lambdactl(_ arguments: [String], extra: [String: String?] = [:]) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        for (key, value) in extra { environment[key] = value }
        return try CommandRunner.run(arguments, environment: environment)
    }

    /// The harness keys as a credential document, valid for an hour.
    var document: [String: Any] {
        let expiration = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        return ["AccessKeyId": harness.accessKeyID, "SecretAccessKey": harness.secretAccessKey, "Expiration": expiration]
    }

    // MARK: Container

    @Test("container credentials from a loopback FULL_URI work, and --debug shows the request with secrets masked")
    func containerDebug() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document, "container_token": "container-auth-secret"])
        let result = try lambdactl(
            ["whoami", "--debug"],
            extra: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": fake.baseURL + "/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-auth-secret"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Credentials: container"))
        #expect(result.stderr.contains("> container: GET \(fake.baseURL)/creds"))
        #expect(result.stderr.contains("> Authorization: ****"))
        #expect(result.stderr.contains("< container: HTTP 200"))
        #expect(result.stderr.contains(#""SecretAccessKey": "****""#))
        #expect(!result.stderr.contains("container-auth-secret"))
        #expect(!result.stderr.contains(harness.secretAccessKey))
        #expect(try await fake.log().first?.headers["authorization"] == "container-auth-secret")
    }

    @Test("an unreachable container endpoint is a credentials error (exit 3) naming the source and variable")
    func containerUnreachable() async throws {
        let url = "http://127.0.0.1:\(FakeCredentialEndpoints.closedPort())/creds"
        let result = try lambdactl(["whoami"], extra: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("container: cannot reach the container credentials endpoint \(url)"))
        #expect(result.stderr.contains("check AWS_CONTAINER_CREDENTIALS_FULL_URI"))
        #expect(!result.stderr.contains("cannotConnect("))
    }

    @Test("a look-alike of loopback over plain http is refused before anything is sent")
    func containerLookAlike() async throws {
        let result = try lambdactl(
            ["whoami"],
            extra: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.attacker.example/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t"])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("host 127.attacker.example is not allowed over http"), "\(result.stderr)")
    }

    @Test("an authorization token with a line break is refused with a sentence, not sent")
    func containerTokenLineBreak() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document])
        let result = try lambdactl(
            ["whoami"],
            extra: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": fake.baseURL + "/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "abc\r\nX-Injected: 1"])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("contains a line break (CR or LF)"), "\(result.stderr)")
        #expect(try await fake.log().isEmpty)
    }

    @Test("expired container credentials are refused, naming the container")
    func containerExpired() async throws {
        var expired = document
        expired["Expiration"] = "2021-06-01T00:00:00Z"
        let fake = try FakeCredentialEndpoints(["credentials": expired])
        let result = try lambdactl(["whoami"], extra: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": fake.baseURL + "/creds"])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("container: returned credentials that expired at 2021-06-01T00:00:00Z"), "\(result.stderr)")
    }

    // MARK: IMDS

    func imds(_ fake: FakeCredentialEndpoints, _ extra: [String: String?] = [:]) throws -> CommandResult {
        var environment: [String: String?] = ["AWS_EC2_METADATA_DISABLED": nil, "AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.baseURL]
        for (key, value) in extra { environment[key] = value }
        return try lambdactl(["whoami", "--debug"], extra: environment)
    }

    @Test("IMDSv2 is used when the token call succeeds, and whoami says so")
    func imdsV2() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document])
        let result = try imds(fake)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Credentials: ec2-instance-metadata (fake-role, IMDSv2)"))
        #expect(result.stderr.contains("> ec2-instance-metadata: PUT \(fake.baseURL)/latest/api/token"))
        #expect(result.stderr.contains("> X-aws-ec2-metadata-token: ****"))
        #expect(!result.stderr.contains("imds-session-token"))
        #expect(!result.stderr.contains(harness.secretAccessKey))
    }

    @Test("a token call refused with 403, 404 or 405 falls back to IMDSv1, and whoami says so", arguments: [403, 404, 405])
    func imdsV1Fallback(_ status: Int) async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document, "imds_token_status": status])
        let result = try imds(fake)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Credentials: ec2-instance-metadata (fake-role, IMDSv1)"))
        #expect(try await fake.log().dropFirst().allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == nil })
    }

    @Test("AWS_EC2_METADATA_V1_DISABLED forbids the fallback, and other refusals never fall back")
    func imdsNoFallback() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document, "imds_token_status": 403])
        let disabled = try imds(fake, ["AWS_EC2_METADATA_V1_DISABLED": "true"])
        #expect(disabled.exitCode == 3)
        #expect(disabled.stderr.contains("AWS_EC2_METADATA_V1_DISABLED forbids IMDSv1"), "\(disabled.stderr)")
        try fake.configure(["credentials": document, "imds_token_status": 400])
        let refused = try imds(fake)
        #expect(refused.exitCode == 3)
        #expect(refused.stderr.contains("the metadata token request answered HTTP 400"), "\(refused.stderr)")
    }

    @Test("an unreachable AWS_EC2_METADATA_SERVICE_ENDPOINT is a credentials error (exit 3) naming the variable")
    func imdsUnreachable() async throws {
        let url = "http://127.0.0.1:\(FakeCredentialEndpoints.closedPort())"
        let result = try lambdactl(["whoami"], extra: ["AWS_EC2_METADATA_DISABLED": nil, "AWS_EC2_METADATA_SERVICE_ENDPOINT": url])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("ec2-instance-metadata: cannot reach the instance metadata service at \(url)"))
        #expect(result.stderr.contains("check AWS_EC2_METADATA_SERVICE_ENDPOINT"))
    }

    // MARK: SSO

    /// A home directory with an SSO profile's config and its cached token (`token` fields).
    func ssoHome(_ token: [String: Any]) throws -> (home: String, config: String, cache: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-sso-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws/sso/cache", withIntermediateDirectories: true)
        let config = home + "/.aws/config"
        try """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Deployer
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = \(harness.region)
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let cache = home + "/.aws/sso/cache/" + SSOCredentialProviderHash.sha1("corp") + ".json"
        try JSONSerialization.data(withJSONObject: token).write(to: URL(fileURLWithPath: cache))
        return (home, config, cache)
    }

    @Test("an SSO portal refusal names the endpoint that refused")
    func ssoRefusalNamesEndpoint() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document, "portal_status": 401])
        let sso = try ssoHome(["accessToken": "portal-token", "expiresAt": "2099-01-01T00:00:00Z"])
        let result = try lambdactl(
            ["whoami", "--profile", "dev"],
            extra: ["HOME": sso.home, "AWS_CONFIG_FILE": sso.config, "AWS_ENDPOINT_URL_SSO": fake.baseURL])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("the SSO portal at \(fake.baseURL) refused the token (HTTP 401"), "\(result.stderr)")
        #expect(result.stderr.contains("AWS_ENDPOINT_URL_SSO"))
    }

    @Test("an expired SSO token is refreshed with its refreshToken (sso-oidc CreateToken) and the cache rewritten")
    func ssoRefresh() async throws {
        let fake = try FakeCredentialEndpoints([
            "credentials": document,
            "oidc": ["accessToken": "refreshed-access-token", "expiresIn": 3600, "refreshToken": "next-refresh-token", "tokenType": "Bearer"],
        ])
        let sso = try ssoHome([
            "accessToken": "old-token", "expiresAt": "2020-01-01T00:00:00Z", "refreshToken": "cached-refresh-token",
            "clientId": "client-id-1", "clientSecret": "client-secret-1", "registrationExpiresAt": "2099-01-01T00:00:00Z",
            "region": harness.region, "startUrl": "https://corp.awsapps.com/start",
        ])
        let result = try lambdactl(
            ["whoami", "--profile", "dev", "--debug"],
            extra: ["HOME": sso.home, "AWS_CONFIG_FILE": sso.config, "AWS_ENDPOINT_URL_SSO_OIDC": fake.baseURL])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Credentials: profile:dev (sso)"))
        let call = try #require(try await fake.log().first { $0.path == "/token" })
        let body = try #require(try JSONSerialization.jsonObject(with: Data(call.body.utf8)) as? [String: String])
        #expect(body == [
            "clientId": "client-id-1", "clientSecret": "client-secret-1", "grantType": "refresh_token",
            "refreshToken": "cached-refresh-token",
        ])
        let cached = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sso.cache))) as? [String: Any])
        #expect(cached["accessToken"] as? String == "refreshed-access-token")
        #expect(cached["refreshToken"] as? String == "next-refresh-token")
        #expect(cached["startUrl"] as? String == "https://corp.awsapps.com/start", "other fields are kept")
        for secret in ["client-secret-1", "cached-refresh-token", "refreshed-access-token", "next-refresh-token"] {
            #expect(!result.stderr.contains(secret), "--debug masks \(secret)")
        }
        #expect(result.stderr.contains("GET"), "the portal request is in --debug")
        let portal = try await harness.log().first { $0.path == "/federation/credentials" }
        #expect(portal != nil, "the refreshed token went to the portal")
    }

    @Test("an expired SSO token whose refresh is refused tells the user to log in, naming the endpoint")
    func ssoRefreshRefused() async throws {
        let fake = try FakeCredentialEndpoints(["credentials": document])
        let sso = try ssoHome([
            "accessToken": "old-token", "expiresAt": "2020-01-01T00:00:00Z", "refreshToken": "r",
            "clientId": "c", "clientSecret": "s", "registrationExpiresAt": "2099-01-01T00:00:00Z",
        ])
        let result = try lambdactl(
            ["whoami", "--profile", "dev"],
            extra: ["HOME": sso.home, "AWS_CONFIG_FILE": sso.config, "AWS_ENDPOINT_URL_SSO_OIDC": fake.baseURL])
        #expect(result.exitCode == 3)
        #expect(
            result.stderr.contains("refreshing it at \(fake.baseURL) failed (HTTP 400 InvalidGrantException): run `aws sso login --profile dev`"),
            "\(result.stderr)")
    }
}

/// SHA-1 hex by the system's `sha1sum`, to name SSO cache files without lambdactl's code.
enum SSOCredentialProviderHash {
    static func sha1(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s' \"$0\" | sha1sum | cut -d' ' -f1", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
