import AWSCore
import Deployment
import Foundation
import ZipArchive

/// Writes progress and diagnostics to stderr, in colour only when stderr is a terminal
/// and neither `--no-color` nor `NO_COLOR` says otherwise. Results go to stdout via `Output`.
struct Console: Sendable {
    /// Whether escape codes are written.
    let useColor: Bool

    /// A console on stderr that colours when stderr is a terminal and `NO_COLOR` is unset or empty.
    static var standardError: Console {
        Console(useColor: colors(isTerminal: isatty(2) == 1, environment: ProcessEnvironment.snapshot.variables))
    }

    /// Whether to colour: on a terminal, unless `NO_COLOR` is present *and* not empty
    /// (no-color.org: `NO_COLOR=` with an empty value does not turn colour off). Pure.
    static func colors(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        return environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// The console for the final error line in `main()`, where the parsed options are gone:
    /// `--no-color` anywhere before a `--` still turns colour off.
    static func forErrors(arguments: [String], colorCapable: Bool = standardError.useColor) -> Console {
        let options = arguments.prefix { $0 != "--" }
        return Console(useColor: colorCapable && !options.contains("--no-color"))
    }

    /// Prints `lambdactl: error: MESSAGE`.
    func error(_ message: String) {
        write(paint("error:", code: "31") + " " + message)
    }

    /// Prints `lambdactl: warning: MESSAGE`.
    func warning(_ message: String) {
        write(paint("warning:", code: "33") + " " + message)
    }

    /// Prints a progress or information line.
    func info(_ message: String) {
        FileHandle.standardError.write(Data((Redactor.text(message) + "\n").utf8))
    }

    /// Every line passes the redactor: AWS quotes session tokens in some error messages.
    private func write(_ text: String) {
        FileHandle.standardError.write(Data(("lambdactl: " + Redactor.text(text) + "\n").utf8))
    }

    private func paint(_ text: String, code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Turns any error into one line for the user.
enum ErrorText {
    /// The error's line when it ends in a hint the CLI words (a command or a flag), else nil.
    static func hinted(_ error: Error) -> String? {
        let hinted = (error as? any HintedError)?.hint != nil || (error as? LifecycleError)?.hint != nil
            || SettingErrorText.line(error) != nil
        return hinted ? oneLine(error) : nil
    }

    /// The error's description folded onto one line.
    static func oneLine(_ error: Error) -> String {
        let text: String
        switch error {
        case let error as LifecycleError: text = error.message(CommandLineNaming(), hints: CommandLineHints())
        case let error as any HintedError: text = error.message(CommandLineHints())
        case let error as RawRequestError: text = UseCaseErrorText.line(error)
        case let error as LogStopError: text = UseCaseErrorText.line(error)
        case let error as LogsOptionError: text = UseCaseErrorText.line(error)
        case let error as PackagingError: text = PackagingErrorText.line(error)
        case let error as ZipArchiveError: text = PackagingErrorText.line(error)
        case is CancellationError: text = "interrupted"
        default: text = SettingErrorText.line(error) ?? String(describing: error)
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}
