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

    @OptionGroup var target: RoutesOptions<DetachHelp>

    func run() async throws {
        let keys = try target.keys
        let app = try AppEnvironment.make(global)
        let useCase = DetachRoutes(
            gateway: try app.apiGateway(), lambda: try app.functionPermissions(),
            progress: { [console = app.console] in console.info($0) })
        let result = try await useCase.run(function: target.function, api: target.api, routes: keys, qualifier: target.qualifier)
        try app.output.emit(result) {
            var lines = ["API: \(result.apiID)", "Remaining routes to the function:"]
            lines += result.remaining.isEmpty ? ["  (none)"] : result.remaining.map { "  \($0)" }
            if result.changes.isEmpty { lines.append("Nothing to change.") }
            return lines.joined(separator: "\n")
        }
    }
}

/// How `detach-routes` words the shared routes options.
enum DetachHelp: RoutesHelp {
    static let api: ArgumentHelp = "The HTTP API's name or ID."
    static let route: ArgumentHelp = "A route key to delete (repeatable)."
    static let qualifier: ArgumentHelp = "The alias or version the integration points at."
}
