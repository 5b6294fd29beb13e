import AWSCore
import Foundation

extension EnvironmentRules {
    /// SigV4's tolerance: AWS refuses a signature whose time is further than this from its own.
    package static let signatureTolerance: TimeInterval = 5 * 60
    /// Offsets up to this are the `Date` header's own resolution and transit time: "in sync".
    package static let clockSlack: TimeInterval = 2

    /// The clock line and, past SigV4's tolerance, a warning, for one answer's `Date` header.
    /// `correction` is the offset lambdactl signs with (set after a skew error), 0 when none.
    package static func clock(_ reading: ClockReading, correction: TimeInterval) -> (line: String, finding: DoctorFinding?) {
        let offset = reading.offset
        let seconds = Int(abs(offset).rounded())
        let what = abs(offset) <= clockSlack
            ? "in sync with AWS's Date header (within \(Int(clockSlack)) s)"
            : "\(seconds) s \(offset > 0 ? "behind" : "ahead of") AWS's Date header"
        let signing = correction == 0
            ? "lambdactl signs with the local time and, after a skew error, retries once with the corrected time"
            : "lambdactl signs with the corrected time (\(Int(correction.rounded())) s) after a skew error"
        let line = "local clock \(what); \(signing)"
        guard abs(offset) > signatureTolerance else { return (line, nil) }
        let finding = DoctorFinding(
            .warning, "clock-skew",
            "the local clock is \(seconds) s \(offset > 0 ? "behind" : "ahead of") AWS's: signatures more than 5 minutes off are refused (lambdactl corrects itself after the first refusal; other tools fail)",
            fix: .syncClock)
        return (line, finding)
    }
}
