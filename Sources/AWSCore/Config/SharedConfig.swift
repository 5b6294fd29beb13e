import Foundation

/// The shared config and credentials files merged: a profile's keys from the credentials file win
/// over the same keys in the config file. See AWS SDKs and Tools Reference Guide, "Shared files".
package struct SharedConfig: Sendable, Equatable {
    /// Profiles by name, both files merged.
    package var profiles: [String: ConfigSection]
    /// `[sso-session NAME]` sections (config file only).
    package var ssoSessions: [String: ConfigSection]
    /// `[services NAME]` sections (config file only).
    package var services: [String: ConfigSection]
    /// The config file's path as shown to people (`~/.aws/config`).
    package var configPath: String
    /// The credentials file's path as shown to people (`~/.aws/credentials`).
    package var credentialsPath: String

    /// Merges a parsed config file and credentials file (either may be absent).
    package init(
        config: AWSConfigFile?, credentials: AWSConfigFile?,
        configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials"
    ) {
        var profiles = config?.profiles ?? [:]
        for (name, section) in credentials?.profiles ?? [:] {
            profiles[name] = (profiles[name] ?? ConfigSection(name: name)).merging(section)
        }
        self.profiles = profiles
        ssoSessions = config?.ssoSessions ?? [:]
        services = config?.services ?? [:]
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// No files at all.
    package static let empty = SharedConfig(config: nil, credentials: nil)

    /// The profile called `name`, or nil.
    package func profile(_ name: String) -> ConfigSection? {
        profiles[name]
    }

    /// The profile called `name`, or a `.configuration` error saying it does not exist.
    package func requireProfile(_ name: String) throws -> ConfigSection {
        guard let profile = profiles[name] else {
            throw ConfigurationError("profile '\(name)' not found in \(configPath) or \(credentialsPath)")
        }
        return profile
    }

    /// The `[services NAME]` sub-section for `key` (e.g. `lambda`) that `profile` points at.
    package func serviceSettings(for profile: ConfigSection?, serviceKey key: String) -> [String: String]? {
        guard let name = profile?["services"], let section = services[name] else { return nil }
        return section.subsections[key]
    }
}

/// Reads the shared files through a `FileSystemView`: the only part of `Config` that does I/O.
package enum SharedConfigLoader {
    /// Loads both files named by `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, defaulting to
    /// `homeDirectory/.aws/config` and `homeDirectory/.aws/credentials`. A missing file is treated
    /// as empty; an unreadable or malformed one throws. Both are read through `files`.
    package static func load(environment: EnvironmentSnapshot, files: any FileSystemView) throws -> SharedConfig {
        let configPath = path(environment["AWS_CONFIG_FILE"], default: ".aws/config", environment)
        let credentialsPath = path(environment["AWS_SHARED_CREDENTIALS_FILE"], default: ".aws/credentials", environment)
        let configShown = displayPath(configPath, environment)
        let credentialsShown = displayPath(credentialsPath, environment)
        let config = try read(configPath, shownAs: configShown, files: files).map {
            try AWSConfigFile(parsing: $0, path: configShown, isCredentialsFile: false)
        }
        let credentials = try read(credentialsPath, shownAs: credentialsShown, files: files).map {
            try AWSConfigFile(parsing: $0, path: credentialsShown, isCredentialsFile: true)
        }
        return SharedConfig(
            config: config, credentials: credentials, configPath: configShown, credentialsPath: credentialsShown)
    }

    /// Expands a leading `~` to the snapshot's home directory.
    package static func expandTilde(_ path: String, _ environment: EnvironmentSnapshot) -> String {
        if path == "~" { return environment.homeDirectory }
        if path.hasPrefix("~/") { return environment.homeDirectory + String(path.dropFirst()) }
        return path
    }

    private static func path(_ configured: String?, default relative: String, _ environment: EnvironmentSnapshot)
        -> String
    {
        if let configured { return expandTilde(configured, environment) }
        let home = environment.homeDirectory.hasSuffix("/") ? environment.homeDirectory : environment.homeDirectory + "/"
        return home + relative
    }

    private static func displayPath(_ path: String, _ environment: EnvironmentSnapshot) -> String {
        let home = environment.homeDirectory.hasSuffix("/") ? environment.homeDirectory : environment.homeDirectory + "/"
        return path.hasPrefix(home) && home != "/" ? "~/" + path.dropFirst(home.count) : path
    }

    /// The file's text, nil when it does not exist.
    static func read(_ path: String, shownAs shown: String, files: any FileSystemView) throws -> String? {
        guard let kind = files.kind(at: path) else { return nil }
        if kind == .directory { throw ConfigFileError.unreadable(path: shown, reason: "it is a directory") }
        // Read in chunks (a FileHandle in LocalFileSystem) rather than whole-file reads, which
        // fail on /dev/null and other devices (AWS_CONFIG_FILE=/dev/null is a common way to say
        // "no config").
        var data = Data()
        let opened: Bool
        do {
            opened = try files.read(path, chunkSize: 64 * 1024) { data.append($0) }
        } catch {
            throw ConfigFileError.unreadable(path: shown, reason: "permission denied or I/O error")
        }
        guard opened else { throw ConfigFileError.unreadable(path: shown, reason: "permission denied or I/O error") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError.unreadable(path: shown, reason: "it is not UTF-8 text")
        }
        return text
    }
}
