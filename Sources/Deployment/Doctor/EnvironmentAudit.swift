import AWSCore
import AWSLambda
import Foundation

/// Runs the environment checks: the credentials, one probe per service, the proxy variables and
/// the account's Lambda limits. Read-only.
package struct EnvironmentAudit: Sendable {
    /// The credentials provider in use.
    package var credentials: any CredentialProvider
    /// The region.
    package var region: String
    /// One probe per service.
    package var probes: [ServiceProbe]
    /// The Lambda client (GetAccountSettings).
    package var lambda: LambdaClient
    /// The process environment (proxy variables).
    package var environment: [String: String]
    /// The clock.
    package var now: @Sendable () -> Date
    /// The clients' shared skew corrector (the last answer's `Date`); nil leaves the clock unchecked.
    package var skew: ClockSkew?

    /// Creates the audit.
    package init(
        credentials: any CredentialProvider, region: String, probes: [ServiceProbe], lambda: LambdaClient,
        environment: [String: String], now: @escaping @Sendable () -> Date
    ) {
        self.credentials = credentials
        self.region = region
        self.probes = probes
        self.lambda = lambda
        self.environment = environment
        self.now = now
    }

    /// Runs every check; a failed check is a finding, not a thrown error, except unusable credentials.
    package func run() async throws -> EnvironmentReport {
        let resolved = try await credentials.credentials()
        var findings: [DoctorFinding] = []
        if let finding = EnvironmentRules.expiry(resolved.expiration, now: now()) { findings.append(finding) }
        let probed = await probeServices(source: resolved.source)
        findings += probed.findings
        let checks = probed.checks
        let account = (try? await lambda.getAccountSettings()).map(Self.accountLines) ?? [:]
        let clock = await clockCheck()
        if let finding = clock?.finding { findings.append(finding) }
        var report = EnvironmentReport(
            credentials: resolved.source, expires: resolved.expiration.map { ISO8601DateFormatter().string(from: $0) },
            region: region, services: checks, proxy: EnvironmentRules.proxySettings(environment),
            lambdaAccount: account, findings: findings.sorted { $0.severity < $1.severity })
        report.clock = clock?.line
        return report
    }

    /// Calls every probe. When each one was refused for the credentials themselves, one
    /// `credentials-rejected` finding stands for them all; otherwise one finding per failed service.
    private func probeServices(source: String) async -> (checks: [EnvironmentReport.ServiceCheck], findings: [DoctorFinding]) {
        var outcomes: [(probe: ServiceProbe, error: Error?)] = []
        for probe in probes {
            do {
                try await probe.call()
                outcomes.append((probe, nil))
            } catch {
                outcomes.append((probe, error))
            }
        }
        let failures = outcomes.compactMap(\.error)
        let rejected = EnvironmentRules.credentialsRejected(
            failures, succeeded: outcomes.count - failures.count, source: source)
        var checks: [EnvironmentReport.ServiceCheck] = []
        var findings: [DoctorFinding] = rejected.map { [$0] } ?? []
        for (probe, error) in outcomes {
            var check = EnvironmentReport.ServiceCheck(service: probe.service, endpoint: probe.endpoint, operation: probe.operation, status: "ok")
            if let error {
                check.detail = "\(error)"
                if rejected != nil {
                    check.status = "rejected"
                } else {
                    let judged = EnvironmentRules.probeFinding(service: probe.service, action: probe.action, error: error)
                    check.status = judged.status
                    findings.append(judged.finding)
                }
            }
            checks.append(check)
        }
        return (checks, findings)
    }

    /// The clock line (and finding) from the last answer's `Date`.
    private func clockCheck() async -> (line: String, finding: DoctorFinding?)? {
        guard let skew, let reading = await skew.lastAnswer else { return nil }
        return EnvironmentRules.clock(reading, correction: await skew.offset)
    }

    /// GetAccountSettings as labelled lines.
    static func accountLines(_ settings: AccountSettings) -> [String: String] {
        var lines: [String: String] = [:]
        let used = settings.accountUsage?.totalCodeSize
        let total = settings.accountLimit?.totalCodeSize
        if used != nil || total != nil { lines["codeStorage"] = "\(used.map(String.init) ?? "?") of \(total.map(String.init) ?? "?") bytes" }
        if let value = settings.accountLimit?.concurrentExecutions { lines["concurrentExecutions"] = String(value) }
        if let value = settings.accountLimit?.unreservedConcurrentExecutions { lines["unreservedConcurrency"] = String(value) }
        return lines
    }
}
