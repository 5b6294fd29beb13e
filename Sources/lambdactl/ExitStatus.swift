import AWSCore
import ArgumentParser
import Deployment

/// Exit codes, decided in one pure function. The README's table mirrors `table`.
enum ExitStatus {
    /// Success.
    static let success: Int32 = 0
    /// Anything not covered below (a bug, an unexpected failure).
    static let other: Int32 = 1
    /// A usage error: wrong arguments or options.
    static let usage: Int32 = 2
    /// `doctor` found an error (or, with `--strict`, a warning).
    static let findings: Int32 = 12
    /// `init`: something in the template needs a hand (the file was written without it).
    static let needsHand: Int32 = 13

    /// The code for each category, in README order.
    static let table: [(ErrorCategory, Int32)] = [
        (.unexpected, 1),
        (.usage, 2),
        (.configuration, 3),
        (.refused, 4),
        (.unavailable, 5),
        (.conflict, 6),
        (.waitFailed, 7),
        (.functionError, 8),
        (.localInput, 9),
        (.stopCondition, 10),
        (.rolledBack, 11),
    ]

    /// The exit code for a category.
    static func code(for category: ErrorCategory) -> Int32 {
        table.first { $0.0 == category }?.1 ?? other
    }

    /// The exit code for any error a command may throw.
    static func code(for error: Error) -> Int32 {
        if let categorized = error as? CategorizedError {
            return code(for: categorized.category)
        }
        if error is CancellationError { return 130 }
        if isParserError(error) {
            let parserCode = LambdaCtl.exitCode(for: error)
            return parserCode == .success ? success : usage
        }
        return other
    }

    /// The exit code a `logs` run ends with: 0 for a normal end, the stop-condition code when
    /// what it waited for did not happen, 130 for Ctrl-C (as a cancellation).
    static func code(for outcome: LogTailOutcome) -> Int32 {
        if outcome == .interrupted { return code(for: CancellationError()) }
        return outcome.isUnmet ? code(for: .stopCondition) : success
    }

    /// True for errors that ArgumentParser produced or knows how to print (help, usage).
    static func isParserError(_ error: Error) -> Bool {
        if error is CategorizedError { return false }
        if error is ValidationError || error is CleanExit || error is ExitCode { return true }
        let typeName = String(reflecting: type(of: error))
        return typeName.hasPrefix("ArgumentParser.")
    }
}
