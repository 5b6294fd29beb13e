import Foundation
import Testing

/// Secrets in output, credential_process and profile errors, run as a user would against the
/// verifying proxy (issue 18).
@Suite("Credentials: secrets, credential_process and profiles", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct CredentialProcessTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String], extra: [String: String?] = [:]) throws -> CommandResult {
        var environment = harness.childEnvironment
        for (key, value) in extra { environment[key] = value }
        return try CommandRunner.run(arguments, environment: environment)
    }

    /// A temporary file holding `text`; `executable` makes it a script.
    func file(_ text: String, executable: Bool = false) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-creds-\(UUID().uuidString)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        return url.path
    }

    /// Environment for a run with only `config` as the shared config file and no keys.
    func profileOnly(_ config: String) throws -> [String: String?] {
        ["AWS_ACCESS_KEY_ID": nil, "AWS_SECRET_ACCESS_KEY": nil, "AWS_CONFIG_FILE": try file(config)]
    }

    /// A credential_process script printing the harness keys, with an `Expiration` when given.
    func processScript(prefix: String = "", expiration: String? = nil) throws -> String {
        let expiry = expiration.map { #", "Expiration": "\#($0)""# } ?? ""
        return try file("""
            #!/bin/sh
            \(prefix)
            printf '%s' '{"Version": 1, "AccessKeyId": "\(harness.accessKeyID)", "SecretAccessKey": "\(harness.secretAccessKey)"\(expiry)}'
            """, executable: true)
    }

    @Test("a refused signature with temporary credentials never prints the session token, in any form")
    func refusedRequestHidesToken() async throws {
        let token = "FQoGZXIvYXdzEJr" + String(repeating: "Zm9vYmFy", count: 12) + "+/x=="
        try await harness.addKey(accessKeyID: "AKIDTEMPLAMBDACTL01", secretAccessKey: "right-secret", sessionToken: token)
        let result = try lambdactl(
            ["whoami"],
            extra: ["AWS_ACCESS_KEY_ID": "AKIDTEMPLAMBDACTL01", "AWS_SECRET_ACCESS_KEY": "wrong-secret", "AWS_SESSION_TOKEN": token])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("SignatureDoesNotMatch"))
        #expect(result.stderr.contains("x-amz-security-token:****"), "the canonical request AWS quotes is masked")
        #expect(!result.stderr.contains(token))
        #expect(!result.stderr.contains("Zm9vYmFy"))
        let debug = try lambdactl(
            ["whoami", "--debug"],
            extra: ["AWS_ACCESS_KEY_ID": "AKIDTEMPLAMBDACTL01", "AWS_SECRET_ACCESS_KEY": "wrong-secret", "AWS_SESSION_TOKEN": token])
        #expect(debug.exitCode == 3)
        #expect(!debug.stderr.contains("Zm9vYmFy"), "--debug masks the quoted token too")
    }

    @Test("--debug masks Environment.Variables values in requests and answers, names kept")
    func debugMasksEnvironmentValues() async throws {
        let zip = try LifecycleZip.write(comment: "env-debug")
        let name = "envdebug-\(UUID().uuidString.prefix(6).lowercased())"
        let result = try lambdactl(
            ["create-function", name, "--code", zip, "--runtime", "python3.12", "--handler", "app.handler",
             "--env", "DB_PASSWORD=hunter2-very-secret", "--env", "API_KEY=sk-live-0000", "--debug"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("> CreateFunction: POST"))
        #expect(result.stderr.contains(#""DB_PASSWORD":"****""#) || result.stderr.contains(#""DB_PASSWORD": "****""#))
        #expect(!result.stderr.contains("hunter2-very-secret"))
        #expect(!result.stderr.contains("sk-live-0000"))
        let get = try lambdactl(["get-function", name, "--debug"])
        #expect(get.exitCode == 0, "\(get.stderr)")
        #expect(!get.stderr.contains("hunter2-very-secret"), "the GetFunction answer is masked in --debug")
    }

    @Test("a credential_process that floods stderr still finishes at once (both pipes read together)")
    func processFloodingStderr() async throws {
        let script = try processScript(prefix: "yes 'progress: still working on it' | head -c 300000 >&2")
        let start = Date()
        let result = try lambdactl(
            ["whoami"], extra: try profileOnly("[profile p]\ncredential_process = \(script)\n").merging(["AWS_PROFILE": "p"]) { $1 })
        #expect(result.exitCode == 0, "\(result.stderr.suffix(300))")
        #expect(result.stdout.contains("Credentials: profile:p (credential_process)"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("a failing credential_process reports the last lines of its stderr")
    func processFailureTail() async throws {
        let script = try file("#!/bin/sh\nseq 1 5000 >&2\necho 'login required: run corp-login' >&2\nexit 2\n", executable: true)
        let result = try lambdactl(
            ["whoami", "--profile", "p"], extra: try profileOnly("[profile p]\ncredential_process = \(script)\n"))
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("exited with status 2: 4999 | 5000 | login required: run corp-login"), "\(result.stderr)")
    }

    @Test("a credential_process returning expired credentials is refused with a sentence naming it")
    func processExpired() async throws {
        let script = try processScript(expiration: "2020-01-01T00:00:00Z")
        let result = try lambdactl(
            ["whoami", "--profile", "p"], extra: try profileOnly("[profile p]\ncredential_process = \(script)\n"))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("profile:p (credential_process): returned credentials that expired at 2020-01-01T00:00:00Z"))
        let entries = try await harness.log()
        #expect(entries.isEmpty, "nothing is sent with expired credentials")
    }

    @Test(
        "credential_process output errors say what is wrong",
        arguments: [
            (#"{"Version": 1, "AccessKeyId": "A""#, "not valid JSON (unexpected end of file"),
            (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": }"#, "not valid JSON (invalid value at byte"),
            (#"{"AccessKeyId": "A", "SecretAccessKey": "B"}"#, #"without the field "Version""#),
            (#"{"Version": 1, "SecretAccessKey": "B"}"#, #"without the field "AccessKeyId""#),
            (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}"#, #""Version": 2, but only Version 1 exists"#),
            ("", "printed nothing on stdout"),
        ])
    func processBadOutput(_ output: String, _ expected: String) async throws {
        let script = try file("#!/bin/sh\nprintf '%s' '\(output)'\n", executable: true)
        let result = try lambdactl(
            ["whoami", "--profile", "p"], extra: try profileOnly("[profile p]\ncredential_process = \(script)\n"))
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test("a source_profile that does not exist names the profile pointing at it")
    func missingSourceProfile() async throws {
        let result = try lambdactl(
            ["whoami", "--profile", "deployer"],
            extra: try profileOnly("[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/d\nsource_profile = base\n"))
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("profile:deployer: source_profile 'base' names a profile that does not exist"), "\(result.stderr)")
    }

    @Test("credential_source = Ec2InstanceMetadata with AWS_EC2_METADATA_DISABLED says so")
    func ec2SourceDisabled() async throws {
        var extra = try profileOnly("[profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/d\ncredential_source = Ec2InstanceMetadata\n")
        extra["AWS_EC2_METADATA_DISABLED"] = "true"
        let result = try lambdactl(["whoami", "--profile", "ec2"], extra: extra)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("credential_source = Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED is set"), "\(result.stderr)")
    }

    @Test("an unreachable STS behind an assume-role profile is a credentials error (exit 3) naming STS")
    func unreachableSTS() async throws {
        var extra = try profileOnly("""
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            [profile base]
            aws_access_key_id = \(harness.accessKeyID)
            aws_secret_access_key = \(harness.secretAccessKey)
            """)
        extra["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:\(FakeCredentialEndpoints.closedPort())"
        extra["AWS_MAX_ATTEMPTS"] = "1"
        let result = try lambdactl(["whoami", "--profile", "deployer"], extra: extra)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("profile:deployer (assume-role): cannot reach STS at http://127.0.0.1:"), "\(result.stderr)")
        #expect(result.stderr.contains("AWS_ENDPOINT_URL_STS"))
    }
}
