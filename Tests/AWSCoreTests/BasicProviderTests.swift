import AWSCore
import Foundation
import Testing

@Suite("Environment, static profile and credential_process providers")
struct BasicProviderTests {
    @Test("environment keys with a session token")
    func environmentKeys() async throws {
        let provider = EnvironmentCredentialProvider(
            environment: EnvironmentSnapshot(
                variables: ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "SECRET", "AWS_SESSION_TOKEN": "TOKEN"],
                homeDirectory: "/"))
        let credentials = try await provider.credentials()
        #expect(credentials == Credentials(
            accessKeyID: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN", source: "environment"))
    }

    @Test(
        "environment: nothing set is notFound, half set is an error",
        arguments: [
            ([String: String](), true),
            (["AWS_ACCESS_KEY_ID": "AKID"], false),
            (["AWS_SECRET_ACCESS_KEY": "S"], false),
        ])
    func environmentMissing(_ variables: [String: String], _ expectNotFound: Bool) async {
        let provider = EnvironmentCredentialProvider(environment: EnvironmentSnapshot(variables: variables, homeDirectory: "/"))
        await #expect {
            try await provider.credentials()
        } throws: { error in
            (error as? CredentialsError)?.isNotFound == expectNotFound
                && (error as? CredentialsError)?.category == .configuration
        }
    }

    @Test("static profile keys")
    func staticKeys() async throws {
        let profile = ConfigSection(
            name: "dev", values: ["aws_access_key_id": "A", "aws_secret_access_key": "S", "aws_session_token": "T"])
        let credentials = try await StaticProfileCredentialProvider(profile: profile).credentials()
        #expect(credentials.accessKeyID == "A")
        #expect(credentials.sessionToken == "T")
        #expect(credentials.source == "profile:dev")
    }

    @Test("credential_process output is parsed, Expiration included")
    func processSuccess() async throws {
        let json = #"{"Version": 1, "AccessKeyId": "PK", "SecretAccessKey": "PS", "SessionToken": "PT", "Expiration": "2030-01-02T03:04:05Z"}"#
        let provider = ProcessCredentialProvider(command: "echo '\(json)'", profileName: "proc")
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "PK")
        #expect(credentials.sessionToken == "PT")
        #expect(credentials.expiration == ISO8601DateFormatter().date(from: "2030-01-02T03:04:05Z"))
        #expect(credentials.source == "profile:proc (credential_process)")
    }

    @Test("a non-zero exit is an error carrying the last three lines of stderr")
    func processFailure() async {
        let provider = ProcessCredentialProvider(
            command: "echo noise >&2; echo 'token expired' >&2; echo second >&2; echo third >&2; exit 3", profileName: "proc")
        await #expect {
            try await provider.credentials()
        } throws: { error in
            "\(error)" == "profile:proc (credential_process): credential_process exited with status 3: token expired | second | third"
        }
    }

    @Test("output without Version 1 is an error")
    func processWrongVersion() async {
        let provider = ProcessCredentialProvider(
            command: #"echo '{"Version": 2, "AccessKeyId": "a", "SecretAccessKey": "b"}'"#, profileName: "p")
        await #expect(throws: CredentialsError.self) { try await provider.credentials() }
    }

    @Test("a command that outlives its timeout is stopped with an error")
    func processTimeout() async {
        let provider = ProcessCredentialProvider(command: "sleep 5", profileName: "p", timeout: .milliseconds(300))
        let start = Date()
        await #expect {
            try await provider.credentials()
        } throws: { error in
            "\(error)".contains("did not finish within")
        }
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
