import AWSCore
import Foundation

/// A lifecycle failure with its category and one line for the user, ending in a hint when
/// there is something to type instead.
package struct LifecycleError: CategorizedError, CustomStringConvertible, Equatable {
    /// Decides the exit code.
    package var category: ErrorCategory
    /// What is wrong (for an input problem, in plain names), without the hint.
    package var message: String
    /// The input problem, when the error is one; callers word it with `message(_:)`.
    package var problem: InputProblem?
    /// What to do about it, when there is something; callers word it with `message(_:hints:)`.
    package var hint: Hint?

    /// Creates an error.
    package init(_ category: ErrorCategory, _ message: String, hint: Hint? = nil) {
        self.category = category
        self.message = message
        self.hint = hint
    }

    /// An error for an input problem, its category taken from the problem.
    package init(_ problem: InputProblem) {
        self.init(problem.category, problem.message(PlainInputNaming()))
        self.problem = problem
    }

    /// The line for the user, with inputs named as `naming` does (and the hint in plain words).
    package func message(_ naming: some InputNaming) -> String {
        message(naming, hints: PlainHintWording())
    }

    /// The line for the user, with inputs named as `naming` does and the hint worded by `hints`.
    package func message(_ naming: some InputNaming, hints: some HintWording) -> String {
        if let problem { return problem.message(naming) }
        return hint.map { "\(message); \(hints.text($0))" } ?? message
    }

    package var description: String { message(PlainInputNaming()) }

    /// Bad input found before any mutating call.
    package static func usage(_ message: String) -> LifecycleError { LifecycleError(.usage, message) }

    /// A local file problem.
    package static func localInput(_ message: String) -> LifecycleError { LifecycleError(.localInput, message) }

    /// Someone changed the function between our read and our write (412).
    static func concurrentChange(_ function: String, revisionID: String?, operation: String) -> LifecycleError {
        LifecycleError(
            .conflict,
            "\(function) was changed by someone else while lambdactl was updating it (\(operation) with RevisionId "
                + "\(revisionID ?? "?") was refused); nothing was changed by this run; run the command again")
    }
}

extension AWSServiceError {
    /// 409 `ResourceConflictException`: an update is in progress.
    var isUpdateInProgress: Bool { code == "ResourceConflictException" || status == 409 }
    /// 412 `PreconditionFailedException`: the RevisionId moved on.
    var isRevisionMismatch: Bool { code == "PreconditionFailedException" || status == 412 }
    /// 404 `ResourceNotFoundException`.
    var isNotFound: Bool { code == "ResourceNotFoundException" || code == "NoSuchEntity" || status == 404 }
}

/// Formats a duration as `4s`, `2m05s`.
package enum DurationText {
    package static func format(seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        if whole < 60 { return "\(whole)s" }
        return "\(whole / 60)m" + String(format: "%02ds", whole % 60)
    }
}
