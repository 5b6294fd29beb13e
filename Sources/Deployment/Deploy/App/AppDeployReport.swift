import Foundation

/// What an app deploy did (or, with `--dry-run`, would do).
package struct AppDeployReport: Sendable, Encodable {
    /// The app.
    package var app: String
    /// The stage, when the file has one.
    package var stage: String?
    package var dryRun: Bool
    /// True when any step changed (or would change) something.
    package var changed: Bool
    /// The app's shared execution role, when new functions use it (nil: none does in this run).
    package var role: DeployStep? = nil
    /// The shared layers.
    package var layers: [DeployStep]
    /// Each function of the deploy, in file order.
    package var functions: [AppFunctionReport]
    /// Each HTTP API.
    package var apis: [AppAPIReport]
    /// Functions tagged for this app and stage that the file no longer lists: kept (nil: not looked for).
    package var notInFile: [String]? = nil
    /// With pruning: what is (or, in a dry run, would be) removed; nil without pruning.
    package var removals: [AppRemoval]? = nil
    /// The lockstep rollout of the changed functions' aliases (`rollout:`), when there was one.
    package var rollout: RolloutReport? = nil
    /// Why the deploy stopped, when it did: AWS's reason (or the refusal) on one line.
    package var error: String?
    /// After a failure: what to do (a rerun converges).
    package var rerun: String?

    /// JSON keys: camelCase.
    enum CodingKeys: String, CodingKey {
        case app, stage, dryRun, changed, role, layers, functions, apis, notInFile, removals, rollout, error, rerun
    }

    /// The functions that exist and are not tagged for this app.
    package var notOwned: [AppFunctionReport] { functions.filter { $0.status == .notOwned } }
}

/// One function of an app deploy.
package struct AppFunctionReport: Sendable, Encodable {
    /// How it went.
    package enum Status: String, Sendable, Encodable {
        /// Planned (a dry run, or a deploy refused before any write).
        case planned
        /// Applied; `report.changed` tells whether anything changed.
        case deployed
        /// Applying it failed (`report` holds what was done, `error` why).
        case failed
        /// Not started because another step failed.
        case notStarted = "not-started"
        /// It exists and is not tagged for this app: left alone (`--adopt` takes it over).
        case notOwned = "not-owned"
    }

    /// Its key in the file.
    package var key: String
    /// The deployed name.
    package var name: String
    package var status: Status
    /// Its steps (planned or done).
    package var report: DeployReport?
    /// The app that owns it, when another one does (`lambdactl:app`).
    package var owner: String?
    /// Why it failed.
    package var error: String?
    /// True when `--adopt` tagged it for the app in this run.
    package var adopted: Bool?

    /// True when it changed (or would change) something.
    package var changes: Bool { report?.changed ?? false }
}

/// One HTTP API of an app deploy.
package struct AppAPIReport: Sendable, Encodable {
    /// Its key in the file.
    package var key: String
    /// The deployed name.
    package var name: String
    /// One line per change (made, or with `--dry-run` to be made); empty when unchanged.
    package var changes: [String]
    /// The URL to call, when known.
    package var invokeURL: String?
    /// Functions whose routes were not attached because the function was not deployed.
    package var skipped: [String]?

    /// JSON keys: camelCase with acronyms as words.
    enum CodingKeys: String, CodingKey {
        case key, name, changes, invokeURL = "invokeUrl", skipped
    }
}

/// An app deploy that stopped: the report (what was done, what failed, what did not start) and
/// the error that stopped it, whose category decides the exit code.
package struct AppDeployFailure: Error, CustomStringConvertible {
    package var report: AppDeployReport
    package var underlying: any Error

    package init(report: AppDeployReport, underlying: any Error) {
        self.report = report
        self.underlying = underlying
    }

    package var description: String { DeployFailure.oneLine(underlying) }
}
