import AWSTestSupport
import Foundation
import Synchronization
import Testing
@testable import AWSCore

@Suite("Credential providers: host checks, expiry, refresh failures, process output (issue 18)")
struct CredentialHardeningTests {
    @Test(
        "plain http only for literal loopback, localhost and the documented container hosts",
        arguments: [
            ("127.0.0.1", true), ("127.1.2.3", true), ("127.255.255.255", true), ("localhost", true), ("LOCALHOST", true),
            ("[::1]", true), ("169.254.170.2", true), ("169.254.170.23", true), ("[fd00:ec2::23]", true),
            ("127.attacker.example", false), ("127.0.0.1.nip.io", false), ("127.0.0.256", false), ("127.0.0", false),
            ("127..0.1", false), ("1270.0.0.1", false), ("localhost.example.com", false), ("169.254.170.3", false),
            ("example.com", false), ("[::2]", false),
        ])
    func plainHTTPHosts(_ host: String, _ allowed: Bool) {
        #expect(ContainerCredentialProvider.allowsPlainHTTP(host: host) == allowed)
    }

    @Test("an authorization token with CR or LF is refused with a sentence, and nothing is sent", arguments: ["a\r\nb", "a\nb", "a\rb"])
    func tokenLineBreaks(_ token: String) async {
        let transport = ScriptedTransport { _ in jsonResponse("{}") }
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(
                variables: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/c", "AWS_CONTAINER_AUTHORIZATION_TOKEN": token],
                homeDirectory: "/"),
            files: InMemoryFileSystem(), transport: transport)
        await #expect {
            try await provider.credentials()
        } throws: { error in
            "\(error)".contains("contains a line break (CR or LF)")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("an unreachable container endpoint is a configuration error naming the variable")
    func containerUnreachable() async {
        let provider = ContainerCredentialProvider(
            environment: EnvironmentSnapshot(variables: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/x"], homeDirectory: "/"),
            files: InMemoryFileSystem(), transport: ScriptedTransport.unreachable())
        await #expect {
            try await provider.credentials()
        } throws: { error in
            (error as? CredentialsError)?.category == .configuration
                && "\(error)" == "container: cannot reach the container credentials endpoint http://169.254.170.2/v2/x (cannot connect: connection refused): check AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
        }
    }

    @Test("IMDS falls back to v1 on 405 unless AWS_EC2_METADATA_V1_DISABLED is set")
    func imdsFallback() async throws {
        let script: @Sendable (HTTPRequest) throws -> HTTPResponse = { request in
            if request.method == "PUT" { return HTTPResponse(status: 405) }
            return try MetadataProviderTests.imdsScript(request)
        }
        let transport = ScriptedTransport(script)
        let v1 = IMDSCredentialProvider(environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), transport: transport)
        #expect(try await v1.credentials().source == "ec2-instance-metadata (my-role, IMDSv1)")
        #expect(transport.requests.dropFirst().allSatisfy { $0.headers["X-aws-ec2-metadata-token"] == nil })
        let strict = IMDSCredentialProvider(
            environment: EnvironmentSnapshot(variables: ["AWS_EC2_METADATA_V1_DISABLED": "true"], homeDirectory: "/"),
            transport: ScriptedTransport(script))
        await #expect(throws: CredentialsError.self) { try await strict.credentials() }
    }

    @Test("expired credentials from any source are refused with a sentence naming the source")
    func expiredRefused() async {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let cache = CachedCredentialProvider(CountingProvider(expiration: now - 60), time: fixedTime(now))
        await #expect {
            try await cache.credentials()
        } throws: { error in
            "\(error)" == "counting: returned credentials that expired at 2027-01-15T07:59:00Z (60 s ago): fix the source so it hands out fresh credentials, or check the clock"
        }
    }

    @Test("a failed refresh keeps still-valid cached credentials, warns once, and does not retry on every request")
    func failedRefreshKeepsCached() async throws {
        let clock = ManualClock()
        let base = FlakyProvider(expiration: clock.timeSource.now() + 120)
        let warnings = WarningLog()
        let cache = CachedCredentialProvider(base, time: clock.timeSource, warn: { warnings.add($0) })
        #expect(try await cache.credentials().accessKeyID == "K1")
        await base.startFailing()
        for _ in 0..<5 { #expect(try await cache.credentials().accessKeyID == "K1") }
        #expect(await base.fetches == 2, "one failed refresh, not one per request")
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains("refreshing credentials failed (flaky: boom); using the cached ones from flaky") == true)
        try await clock.timeSource.sleep(.seconds(61))
        #expect(try await cache.credentials().accessKeyID == "K1")
        #expect(await base.fetches == 3, "tried again after the retry interval")
        #expect(warnings.lines.count == 1)
        try await clock.timeSource.sleep(.seconds(61))
        await #expect(throws: CredentialsError.self) { try await cache.credentials() }
    }

    @Test(
        "credential_process output errors say what is wrong",
        arguments: [
            (#"{"Version": 1,"#, "printed text that is not valid JSON (unexpected end of file during JSON parse)"),
            ("hello", "printed text that is not valid JSON (invalid value at byte 0)"),
            ("[1]", "printed JSON that is not an object"),
            (#"{"AccessKeyId": "a", "SecretAccessKey": "b"}"#, #"printed JSON without the field "Version""#),
            (#"{"Version": 2, "AccessKeyId": "a", "SecretAccessKey": "b"}"#, #"printed "Version": 2, but only Version 1 exists"#),
            (#"{"Version": 1, "SecretAccessKey": "b"}"#, #"printed JSON without the field "AccessKeyId""#),
            (#"{"Version": 1, "AccessKeyId": "a"}"#, #"printed JSON without the field "SecretAccessKey""#),
            ("  \n", "printed nothing on stdout"),
        ])
    func processOutputErrors(_ output: String, _ problem: String) {
        #expect {
            try ProcessCredentialProvider.parse(Data(output.utf8), provider: "p")
        } throws: { error in
            "\(error)".hasPrefix("p: credential_process \(problem): it must print")
        }
    }

    @Test("a credential_process writing 300 KB to stderr does not block on the full pipe")
    func processStderrFlood() async throws {
        let json = #"{"Version": 1, "AccessKeyId": "PK", "SecretAccessKey": "PS"}"#
        let provider = ProcessCredentialProvider(
            command: "yes progress | head -c 300000 >&2; echo '\(json)'", profileName: "p", timeout: .seconds(10))
        let start = Date()
        #expect(try await provider.credentials().accessKeyID == "PK")
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

/// Succeeds until told to fail.
actor FlakyProvider: CredentialProvider {
    nonisolated let name = "flaky"
    private(set) var fetches = 0
    private var failing = false
    let expiration: Date

    init(expiration: Date) { self.expiration = expiration }

    func startFailing() { failing = true }

    func credentials() async throws -> Credentials {
        fetches += 1
        if failing { throw CredentialsError.failed(provider: "flaky", message: "boom") }
        return Credentials(accessKeyID: "K\(fetches)", secretAccessKey: "s", expiration: expiration, source: "flaky")
    }
}

/// Collects warnings.
final class WarningLog: Sendable {
    private let state = Mutex<[String]>([])
    var lines: [String] { state.withLock { $0 } }
    func add(_ line: String) { state.withLock { $0.append(line) } }
}
