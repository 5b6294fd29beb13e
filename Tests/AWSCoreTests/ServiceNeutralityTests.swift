import Foundation
import Testing

/// AWSCore works from descriptors and names no service and no CLI flag (issue 9): this reads its
/// source files and fails on a service name or a flag outside comments, so it cannot creep back.
@Suite("AWSCore names no service and no flag")
struct ServiceNeutralityTests {
    /// `Sources/AWSCore`, found from this file's path.
    static let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/AWSCore")

    /// Every `.swift` file under `Sources/AWSCore` (or the sibling `module`), by path relative to it.
    static func sources(_ module: String = "AWSCore") throws -> [(path: String, text: String)] {
        let root = sourceRoot.deletingLastPathComponent().appendingPathComponent(module).path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files.append((relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test("no service name, service identifier or flag appears in AWSCore's code or strings")
    func sourcesAreNeutral() throws {
        let files = try Self.sources()
        #expect(files.count > 30, "expected AWSCore's sources under \(Self.sourceRoot.path)")
        let findings = files.flatMap { file in
            NeutralityScanner.findings(in: file.text).map { "\(file.path):\($0.line): \($0.reason)" }
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }

    @Test("AWSCore reads no clock and no process environment: both are passed in")
    func noAmbientClockOrEnvironment() throws {
        let ambient = #"\b(ProcessInfo|NSHomeDirectory|Date\(\))"#
        let findings = try Self.sources().flatMap { file in
            NeutralityScanner.split(file.text).code
                .filter { NeutralityScanner.matches(ambient, $0.0) }
                .map { "\(file.path):\($0.1): \($0.0.trimmingCharacters(in: .whitespaces))" }
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        #expect(NeutralityScanner.matches(ambient, "let now = Date()"))
        #expect(!NeutralityScanner.matches(ambient, "let then = Date(timeIntervalSince1970: 0)"))
    }

    @Test("AWSCore, AWSSTS and AWSSSO read files only through FileSystemView (LocalFileSystem is the one adapter)")
    func noAmbientFileSystem() throws {
        let ambient = #"FileManager\.default|Data\(contentsOf:"#
        var findings: [String] = []
        for module in ["AWSCore", "AWSSTS", "AWSSSO"] {
            let files = try Self.sources(module)
            #expect(!files.isEmpty, "expected \(module)'s sources")
            for file in files where !file.path.hasSuffix("LocalFileSystem.swift") {
                findings += NeutralityScanner.split(file.text).code
                    .filter { NeutralityScanner.matches(ambient, $0.0) }
                    .map { "\(module)/\(file.path):\($0.1): \($0.0.trimmingCharacters(in: .whitespaces))" }
            }
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        #expect(NeutralityScanner.matches(ambient, "guard let data = FileManager.default.contents(atPath: path)"))
        #expect(NeutralityScanner.matches(ambient, "let data = try Data(contentsOf: url)"))
        #expect(!NeutralityScanner.matches(ambient, "guard let data = files.contents(at: path)"))
    }

    @Test("the scanner finds service names, identifiers and flags in code and strings, and skips comments and config keys")
    func scannerCatches() {
        let flagged = [
            #"let host = "portal.sso.\(region).amazonaws.com""#,
            #"throw Failure("cannot reach STS at \(url)")"#,
            #"let name = "lambda""#,
            #"let variable = "AWS_ENDPOINT_URL_STS""#,
            "let endpoint = try resolver.endpoint(for: .sts, region: region)",
            "case .sso: return 1",
            "let client = STSClient(context: context)",
            #"let hint = "pass --region or set AWS_REGION""#,
            #"let hint = "run `aws configure` or pass --profile""#,
            "let text = \"\"\"\n    run `aws sso login`\n    \"\"\"",
        ]
        for line in flagged {
            #expect(!NeutralityScanner.findings(in: line).isEmpty, "not flagged: \(line)")
        }
        let clean = [
            "/// Calls STS's AssumeRole for `--profile` (a doc comment may name anything).",
            "let x = 1 // the lambda service, --region",
            "/* sso\n --endpoint-url */ let y = 2",
            #"case "sso-session": return .ssoSession(name)"#,
            #"let keys = "add aws_access_key_id, role_arn, sso_session or credential_process""#,
            #"let header = "x-amz-sso_bearer_token""#,
            #"let agent = "lambdactl""#,
            #"let hint = "run `aws configure --profile \(name)`""#,
            #"let path = "/latest/meta-data/iam/security-credentials/""#,
            #"let variable = "AWS_ENDPOINT_URL_\(service.environmentSuffix)""#,
        ]
        for line in clean {
            #expect(NeutralityScanner.findings(in: line).isEmpty, "flagged: \(line)")
        }
    }
}

/// Splits Swift source into code and string literals (comments dropped) and looks for service
/// names and flags in them.
enum NeutralityScanner {
    /// Service names and signing names of lambdactl's services and the ones planned next.
    static let serviceWords = [
        "lambda", "iam", "sts", "sso", "sso-oidc", "oidc", "awsssoportal", "sso-oauth", "s3", "logs",
        "apigateway", "apigatewayv2", "execute-api", "sqs", "sns", "eventbridge", "scheduler", "cloudwatch",
        "monitoring", "kinesis", "dynamodb",
    ]
    /// Identifiers of service descriptors and clients, in code.
    static let codePatterns = [
        #"\.(lambda|iam|sts|sso|ssoOIDC|s3|logs|apiGatewayV2|sqs|sns|events|scheduler|cloudWatch|kinesis|dynamoDB)\b"#,
        #"\b(STS|SSO|IAM|S3|SQS|SNS|Lambda|DynamoDB|Kinesis)[A-Z][a-z]"#,
    ]
    /// In strings: a service word standing alone (not part of `sso_session` or `lambdactl`),
    /// a per-service endpoint variable, or a flag.
    static let stringPatterns = [
        #"(?i)(?<![a-z0-9_-])("# + serviceWords.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
            + #")(?![a-z0-9_-])"#,
        #"AWS_ENDPOINT_URL_[A-Z0-9]"#,
        #"(?<![A-Za-z0-9-])--[a-z][a-z0-9-]*"#,
    ]

    /// Literals that hold a service word without naming the service: the instance metadata
    /// path (IMDS is AWSCore's own provider, not IAM).
    static let allowedLiterals: Set<String> = ["/latest/meta-data/iam/security-credentials/"]

    /// The text with `aws …` commands in backticks removed: the AWS CLI's flags are not ours.
    static func withoutAWSCommands(_ text: String) -> String {
        text.replacingOccurrences(of: #"`aws [^`]*`"#, with: "", options: .regularExpression)
    }

    struct Finding {
        var line: Int
        var reason: String
    }

    /// What the scanner objects to in `source`, with line numbers.
    static func findings(in source: String) -> [Finding] {
        let (code, strings) = split(source)
        var found: [Finding] = []
        for (text, line) in code {
            for pattern in codePatterns where matches(pattern, text) {
                found.append(Finding(line: line, reason: "service identifier in code: \(text.trimmingCharacters(in: .whitespaces))"))
            }
        }
        for (text, line) in strings where !allowedLiterals.contains(text) {
            let flagPattern = stringPatterns[2]
            for pattern in stringPatterns
            where matches(pattern, pattern == flagPattern ? withoutAWSCommands(text) : text) {
                found.append(Finding(line: line, reason: "service name or flag in a string: \"\(text)\""))
            }
        }
        return found
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return true }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Code lines (comments removed, strings blanked) and string literals, each with its line number.
    static func split(_ source: String) -> (code: [(String, Int)], strings: [(String, Int)]) {
        enum State { case code, lineComment, blockComment, string, multilineString }
        let characters = Array(source)
        var state = State.code
        var code: [(String, Int)] = []
        var strings: [(String, Int)] = []
        var codeLine = ""
        var literal = ""
        var line = 1
        var literalLine = 1
        var index = 0
        func peek(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            switch state {
            case .code:
                if character == "/", peek(1) == "/" {
                    state = .lineComment
                } else if character == "/", peek(1) == "*" {
                    state = .blockComment
                    index += 1
                } else if character == "\"", peek(1) == "\"", peek(2) == "\"" {
                    state = .multilineString
                    literalLine = line
                    index += 2
                } else if character == "\"" {
                    state = .string
                    literalLine = line
                } else {
                    codeLine.append(character)
                }
            case .lineComment:
                if character == "\n" { state = .code }
            case .blockComment:
                if character == "*", peek(1) == "/" {
                    state = .code
                    index += 1
                }
            case .string:
                if character == "\\", let next = peek(1) {
                    literal.append(character)
                    literal.append(next)
                    index += 1
                } else if character == "\"" || character == "\n" {
                    strings.append((literal, literalLine))
                    literal = ""
                    state = .code
                } else {
                    literal.append(character)
                }
            case .multilineString:
                if character == "\"", peek(1) == "\"", peek(2) == "\"" {
                    strings.append((literal, literalLine))
                    literal = ""
                    state = .code
                    index += 2
                } else {
                    literal.append(character)
                }
            }
            if character == "\n" {
                code.append((codeLine, line))
                codeLine = ""
                line += 1
            }
            index += 1
        }
        code.append((codeLine, line))
        if !literal.isEmpty { strings.append((literal, literalLine)) }
        return (code, strings)
    }
}
