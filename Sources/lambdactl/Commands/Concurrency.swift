import ArgumentParser
import Deployment
import Foundation

/// `lambdactl concurrency`: show or change reserved and provisioned concurrency.
struct Concurrency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrency",
        abstract: "Show or change reserved and provisioned concurrency; waits until provisioned concurrency is READY.",
        discussion: """
            With no flag, prints the reserved concurrency, every provisioned-concurrency configuration \
            and the account's unreserved concurrency. Provisioned concurrency needs --qualifier naming \
            an alias or a published version (never $LATEST). Only values that differ are written.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "Reserve this many concurrent executions for the function (0 throttles every invocation).")
    var reserved: Int?

    @Flag(name: .customLong("no-reserved"), help: "Remove the reservation (the function shares the account's pool).")
    var noReserved = false

    @Option(help: "Keep this many environments initialised for --qualifier.")
    var provisioned: Int?

    @Flag(name: .customLong("no-provisioned"), help: "Remove provisioned concurrency from --qualifier.")
    var noProvisioned = false

    @Option(help: "The alias or published version provisioned concurrency is on.")
    var qualifier: String?

    func validate() throws {
        if reserved != nil && noReserved { throw ValidationError("pass --reserved N or --no-reserved, not both") }
        if provisioned != nil && noProvisioned {
            throw ValidationError("pass --provisioned N or --no-provisioned, not both")
        }
        do {
            try ConcurrencyManager.validate(request)
        } catch let error as LifecycleError {
            throw ValidationError(error.message(CommandLineNaming()))
        }
    }

    var request: ConcurrencyManager.Request {
        ConcurrencyManager.Request(
            reserved: noReserved ? .remove : reserved.map { .set($0) },
            provisioned: noProvisioned ? .remove : provisioned.map { .set($0) }, qualifier: qualifier)
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let report = try await ConcurrencyManager(services: try app.lifecycle(waitTimeout: try wait.duration))
            .run(name, request)
        try app.output.emit(report) { ConcurrencyText.describe(report) }
    }
}

/// The text form of a concurrency report.
enum ConcurrencyText {
    static func describe(_ report: ConcurrencyManager.Report) -> String {
        var lines = report.changes.map { "changed \($0.text)" }
        lines.append("ReservedConcurrency: " + (report.reservedConcurrency.map(String.init) ?? "none reserved (shares the account's pool)"))
        if report.provisioned.isEmpty { lines.append("ProvisionedConcurrency: none") }
        for entry in report.provisioned {
            var line = "ProvisionedConcurrency: \(entry.qualifier) requested \(entry.requested.map(String.init) ?? "?"), "
                + "allocated \(entry.allocated.map(String.init) ?? "0"), \(entry.status ?? "?")"
            if let reason = entry.statusReason, !reason.isEmpty { line += ": \(reason)" }
            lines.append(line)
        }
        lines.append("UnreservedAccountConcurrency: " + (report.unreservedAccountConcurrency.map(String.init) ?? "?")
            + (report.accountConcurrency.map { " of \($0)" } ?? ""))
        return lines.joined(separator: "\n")
    }
}
