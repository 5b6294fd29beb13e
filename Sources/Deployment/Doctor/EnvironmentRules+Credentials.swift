import AWSCore
import Foundation

extension EnvironmentRules {
    /// The one finding for credentials AWS rejected outright (a wrong secret key, an unknown key,
    /// an invalid or expired session token): every probe failed, and each with one of the codes
    /// AWS uses for the credentials themselves (`AWSServiceError.credentialCodes`; the code differs
    /// by protocol: `InvalidSignatureException` on JSON services, `SignatureDoesNotMatch` on query
    /// and S3). Nil when any probe succeeded or any failed otherwise: then each service speaks
    /// for itself (an STS endpoint in a region not enabled answers `InvalidClientTokenId` alone).
    /// `source` is the credential source as `whoami` names it.
    package static func credentialsRejected(_ failures: [Error], succeeded: Int, source: String) -> DoctorFinding? {
        guard succeeded == 0, let first = failures.first else { return nil }
        let refusals = failures.compactMap { $0 as? AWSServiceError }
        guard refusals.count == failures.count,
            refusals.allSatisfy({ AWSServiceError.credentialCodes.contains($0.code) }),
            var firstRefusal = first as? AWSServiceError
        else { return nil }
        // AWS's signature messages go on to quote the canonical request over several lines; a finding is one line.
        firstRefusal.message = String(firstRefusal.message.prefix { !$0.isNewline }).trimmingCharacters(in: .whitespaces)
        var codes: [String] = []
        for refusal in refusals where !codes.contains(refusal.code) { codes.append(refusal.code) }
        let others = codes.filter { $0 != firstRefusal.code }
        let also = others.isEmpty ? "" : "; other services answered \(others.joined(separator: ", "))"
        let services = failures.count == 1 ? "the one service probed" : "all \(failures.count) services"
        return DoctorFinding(
            .error, "credentials-rejected", "AWS rejected the credentials (\(source)) on \(services): \(firstRefusal)\(also)",
            fix: .checkCredentials)
    }
}
