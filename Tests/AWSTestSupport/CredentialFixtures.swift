import AWSCore
import Foundation

/// A temporary home directory with helpers to write `~/.aws` files; never the real `~/.aws`.
package struct TempHome {
    /// The directory.
    package let path: String

    /// Creates the directory (with `.aws/sso/cache`).
    package init() throws {
        path = NSTemporaryDirectory() + "lambdactl-creds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/.aws/sso/cache", withIntermediateDirectories: true)
    }

    /// Writes `text` at `relative` (under the home) and returns the full path.
    @discardableResult
    package func write(_ relative: String, _ text: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// A snapshot of `variables` with this home directory.
    package func environment(_ variables: [String: String] = [:]) -> EnvironmentSnapshot {
        EnvironmentSnapshot(variables: variables, homeDirectory: path)
    }

    /// Deletes the directory.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Credential dependencies over `config` on a fixed clock, with an unreachable transport, the
/// machine's file system (tests write token files under a `TempHome`) and no factories unless given.
package func credentialDependencies(
    _ config: SharedConfig,
    environment: EnvironmentSnapshot = EnvironmentSnapshot(variables: [:], homeDirectory: "/nonexistent"),
    transport: any HTTPTransport = ScriptedTransport.unreachable(), factories: [any CredentialProviderFactory] = [],
    region: String? = "eu-west-1", files: any FileSystemView = LocalFileSystem()
) -> CredentialDependencies {
    CredentialDependencies(
        environment: environment, config: config, files: files, transport: transport, time: fixedTime(), factories: factories,
        region: region)
}

/// Parses a config file and a credentials file into a `SharedConfig`.
package func sharedConfig(config: String = "", credentials: String = "") throws -> SharedConfig {
    SharedConfig(
        config: try AWSConfigFile(parsing: config, path: "~/.aws/config", isCredentialsFile: false),
        credentials: try AWSConfigFile(parsing: credentials, path: "~/.aws/credentials", isCredentialsFile: true))
}
