import AWSCore
import ArgumentParser
import Deployment
import Foundation

/// `lambdactl doctor [NAME]`: what will break a deploy, found before it does. Read-only.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the environment (credentials, endpoints, permissions, proxy, account limits) or audit a deployed function.",
        discussion: """
            Without NAME: the credential source and expiry, each service's endpoint and one signed \
            read-only call, proxy settings and the account's Lambda limits. With NAME: one line per \
            finding (error, warning or info) with the command that fixes it. Exits 12 when any error \
            is found; with --strict also on any warning. Sends no write.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function to audit; omit it to check the environment.")
    var name: String?

    @Option(help: "The alias or version to audit (default $LATEST).")
    var qualifier: String?

    @Flag(help: "Exit 12 on warnings too, not only on errors (for CI gates).")
    var strict = false

    func validate() throws {
        if qualifier != nil && name == nil { throw ValidationError("--qualifier needs a function name: lambdactl doctor NAME --qualifier Q") }
    }

    struct FunctionReport: Encodable {
        let function: String
        let findings: [DoctorText.Line]
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let findings: [DoctorFinding]
        if let name {
            let today = String(ISO8601DateFormatter().string(from: app.context.time.now()).prefix(10))
            var audit = FunctionAudit(lambda: try app.lambda(), iam: try app.iam())
            audit.gateway = try app.apiGateway()
            findings = try await audit.run(name: name, qualifier: qualifier, today: today)
            let report = FunctionReport(function: name, findings: findings.map(DoctorText.Line.init))
            try app.output.emit(report) { DoctorText.render(findings) }
        } else {
            let report = try await app.environmentAudit().run()
            findings = report.findings
            try app.output.emit(DoctorText.EnvironmentJSON(report)) { DoctorText.render(report) }
        }
        if findings.fails(strict: strict) { LambdaCtl.exit(ExitStatus.findings) }
    }
}
