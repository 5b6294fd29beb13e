import Deployment

/// The use cases' error and warning values worded with the flags and commands the user types
/// (`--target`, `--max-duration`, `--cors-origin`, `package --layer`); the values name none.
enum UseCaseErrorText {
    /// The line for a raw request that cannot be built.
    static func line(_ error: RawRequestError) -> String {
        switch error {
        case .queryNotKeyValue(let item): "--query takes key=value, got '\(item)'"
        case .headerNotNameValue(let item): "--header takes name:value, got '\(item)'"
        case .headerLineBreak(let line): "--header must be one line; remove the line break from '\(line)…'"
        case .relativePath: error.description
        case .missingTarget(let kind, let example): "this service needs --target \(kind), e.g. --target \(example)"
        }
    }

    /// The line for a `logs` stop condition that was not met.
    static func line(_ error: LogStopError) -> String {
        switch error {
        case .idle(let idle): "no new log event for \(idle) (--idle-timeout)"
        case .notWithin(let limit, let awaitingPattern):
            "\(awaitingPattern ? "no line matched --until-pattern" : "the request did not finish") within \(limit) (--max-duration)"
        }
    }

    /// The line for a `logs` option value that cannot be used.
    static func line(_ error: LogsOptionError) -> String {
        switch error {
        case .invalidUntilPattern(let pattern): "--until-pattern is not a valid regular expression: \(pattern)"
        }
    }

    /// The line for a CORS origin that is not one.
    static func line(_ problem: CORSOrigin.Problem) -> String {
        switch problem {
        case .notAnOrigin(let text): "--cors-origin '\(text)' is not an origin; \(CORSOrigin.example)"
        case .moreThanOrigin(let text):
            "--cors-origin '\(text)' has more than scheme, host and port; \(CORSOrigin.example) (no path, not even a trailing /)"
        }
    }
}
