import AWSCore
import Deployment

/// How `doctor` prints its reports as text, and how the command builds the environment audit.
enum DoctorText {
    /// One line per finding: severity, what, and the fix after an arrow.
    static func render(_ findings: [DoctorFinding]) -> String {
        guard !findings.isEmpty else { return "no findings" }
        return findings.map { finding in
            let fix = finding.fix.map { "  → \($0)" } ?? ""
            return "\(finding.severity.rawValue): \(finding.message) [\(finding.code)]\(fix)"
        }.joined(separator: "\n")
    }

    /// The environment report.
    static func render(_ report: EnvironmentReport) -> String {
        var lines = ["Credentials: \(report.credentials)" + (report.expires.map { " (expire \($0))" } ?? ""),
                     "Region:      \(report.region)"]
        for check in report.services {
            let status = check.status == "ok" ? "ok" : "\(check.status): \(check.detail ?? "")"
            lines.append("  \(check.service.padding(toLength: 11, withPad: " ", startingAt: 0)) \(check.endpoint)  \(check.operation) \(status)")
        }
        lines.append(report.proxy.isEmpty ? "Proxy:       none" : "Proxy:       " + report.proxy.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        for (key, value) in report.lambdaAccount.sorted(by: { $0.key < $1.key }) { lines.append("Lambda \(key): \(value)") }
        lines.append(render(report.findings))
        return lines.joined(separator: "\n")
    }
}

extension AppEnvironment {
    /// The environment audit with one raw read-only probe per registered service.
    func environmentAudit() throws -> EnvironmentAudit {
        let probes = try Self.services.map { service -> ServiceProbe in
            let client = try client(service)
            let endpoint = client.endpoint.urlString
            guard let probe = ReadProbe.forService(signingName: service.signingName) else {
                return ServiceProbe(service: service.name, endpoint: endpoint, operation: "-", action: "-") {}
            }
            let operation = try probe.request.operation(for: service.wireProtocol)
            return ServiceProbe(service: service.name, endpoint: endpoint, operation: probe.operation, action: probe.action) {
                _ = try await client.send(operation)
            }
        }
        return EnvironmentAudit(
            credentials: context.credentials, region: region, probes: probes, lambda: try lambda(),
            environment: environment.variables, now: context.time.now)
    }
}
