import AWSCore

/// An input a use case checks. Use cases name the field, never the flag or key the user
/// wrote: the caller words the problem through an `InputNaming`.
package enum InputField: String, Sendable, Equatable, CaseIterable {
    /// The function's or layer's code: a `.zip` or a directory.
    case code
    /// Memory in MB.
    case memory
    /// Timeout in seconds.
    case timeout
    /// The function's description.
    case description
    /// A layer version ARN the function uses.
    case layer
    /// A version, `$LATEST` or an alias name.
    case qualifier
    /// An environment variable assignment.
    case environment
    /// A file of environment variables.
    case environmentFile
    /// A tag assignment.
    case tag
    /// An invocation payload: JSON text, or `@FILE`.
    case payload
    /// A function URL's auth type.
    case authType
    /// Reserved concurrency.
    case reservedConcurrency
    /// Provisioned concurrency.
    case provisionedConcurrency
    /// Retries of an asynchronous invocation.
    case maxRetries
    /// The maximum age of an asynchronous event.
    case maxEventAge
    /// The destination of successful asynchronous invocations.
    case onSuccess
    /// The destination of failed asynchronous invocations.
    case onFailure
    /// A VPC subnet ID.
    case vpcSubnet
    /// A VPC security group ID.
    case vpcSecurityGroup
    /// IPv6 for dual-stack subnets.
    case vpcIPv6
    /// The X-Ray tracing mode.
    case tracing
    /// The size of `/tmp` in MB.
    case ephemeralStorage
    /// The log format.
    case logFormat
    /// The application log level.
    case logLevel
    /// The system log level.
    case systemLogLevel
    /// The log group.
    case logGroup
    /// The dead-letter queue or topic ARN.
    case deadLetter
    /// SnapStart.
    case snapStart
    /// The function's runtime.
    case runtime
    /// The function's handler.
    case handler
}

/// How a caller names inputs in sentences: the command line says `--memory` and
/// `--memory 512`, a deploy config `function.memory` and `memory: 512`.
package protocol InputNaming: Sendable {
    /// The input as the subject of a sentence (`--memory`, `function.memory`, `code:`).
    func subject(_ field: InputField) -> String
    /// The input with a value, as the user would type it (`--memory 512`, `memory: 512`).
    func example(_ field: InputField, _ value: String) -> String
}

/// Plain names (`memory`, `memory 512`), for a problem no caller has worded yet.
package struct PlainInputNaming: InputNaming {
    /// Creates the naming.
    package init() {}
    package func subject(_ field: InputField) -> String { field.rawValue }
    package func example(_ field: InputField, _ value: String) -> String { "\(field.rawValue) \(value)" }
}

/// Lambda's limits on a function's settings, in one place.
package enum LambdaLimits {
    /// Memory, MB.
    package static let memory = 128...10240
    /// Timeout, seconds.
    package static let timeout = 1...900
    /// The longest description, characters.
    package static let descriptionLength = 256
    /// The architectures Lambda runs functions and layers on.
    package static let architectures = ["x86_64", "arm64"]

    /// The first limit the settings break, if any.
    package static func problem(memory: Int?, timeout: Int?, description: String?) -> InputProblem? {
        if let memory, !Self.memory.contains(memory) {
            return .outOfRange(.memory, value: memory, limits: Self.memory, unit: "MB", example: 512)
        }
        if let timeout, !Self.timeout.contains(timeout) {
            return .outOfRange(.timeout, value: timeout, limits: Self.timeout, unit: "seconds", example: 30)
        }
        if let description, description.count > descriptionLength {
            return .tooLong(.description, count: description.count, limit: descriptionLength)
        }
        return nil
    }
}

