import AWSCore
import Deployment

/// How `doctor` prints its reports as text, and how the command builds the environment audit.
enum DoctorText {
    /// One line per finding: severity, what, and the fix after an arrow.
    static func render(_ findings: [DoctorFinding]) -> String {
        guard !findings.isEmpty else { return "no findings" }
        return findings.map { finding in
            let fix = finding.fix.map { "  → \(Self.fix($0))" } ?? ""
            return "\(finding.severity.rawValue): \(finding.message) [\(finding.code)]\(fix)"
        }.joined(separator: "\n")
    }

    /// A finding as `--output json` prints it.
    struct Line: Encodable {
        let severity: String
        let code: String
        let message: String
        let fix: String?
        init(_ finding: DoctorFinding) {
            severity = finding.severity.rawValue
            code = finding.code
            message = finding.message
            fix = finding.fix.map(DoctorText.fix)
        }
    }

    /// The environment report as `--output json` prints it.
    struct EnvironmentJSON: Encodable {
        let credentials: String
        let expires: String?
        let region: String
        let services: [EnvironmentReport.ServiceCheck]
        let proxy: [String: String]
        let lambdaAccount: [String: String]
        let findings: [Line]
        let clock: String?
        init(_ report: EnvironmentReport) {
            clock = report.clock
            credentials = report.credentials
            expires = report.expires
            region = report.region
            services = report.services
            proxy = report.proxy
            lambdaAccount = report.lambdaAccount
            findings = report.findings.map(Line.init)
        }
    }

    /// A fix as the command (or step) that performs it.
    static func fix(_ fix: DoctorFix) -> String {
        switch fix {
        case .setRuntime(let function, let runtime): "lambdactl update-config \(function) --runtime \(runtime)"
        case .removePermission(let function, let sid):
            "lambdactl request lambda DELETE /2015-03-31/functions/\(function)/policy/\(sid) (then add it back with its SourceArn)"
        case .setURLAuth(let function, let authType): "lambdactl function-url \(function) --auth-type \(authType)"
        case .removeReservedConcurrency(let function): "lambdactl concurrency \(function) --no-reserved"
        case .shrinkEnvironment: "move large values to SSM Parameter Store or Secrets Manager and read them at start"
        case .moveDependenciesToLayer: "move dependencies into a layer: lambdactl publish-layer"
        case .refreshCredentials: "refresh them (aws sso login, or new keys)"
        case .checkCredentials:
            "lambdactl whoami names their source: correct the access key, secret key or session token there, or choose another profile (--profile NAME)"
        case .grant(let action): "grant \(action) to the caller"
        case .pointMappingAtAlias(let function, let alias):
            "detach the trigger and attach it again with lambdactl attach-trigger \(function) --qualifier \(alias)"
        case .reattachTrigger, .grantRole, .replaceLayer: roleFix(fix)
        case .setTimeout(let function, let seconds, nil): "lambdactl update-config \(function) --timeout \(seconds)"
        case .setTimeout(let function, let seconds, let alias?):
            "lambdactl update-config \(function) --timeout \(seconds), then lambdactl publish-version \(function) and lambdactl alias \(function) \(alias) --to-version N"
        case .moveURLToAlias(let function, let alias):
            "lambdactl function-url \(function) --qualifier \(alias), then remove the unqualified URL"
        case .syncClock: "synchronise the clock (timedatectl set-ntp true, or sntp -sS time.apple.com)"
        case .pointRouteAtAlias(let function, let api, let route, let alias):
            "lambdactl attach-routes \(function) --api \(api) --route \"\(route)\" --qualifier \(alias)"
        }
    }

    /// The environment report.
    static func render(_ report: EnvironmentReport) -> String {
        var lines = ["Credentials: \(report.credentials)" + (report.expires.map { " (expire \($0))" } ?? ""),
                     "Region:      \(report.region)"]
        for check in report.services {
            let status = switch check.status {
            case "ok": "ok"
            case "rejected": "rejected (see credentials-rejected below)"
            default: "\(check.status): \(check.detail ?? "")"
            }
            lines.append("  \(check.service.padding(toLength: 11, withPad: " ", startingAt: 0)) \(check.endpoint)  \(check.operation) \(status)")
        }
        lines.append(report.proxy.isEmpty ? "Proxy:       none" : "Proxy:       " + report.proxy.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        for (key, value) in report.lambdaAccount.sorted(by: { $0.key < $1.key }) { lines.append("Lambda \(key): \(value)") }
        if let clock = report.clock { lines.append("Clock:       \(clock)") }
        lines.append(render(report.findings))
        return lines.joined(separator: "\n")
    }
}

extension AppEnvironment {
    /// The environment audit with one raw read-only probe per registered service.
    func environmentAudit() throws -> EnvironmentAudit {
        var audit = try environmentAuditWithoutClock()
        audit.skew = context.skew
        return audit
    }

    /// The environment audit without the clock check.
    private func environmentAuditWithoutClock() throws -> EnvironmentAudit {
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
