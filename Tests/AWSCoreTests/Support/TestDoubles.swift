import AWSCore
import AWSTestSupport
import Foundation

/// Records STS calls and answers with fixed credentials.
actor FakeRoleAssumer: RoleAssuming {
    struct Call: Equatable {
        var request: AssumeRoleRequest
        var sourceKeyID: String
        var region: String
    }
    private(set) var calls: [Call] = []
    private(set) var webCalls: [WebIdentityRequest] = []

    func assumeRole(_ request: AssumeRoleRequest, using source: Credentials, region: String) async throws -> Credentials {
        calls.append(Call(request: request, sourceKeyID: source.accessKeyID, region: region))
        return Credentials(
            accessKeyID: "ASIA-\(request.roleARN.split(separator: "/").last ?? "")", secretAccessKey: "s",
            sessionToken: "t", expiration: Date(timeIntervalSince1970: 2_000_000_000), source: "sts")
    }

    func assumeRoleWithWebIdentity(_ request: WebIdentityRequest, region: String) async throws -> Credentials {
        webCalls.append(request)
        return Credentials(accessKeyID: "ASIAWEB", secretAccessKey: "s", sessionToken: "t", source: "sts")
    }
}

/// A temporary home directory with helpers to write `~/.aws` files; never the real `~/.aws`.
struct TempHome {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lambdactl-creds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/.aws/sso/cache", withIntermediateDirectories: true)
    }

    /// Writes `text` at `relative` (under the home) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func environment(_ variables: [String: String] = [:]) -> EnvironmentSnapshot {
        EnvironmentSnapshot(variables: variables, homeDirectory: path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Dependencies over `config` with an unreachable transport unless given.
func dependencies(
    _ config: SharedConfig, environment: EnvironmentSnapshot = EnvironmentSnapshot(variables: [:], homeDirectory: "/nonexistent"),
    transport: any HTTPTransport = ScriptedTransport.unreachable(), roleAssumer: any RoleAssuming = FakeRoleAssumer(),
    region: String? = "eu-west-1"
) -> CredentialDependencies {
    CredentialDependencies(
        environment: environment, config: config, transport: transport, roleAssumer: roleAssumer, time: fixedTime(),
        region: region)
}

/// Parses a config file and a credentials file into a `SharedConfig`.
func sharedConfig(config: String = "", credentials: String = "") throws -> SharedConfig {
    SharedConfig(
        config: try AWSConfigFile(parsing: config, path: "~/.aws/config", isCredentialsFile: false),
        credentials: try AWSConfigFile(parsing: credentials, path: "~/.aws/credentials", isCredentialsFile: true))
}