/// What is wrong with an input, as a value: which field, which value, which limit. The caller
/// words it with the flag or key its user wrote (`message(_:)`).
package enum InputProblem: Sendable, Equatable {
    /// A number outside Lambda's range; `example` is a value to suggest.
    case outOfRange(InputField, value: Int, limits: ClosedRange<Int>, unit: String, example: Int)
    /// A text longer than Lambda allows.
    case tooLong(InputField, count: Int, limit: Int)
    /// A path that does not exist.
    case missingPath(InputField, path: String)
    /// A directory where this build can only take a `.zip`.
    case directoryUnsupported(InputField, path: String)
    /// A file that is not named `.zip`.
    case notZip(InputField, path: String)
    /// A file that cannot be read.
    case unreadable(InputField, path: String)
    /// A value that is not what the field takes (`expected`: "a layer version ARN").
    case notOfKind(InputField, value: String, expected: String, examples: [String])
    /// A value not in `shape` (`KEY=VALUE`); `value` is nil when the sentence need not repeat it.
    case wrongShape(InputField, value: String?, shape: String, example: String)
    /// A file the field names that cannot be read.
    case unreadableNamedFile(InputField, path: String)
    /// A file given as `@FILE` that cannot be read.
    case unreadableAtFile(InputField, path: String)
    /// A value that is not valid JSON.
    case notJSON(InputField, examples: [String])
    /// A value that is none of the allowed ones.
    case notOneOf(InputField, value: String, allowed: [String])
    /// A number below the smallest Lambda takes (no upper limit worth naming).
    case tooSmall(InputField, value: Int, minimum: Int, example: Int)
    /// An input that `purpose` needs and was not given.
    case missing(InputField, purpose: String, example: String)
    /// More values than Lambda takes.
    case tooMany(InputField, count: Int, limit: Int)
    /// A field that needs another one (with `otherValue` when a particular value is needed).
    case requires(InputField, other: InputField, otherValue: String?, reason: String)
    /// A value AWS refuses in this situation, and why.
    case unsupported(InputField, value: String, reason: String)

    /// The input the problem is about.
    package var field: InputField {
        switch self {
        case .outOfRange(let field, _, _, _, _), .tooLong(let field, _, _), .missingPath(let field, _),
            .directoryUnsupported(let field, _), .notZip(let field, _), .unreadable(let field, _),
            .notOfKind(let field, _, _, _), .wrongShape(let field, _, _, _), .unreadableNamedFile(let field, _),
            .unreadableAtFile(let field, _), .notJSON(let field, _), .notOneOf(let field, _, _),
            .tooSmall(let field, _, _, _), .missing(let field, _, _),
            .tooMany(let field, _, _), .requires(let field, _, _, _), .unsupported(let field, _, _):
            field
        }
    }

    /// Bad values are usage errors; paths are local-input errors.
    package var category: ErrorCategory {
        switch self {
        case .outOfRange, .tooLong, .notOfKind, .wrongShape, .notJSON, .notOneOf, .tooSmall, .missing, .tooMany, .requires,
            .unsupported:
            .usage
        case .missingPath, .directoryUnsupported, .notZip, .unreadable, .unreadableNamedFile, .unreadableAtFile:
            .localInput
        }
    }

    /// The sentence for the user, naming the input as `naming` does.
    package func message(_ naming: some InputNaming) -> String {
        switch self {
        case .outOfRange(let field, let value, let limits, let unit, let example):
            "\(naming.subject(field)) \(value) is outside \(limits.lowerBound)–\(limits.upperBound) \(unit); "
                + "e.g. \(naming.example(field, String(example)))"
        case .tooLong(let field, let count, let limit):
            "\(naming.subject(field)) is \(count) characters; Lambda allows at most \(limit)"
        case .missingPath(let field, let path):
            "\(path) does not exist; pass a directory or a .zip to \(naming.subject(field))"
        case .directoryUnsupported(let field, let path):
            "\(path) is a directory and this build cannot package directories; pass a .zip to \(naming.subject(field))"
        case .notZip(let field, let path):
            "\(path) is not a .zip; pass a directory or a .zip to \(naming.subject(field))"
        case .unreadable(let field, let path):
            "cannot read \(path); check the path given to \(naming.subject(field))"
        case .notOfKind(let field, let value, let expected, let examples):
            "\(naming.subject(field)) \(value) is not \(expected); "
                + "e.g. \(examples.map { naming.example(field, $0) }.joined(separator: " or "))"
        case .wrongShape(let field, let value, let shape, let example):
            "\(naming.subject(field)) takes \(shape)\(value.map { ", not \"\($0)\"" } ?? ""); e.g. \(naming.example(field, example))"
        case .unreadableNamedFile(let field, let path):
            "cannot read \(naming.subject(field)) \(path); check the path"
        case .unreadableAtFile(let field, let path):
            "cannot read \(path); \(naming.example(field, "@FILE")) needs a readable file"
        case .notJSON(let field, let examples):
            "\(naming.subject(field)) is not valid JSON; e.g. \(examples.map { naming.example(field, $0) }.joined(separator: " or "))"
        case .notOneOf(let field, let value, let allowed):
            "\(naming.subject(field)) must be \(allowed.joined(separator: " or ")), not \(value)"
        case .tooSmall(let field, let value, let minimum, let example):
            "\(naming.subject(field)) \(value) is below \(minimum); e.g. \(naming.example(field, String(example)))"
        case .missing(let field, let purpose, let example):
            "\(purpose) needs \(naming.subject(field)); e.g. \(naming.example(field, example))"
        case .tooMany(let field, let count, let limit):
            "\(naming.subject(field)) is given \(count) times; Lambda takes at most \(limit)"
        case .requires(let field, let other, let otherValue, let reason):
            "\(naming.subject(field)) needs \(otherValue.map { naming.example(other, $0) } ?? naming.subject(other)) (\(reason))"
        case .unsupported(let field, let value, let reason):
            "\(naming.example(field, value)) is refused: \(reason)"
        }
    }
}
