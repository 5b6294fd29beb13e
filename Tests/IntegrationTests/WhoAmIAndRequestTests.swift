import Foundation
import Testing

/// `whoami` and `request` run as a user would, against moto behind the verifying proxy.
@Suite("whoami and request against the verifying proxy", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct WhoAmIAndRequestTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    /// Every request the proxy saw was signed correctly (or is one AWS takes unsigned).
    func expectAllVerified(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let entries = try await harness.log()
        #expect(!entries.isEmpty, sourceLocation: sourceLocation)
        for entry in entries where !entry.verified && entry.verdict != "expired" {
            Issue.record("rejected: \(entry.operation) \(entry.verdict ?? "") \(entry.reason ?? "")", sourceLocation: sourceLocation)
        }
    }

    func lambdactl(_ arguments: [String], extra: [String: String?] = [:]) throws -> CommandResult {
        var environment = harness.childEnvironment
        for (key, value) in extra { environment[key] = value }
        return try CommandRunner.run(arguments, environment: environment)
    }

    /// A temporary directory holding a config file with `text`.
    func configFile(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("whoami with environment keys prints the account and says the keys came from the environment")
    func whoamiEnvironment() async throws {
        let result = try lambdactl(["whoami"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Account:     123456789012"))
        #expect(result.stdout.contains("Credentials: environment"))
        try await expectAllVerified()
    }

    @Test("whoami --output json gives the same facts as JSON")
    func whoamiJSON() async throws {
        let result = try lambdactl(["whoami", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String])
        #expect(object["account"] == "123456789012")
        #expect(object["region"] == harness.region)
        #expect(object["endpoint"] == harness.endpoint.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
    }

    @Test("an assume-role profile calls STS AssumeRole and then signs with the temporary keys")
    func whoamiAssumeRole() async throws {
        let config = try configFile("""
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            role_session_name = ci-run
            [profile base]
            aws_access_key_id = \(harness.accessKeyID)
            aws_secret_access_key = \(harness.secretAccessKey)
            """)
        let result = try lambdactl(
            ["whoami", "--profile", "deployer"],
            extra: ["AWS_ACCESS_KEY_ID": nil, "AWS_SECRET_ACCESS_KEY": nil, "AWS_CONFIG_FILE": config.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("assumed-role/deployer/ci-run"))
        let entries = try await harness.log()
        let operations = entries.map(\.operation)
        #expect(operations == ["AssumeRole", "GetCallerIdentity"])
        #expect(entries.allSatisfy { $0.verified })
        #expect(entries.last?.accessKeyID != harness.accessKeyID, "the chained call uses the temporary keys")
    }

    @Test("web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE) works as in GitHub Actions")
    func whoamiWebIdentity() async throws {
        let token = FileManager.default.temporaryDirectory.appendingPathComponent("oidc-\(UUID().uuidString)")
        try "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmV4YW1wbGUifQ.c2lnbmF0dXJl".write(to: token, atomically: true, encoding: .utf8)
        let result = try lambdactl(
            ["whoami"],
            extra: [
                "AWS_ACCESS_KEY_ID": nil, "AWS_SECRET_ACCESS_KEY": nil,
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/github", "AWS_WEB_IDENTITY_TOKEN_FILE": token.path,
                "AWS_ROLE_SESSION_NAME": "gha",
            ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("assumed-role/github/gha"))
        let entries = try await harness.log()
        #expect(entries.map(\.operation) == ["AssumeRoleWithWebIdentity", "GetCallerIdentity"])
        #expect(entries.first?.verdict == "unsigned-allowed")
        #expect(entries.last?.verified == true)
    }

    @Test(
        "request reaches Lambda, IAM, Logs and API Gateway v2 with a signature AWS would accept",
        arguments: [
            ["request", "lambda", "GET", "/2015-03-31/functions"],
            ["request", "iam", "POST", "/", "--target", "ListRoles"],
            ["request", "logs", "POST", "/", "--target", "DescribeLogGroups", "--data", #"{"limit":5}"#],
            ["request", "apigateway", "GET", "/v2/apis"],
            ["request", "sts", "POST", "/", "--target", "GetCallerIdentity"],
        ])
    func requestEachService(arguments: [String]) async throws {
        let result = try lambdactl(arguments)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        try await expectAllVerified()
    }

    @Test("an AWS error is one line with code, request id and the documented exit code 4")
    func requestError() async throws {
        let result = try lambdactl(["request", "lambda", "GET", "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:missing"])
        #expect(result.exitCode == 4)
        #expect(result.stderr.hasPrefix("lambdactl: error: ResourceNotFoundException"))
        #expect(result.stderr.contains("request id"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        try await expectAllVerified()
    }

    @Test("whoami succeeds under 30% injected faults: throttling, 5xx, resets and lost answers")
    func whoamiUnderFaults() async throws {
        try await harness.setFaults(
            HarnessFaults(throttleRate: 0.1, error5xxRate: 0.1, resetRate: 0.05, lostAnswerRate: 0.05, seed: 7))
        for _ in 0..<10 {
            let result = try lambdactl(["whoami"], extra: ["AWS_MAX_ATTEMPTS": "6"])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let entries = try await harness.log()
        #expect(entries.contains { $0.fault != nil }, "faults were injected")
        #expect(entries.allSatisfy { $0.verified })
    }

    @Test("a local clock 15 minutes off still works: the skew is corrected from the Date header", arguments: [900.0, -900.0])
    func clockSkew(offset: Double) async throws {
        try await harness.setFaults(HarnessFaults(clockOffsetSeconds: offset))
        let result = try lambdactl(["whoami"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let entries = try await harness.log()
        #expect(entries.map(\.verdict) == ["expired", "verified"])
    }

    @Test("--debug shows requests and answers but never the secret key, session token or signature")
    func debugHasNoSecrets() async throws {
        let config = try configFile("""
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            [profile base]
            aws_access_key_id = \(harness.accessKeyID)
            aws_secret_access_key = \(harness.secretAccessKey)
            """)
        let result = try lambdactl(
            ["whoami", "--profile", "deployer", "--debug"],
            extra: ["AWS_ACCESS_KEY_ID": nil, "AWS_SECRET_ACCESS_KEY": nil, "AWS_CONFIG_FILE": config.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("> GetCallerIdentity: POST"))
        #expect(result.stderr.contains("< AssumeRole: HTTP 200"))
        #expect(!result.stderr.contains(harness.secretAccessKey))
        #expect(result.stderr.contains("<SecretAccessKey>****</SecretAccessKey>"))
        #expect(result.stderr.contains("<SessionToken>****</SessionToken>"))
        #expect(result.stderr.contains("X-Amz-Security-Token: ****"))
        let signatures = result.stderr.components(separatedBy: "Signature=").dropFirst()
        #expect(!signatures.isEmpty)
        #expect(signatures.allSatisfy { $0.hasPrefix("****") })
    }
}
