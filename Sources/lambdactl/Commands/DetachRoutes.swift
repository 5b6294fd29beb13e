import ArgumentParser
import AWSCore
import Deployment
import Foundation

/// `lambdactl detach-routes`: remove routes to a function (and its permission when none is left).
struct DetachRoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detach-routes",
        abstract: "Delete HTTP API routes to a function, then integrations no route uses and, when no route is left, the invoke permission.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var function: String

    @Option(help: "The HTTP API's name or ID.")
    var api: String

    @Option(name: .customLong("route"), help: "A route key to delete (repeatable).")
    var routes: [String] = []

    @Option(help: "The alias or version the integration points at.")
    var qualifier: String?

    func validate() throws {
        guard !routes.isEmpty else { throw ValidationError("give at least one --route, e.g. --route \"GET /items\"") }
        _ = try RoutesArguments.keys(routes)
    }

    func run() async throws {
        let keys = try RoutesArguments.keys(routes)
        let app = try AppEnvironment.make(global)
        let useCase = DetachRoutes(
            gateway: try app.apiGateway(), lambda: try app.functionPermissions(),
            progress: { [console = app.console] in console.info($0) })
        let result = try await useCase.run(function: function, api: api, routes: keys, qualifier: qualifier)
        try app.output.emit(result) {
            var lines = ["API: \(result.apiID)", "Remaining routes to the function:"]
            lines += result.remaining.isEmpty ? ["  (none)"] : result.remaining.map { "  \($0)" }
            if result.changes.isEmpty { lines.append("Nothing to change.") }
            return lines.joined(separator: "\n")
        }
    }
}
