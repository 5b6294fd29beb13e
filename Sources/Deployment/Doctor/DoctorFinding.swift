/// One finding of `doctor`: how bad it is, a stable code, what is wrong and how to fix it.
package struct DoctorFinding: Sendable, Equatable, Encodable {
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
    /// The command that fixes it, when one exists.
    package var fix: String?

    /// Creates a finding.
    package init(_ severity: Severity, _ code: String, _ message: String, fix: String? = nil) {
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
