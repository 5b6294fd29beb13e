import ArgumentParser
import AWSCore
import Deployment
import Foundation

/// `lambdactl attach-routes`: put a function behind an HTTP API, idempotently.
struct AttachRoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach-routes",
        abstract: "Route HTTP API requests to a function (creates the API, integration, routes, stage and permission as needed).")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var target: RoutesOptions<AttachHelp>

    @Option(help: "The stage to ensure, with auto-deploy.")
    var stage = "$default"

    @Option(name: .customLong("cors-origin"), help: "Allow this CORS origin (repeatable); sets the API's CORS configuration.")
    var corsOrigins: [String] = []

    func validate() throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        if stage != "$default", stage.isEmpty || stage.count > 128 || !stage.allSatisfy(allowed.contains) {
            throw ValidationError("--stage \"\(stage)\" must be $default or 1–128 letters, digits, - and _, e.g. --stage prod")
        }
        if let problem = corsOrigins.lazy.compactMap(CORSOrigin.problem).first {
            throw ValidationError(UseCaseErrorText.line(problem))
        }
    }

    func run() async throws {
        let keys = try target.keys
        let app = try AppEnvironment.make(global)
        let useCase = AttachRoutes(
            gateway: try app.apiGateway(), lambda: try app.functionPermissions(),
            progress: { [console = app.console] in console.info($0) })
        let result = try await useCase.run(
            AttachRoutesRequest(
                function: target.function, api: target.api, routes: keys, qualifier: target.qualifier, stage: stage, corsOrigins: corsOrigins))
        try app.output.emit(result) {
            var lines = [
                "API:        \(result.apiName) (\(result.apiID))",
                "Invoke URL: \(result.invokeURL)",
                "Routes:",
            ]
            lines += result.routes.map { "  \($0)" }
            if result.changes.isEmpty { lines.append("Nothing to change: everything was already in place.") }
            return lines.joined(separator: "\n")
        }
    }
}

/// How `attach-routes` words the shared routes options.
enum AttachHelp: RoutesHelp {
    static let api: ArgumentHelp = "The HTTP API's name or ID (created when no API has that name)."
    static let route: ArgumentHelp = "A route key such as \"GET /items/{id}\" or $default (repeatable)."
    static let qualifier: ArgumentHelp = "Point the integration at this alias or version."
}
