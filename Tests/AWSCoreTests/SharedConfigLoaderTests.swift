import AWSCore
import AWSTestSupport
import Foundation
import Testing

@Suite("Shared config loading")
struct SharedConfigLoaderTests {
    @Test("missing files are a soft miss")
    func missingFiles() throws {
        let home = try TempHome()
        defer { home.remove() }
        let config = try SharedConfigLoader.load(environment: home.environment(), files: LocalFileSystem())
        #expect(config.profiles.isEmpty)
    }

    @Test("AWS_CONFIG_FILE=/dev/null reads as an empty file, not an error")
    func devNull() throws {
        let home = try TempHome()
        defer { home.remove() }
        let config = try SharedConfigLoader.load(
            environment: home.environment(["AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]),
            files: LocalFileSystem())
        #expect(config.profiles.isEmpty)
    }

    @Test("the credentials file wins over the config file for the same key")
    func merge() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(".aws/config", "[default]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n")
        try home.write(".aws/credentials", "[default]\naws_access_key_id = FROMCREDS\naws_secret_access_key = s\n")
        let config = try SharedConfigLoader.load(environment: home.environment(), files: LocalFileSystem())
        let profile = try #require(config.profile("default"))
        #expect(profile["aws_access_key_id"] == "FROMCREDS")
        #expect(profile["region"] == "eu-west-1")
        #expect(config.configPath == "~/.aws/config")
    }

    @Test("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files; ~ expands to the home")
    func overrides() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write("elsewhere/conf", "[profile x]\nregion = r\n")
        let credentials = try home.write("elsewhere/creds", "[y]\naws_access_key_id = a\n")
        let config = try SharedConfigLoader.load(
            environment: home.environment([
                "AWS_CONFIG_FILE": "~/elsewhere/conf", "AWS_SHARED_CREDENTIALS_FILE": credentials,
            ]),
            files: LocalFileSystem())
        #expect(config.profile("x")?["region"] == "r")
        #expect(config.profile("y")?["aws_access_key_id"] == "a")
    }

    @Test("a malformed file is an error with the file and line")
    func malformed() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[default]\noops\n")
        #expect {
            try SharedConfigLoader.load(environment: home.environment(), files: LocalFileSystem())
        } throws: { error in
            "\(error)" == #"~/.aws/credentials line 2: expected "key = value" or a [section]"#
        }
    }

    @Test("a directory where the file should be is an unreadable-file error")
    func unreadable() throws {
        let home = try TempHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.path + "/.aws/config", withIntermediateDirectories: true)
        #expect(throws: ConfigFileError.unreadable(path: "~/.aws/config", reason: "it is a directory")) {
            try SharedConfigLoader.load(environment: home.environment(), files: LocalFileSystem())
        }
    }

    @Test("the files are read through the view the caller hands in, not from the disk")
    func injectedFileSystem() throws {
        let files = InMemoryFileSystem(text: [
            "/home/u/.aws/config": "[profile x]\nregion = r\n",
            "/home/u/.aws/credentials": "[x]\naws_access_key_id = a\n",
            "/home/u/locked": "[default]\n",
        ], unreadable: ["/home/u/locked"])
        let environment = EnvironmentSnapshot(variables: [:], homeDirectory: "/home/u")
        let config = try SharedConfigLoader.load(environment: environment, files: files)
        #expect(config.profile("x")?["region"] == "r")
        #expect(config.profile("x")?["aws_access_key_id"] == "a")
        #expect(throws: ConfigFileError.unreadable(path: "~/locked", reason: "permission denied or I/O error")) {
            try SharedConfigLoader.load(
                environment: EnvironmentSnapshot(variables: ["AWS_CONFIG_FILE": "/home/u/locked"], homeDirectory: "/home/u"),
                files: files)
        }
    }

    @Test("an unknown profile is a configuration error naming both files")
    func unknownProfile() throws {
        #expect(throws: ConfigurationError("profile 'x' not found in ~/.aws/config or ~/.aws/credentials")) {
            try SharedConfig.empty.requireProfile("x")
        }
    }
}
