/// One finding of `doctor`: how bad it is, a stable code, what is wrong and how to fix it.
package struct DoctorFinding: Sendable, Equatable {
    /// How bad a finding is.
    package enum Severity: String, Sendable, Equatable, Encodable, Comparable {
        case error, warning, info
        /// Errors first.
        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    /// error, warning or info.
    package var severity: Severity
    /// A stable id such as `runtime-deprecated`.
    package var code: String
    /// What is wrong, one line, never a secret.
    package var message: String
    /// What fixes it, worded (as a command where one exists) by the interface.
    package var fix: DoctorFix?

    /// Creates a finding.
    package init(_ severity: Severity, _ code: String, _ message: String, fix: DoctorFix? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.fix = fix
    }
}

extension [DoctorFinding] {
    /// True when the findings should fail a run: any error, or with `strict` any warning.
    package func fails(strict: Bool) -> Bool {
        contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}

/// What fixes a finding, as a value: the interface words it (the CLI as a `lambdactl` command).
package enum DoctorFix: Sendable, Equatable {
    /// Change the function's runtime.
    case setRuntime(function: String, runtime: String)
    /// Remove a resource-policy statement (and add it back scoped).
    case removePermission(function: String, statementID: String)
    /// Set the function URL's auth type (NONE adds both public statements).
    case setURLAuth(function: String, authType: String)
    /// Remove the function's reserved concurrency.
    case removeReservedConcurrency(function: String)
    /// Move large environment values to Parameter Store or Secrets Manager.
    case shrinkEnvironment
    /// Move dependencies into a layer.
    case moveDependenciesToLayer
    /// Refresh the credentials.
    case refreshCredentials
    /// Correct the credentials AWS rejected (key, secret, session token) or choose other ones.
    case checkCredentials
    /// Move an event-source mapping from `$LATEST` to an alias.
    case pointMappingAtAlias(function: String, alias: String)
    /// Grant the caller an IAM action.
    case grant(action: String)
    /// Detach an S3 or SNS trigger and attach it again (lambdactl adds SourceArn and SourceAccount).
    case reattachTrigger(function: String, kind: String, source: String, statementID: String)
    /// Let the execution role do `actions` on `resource` (through lambdactl when it owns the role).
    case grantRole(function: String, role: String, owned: Bool, actions: [String], resource: String, managedPolicy: String?)
    /// Use a layer version built for the function's runtime and architecture, or drop the layer.
    case replaceLayer(function: String, layer: String, runtime: String?, architecture: String)
    /// Set the function's timeout (for an alias: then publish a version and move the alias to it).
    case setTimeout(function: String, seconds: Int, alias: String?)
    /// Create the function URL on an alias (and remove the unqualified one).
    case moveURLToAlias(function: String, alias: String)
    /// Point an HTTP API route's integration at an alias.
    case pointRouteAtAlias(function: String, api: String, route: String, alias: String)
    /// Synchronise the local clock (NTP).
    case syncClock
}
