import AWSCore
import Foundation

/// One alias to roll out: the function, the alias and the version its traffic moves to.
package struct RolloutRequest: Sendable, Equatable {
    package var function: String
    package var alias: String
    package var to: String

    /// Creates a request.
    package init(function: String, alias: String, to: String) {
        self.function = function
        self.alias = alias
        self.to = to
    }
}

/// What a rollout did.
package struct RolloutReport: Sendable, Encodable, Equatable {
    /// `completed`, `rolled-back` or `not-started`.
    package var outcome: String
    /// The aliases moved together (one for `rollout`, every changed function of an app's deploy).
    package var targets: [RolloutTarget]
    /// The new versions' shares given, in order (`10%`, `50%`, `100%` when completed).
    package var steps: [String]
    /// What stopped it (rolled back, not started).
    package var alert: RolloutAlert?
    /// Seconds from the first move to the end.
    package var elapsedSeconds: Double

    /// Creates a report.
    package init(outcome: String, targets: [RolloutTarget], steps: [String] = [], alert: RolloutAlert? = nil, elapsedSeconds: Double = 0) {
        self.outcome = outcome
        self.targets = targets
        self.steps = steps
        self.alert = alert
        self.elapsedSeconds = elapsedSeconds
    }
}

/// A rollout that was rolled back or not started (exit 11): the report, and one line that
/// says why and where the aliases are.
package struct RolloutError: CategorizedError, CustomStringConvertible {
    package var report: RolloutReport
    package var category: ErrorCategory { .rolledBack }

    package init(report: RolloutReport) {
        self.report = report
    }

    package var description: String {
        let why = report.alert?.text ?? "stopped"
        let places = report.targets.map { "\($0.label) at \($0.from)" }.joined(separator: ", ")
        if report.outcome == "not-started" {
            return "rollout not started: \(why); nothing was moved (\(places))"
        }
        return "rolled back: \(why); back on the old version (\(places))"
    }
}
