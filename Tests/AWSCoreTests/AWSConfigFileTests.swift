import AWSCore
import Testing

@Suite("Shared config file parser")
struct AWSConfigFileTests {
    static let config = """
        # leading comment
        [default]
        region = eu-west-1   # inline comment
        output=json

        [profile dev]
        Region = us-east-2
        role_arn = arn:aws:iam::123456789012:role/dev
        source_profile = default
        services = local
        s3 =
          max_attempts = 5
          addressing_style = path

        ; another comment
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1

        [services local]
        lambda =
          endpoint_url = http://localhost:4566
        iam =
            endpoint_url = http://localhost:4567/iam

        [plugins]
        foo = bar
        """

    @Test("reads profiles, sso-sessions, services and nested sub-sections")
    func parsesSections() throws {
        let file = try AWSConfigFile(parsing: Self.config, path: "~/.aws/config", isCredentialsFile: false)
        #expect(file.profiles.keys.sorted() == ["default", "dev"])
        #expect(file.profiles["default"]?["region"] == "eu-west-1")
        #expect(file.profiles["default"]?["output"] == "json")
        #expect(file.profiles["dev"]?["region"] == "us-east-2")
        #expect(file.profiles["dev"]?.subsections["s3"] == ["max_attempts": "5", "addressing_style": "path"])
        #expect(file.ssoSessions["corp"]?["sso_region"] == "us-east-1")
        #expect(file.services["local"]?.subsections["lambda"]?["endpoint_url"] == "http://localhost:4566")
        #expect(file.services["local"]?.subsections["iam"]?["endpoint_url"] == "http://localhost:4567/iam")
    }

    @Test("credentials file sections are profile names as written")
    func credentialsFile() throws {
        let text = "[default]\naws_access_key_id = AKID\n[profile x]\naws_access_key_id = B\n"
        let file = try AWSConfigFile(parsing: text, path: "~/.aws/credentials", isCredentialsFile: true)
        #expect(file.profiles["default"]?["aws_access_key_id"] == "AKID")
        #expect(file.profiles["profile x"]?["aws_access_key_id"] == "B")
    }

    @Test("a config section without the profile prefix is ignored")
    func ignoresUnprefixed() throws {
        let file = try AWSConfigFile(parsing: "[dev]\nregion = x\n", path: "c", isCredentialsFile: false)
        #expect(file.profiles.isEmpty)
    }

    @Test("a repeated section adds to the first; later keys win")
    func repeatedSection() throws {
        let file = try AWSConfigFile(
            parsing: "[default]\na = 1\nb = 2\n[default]\nb = 3\n", path: "c", isCredentialsFile: false)
        #expect(file.profiles["default"]?.values == ["a": "1", "b": "3"])
    }

    @Test("an indented line after a valued key continues the value")
    func continuation() throws {
        let file = try AWSConfigFile(parsing: "[default]\na = one\n  two\n", path: "c", isCredentialsFile: false)
        #expect(file.profiles["default"]?["a"] == "one\ntwo")
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { message }
    }

    static let malformed: [Malformed] = [
        Malformed(
            text: "[default]\nregion = x\n\n\n\n\njust words\n",
            message: #"~/.aws/config line 7: expected "key = value" or a [section]"#),
        Malformed(text: "region = x\n", message: "~/.aws/config line 1: a setting before any [section]"),
        Malformed(text: "[default\n", message: "~/.aws/config line 1: a section header must look like [name]"),
        Malformed(text: "[]\n", message: "~/.aws/config line 1: a section header must look like [name]"),
        Malformed(text: "[ ]\n", message: "~/.aws/config line 1: empty section name []"),
        Malformed(
            text: "[default]\n = x\n", message: #"~/.aws/config line 2: expected "key = value" but the key is empty"#),
        Malformed(
            text: "[default]\ns3 =\n  nested\n", message: #"~/.aws/config line 3: expected "key = value" or a [section]"#),
    ]

    @Test("a malformed line is an error naming the file and line", arguments: malformed)
    func malformedLine(_ example: Malformed) {
        #expect {
            try AWSConfigFile(parsing: example.text, path: "~/.aws/config", isCredentialsFile: false)
        } throws: { error in
            "\(error)" == example.message && (error as? ConfigFileError)?.category == .configuration
        }
    }
}
