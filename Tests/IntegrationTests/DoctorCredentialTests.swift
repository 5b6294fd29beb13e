import Foundation
import Testing

/// `doctor`'s credential findings through the built binary against moto behind the verifying
/// proxy: temporary credentials about to expire, and credentials AWS rejects outright.
@Suite(
    "doctor's credential checks against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct DoctorCredentialTests: DoctorSuite {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    /// A temporary file holding `text`; `executable` makes it a script.
    func file(_ text: String, executable: Bool = false) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-doctor-\(UUID().uuidString)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        return url.path
    }

    /// A temporary key pair and session token from STS GetSessionToken through the proxy (the AWS
    /// CLI, since `lambdactl request` masks secrets), which learns what it hands out.
    func sessionCredentials() throws -> (key: String, secret: String, token: String) {
        let harness = try #require(Harness.current)
        let result = try AWSCLI.run(["sts", "get-session-token", "--output", "json"], harness: harness)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let credentials = try #require(object["Credentials"] as? [String: Any])
        return (try #require(credentials["AccessKeyId"] as? String), try #require(credentials["SecretAccessKey"] as? String),
                try #require(credentials["SessionToken"] as? String))
    }

    @Test("temporary credentials from a credential_process expiring in 10 minutes are credentials-expire-soon: exit 0, 12 with --strict")
    func expireSoon() throws {
        let (key, secret, token) = try sessionCredentials()
        let expiration = ISO8601DateFormatter().string(from: Date().addingTimeInterval(600))
        let script = try file("""
            #!/bin/sh
            printf '%s' '{"Version": 1, "AccessKeyId": "\(key)", "SecretAccessKey": "\(secret)", "SessionToken": "\(token)", "Expiration": "\(expiration)"}'
            """, executable: true)
        let environment: [String: String?] = [
            "AWS_ACCESS_KEY_ID": nil, "AWS_SECRET_ACCESS_KEY": nil, "AWS_PROFILE": "temp",
            "AWS_CONFIG_FILE": try file("[profile temp]\ncredential_process = \(script)\n"),
        ]
        let text = try run(["doctor"], environment: environment).stdout
        #expect(text.contains("Credentials: profile:temp (credential_process) (expire \(expiration))"), "\(text)")
        #expect(text.contains("warning: the credentials expire in 9 minutes [credentials-expire-soon]")
                    || text.contains("warning: the credentials expire in 10 minutes [credentials-expire-soon]"), "\(text)")
        #expect(text.contains("→ refresh them"))
        #expect(text.contains("GetCallerIdentity ok") && text.contains("ListFunctions ok"), "signed with the session token: \(text)")
        #expect(!text.contains(secret) && !text.contains(token))
        let json = try run(["doctor", "--output", "json", "--strict"], exit: 12, environment: environment).stdout
        #expect(try codes(json) == ["credentials-expire-soon"])
    }

    @Test("a wrong secret key is one credentials-rejected error naming AWS's code and the fix, not one per service; exit 12")
    func wrongSecret() throws {
        let environment: [String: String?] = ["AWS_SECRET_ACCESS_KEY": "not-the-secret-key"]
        let text = try run(["doctor"], exit: 12, environment: environment).stdout
        let errors = text.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(text)")
        let line = String(try #require(errors.first))
        #expect(line.hasPrefix("error: AWS rejected the credentials (environment") && line.contains(" on all 14 services: "), "\(line)")
        #expect(line.contains("SignatureDoesNotMatch") && line.contains("InvalidSignatureException"), "\(line)")
        #expect(line.contains("request id") && line.contains("[credentials-rejected]"), "\(line)")
        #expect(line.contains("→ lambdactl whoami names their source"), "\(line)")
        #expect(text.contains("ListQueues rejected (see credentials-rejected below)"), "\(text)")
        #expect(!text.contains("[service-unreachable]"))
        #expect(!text.contains("not-the-secret-key"))
        let json = try run(["doctor", "--output", "json"], exit: 12, environment: environment).stdout
        #expect(try codes(json) == ["credentials-rejected"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.count == 14 && services.allSatisfy { $0["status"] as? String == "rejected" }, "\(json)")
    }
}
