/// What kind of failure an error is, as far as the person running lambdactl is concerned.
/// The executable turns a category into an exit code in one place (`ExitStatus`).
package enum ErrorCategory: Sendable, Equatable, CaseIterable {
    /// The command line or an input file was wrong: fix the invocation.
    case usage
    /// Credentials, region, profile or endpoint could not be resolved or are invalid.
    case configuration
    /// AWS refused the request (a 4xx answer that retrying cannot fix).
    case refused
    /// AWS throttled us or was unavailable (5xx, 429, network) after every retry.
    case unavailable
    /// Someone else changed the resource meanwhile (412 precondition / revision mismatch).
    case conflict
    /// A waited-for resource reached a failed state, or the wait timed out.
    case waitFailed
    /// The invoked function itself returned an error.
    case functionError
    /// A local file or package problem (missing path, unreadable file, too large, bad zip input).
    case localInput
    /// A condition the user asked us to stop on was not met in time (idle / max duration).
    case stopCondition
    /// A rollout was rolled back, or not started, because a watched alarm fired or the new
    /// version had errors.
    case rolledBack
    /// Something lambdactl did not expect, such as an answer from AWS it cannot read: a bug
    /// to report, not a reason to retry.
    case unexpected
}

/// An error that knows its category. Every lambdactl module's errors conform.
package protocol CategorizedError: Error {
    /// The category that decides the exit code.
    var category: ErrorCategory { get }
}
