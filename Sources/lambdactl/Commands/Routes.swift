import ArgumentParser
import AWSCore
import Deployment
import Foundation

/// `lambdactl routes --api NAME|ID`: list an HTTP API's routes and the functions they reach.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes", abstract: "List an HTTP API's routes and where they go.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The HTTP API's name or ID.")
    var api: String

    struct Report: Encodable {
        let apiID: String
        let invokeURL: String
        let routes: [RouteListing]

        enum CodingKeys: String, CodingKey {
            case apiID = "apiId", invokeURL = "invokeUrl", routes
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let listing = try await ListRoutes(gateway: try app.apiGateway()).run(api: api, region: app.region)
        let report = Report(apiID: listing.apiID, invokeURL: listing.invokeURL, routes: listing.routes)
        try app.output.emit(report) {
            var lines = ["API: \(report.apiID)  \(report.invokeURL)"]
            let width = report.routes.map(\.routeKey.count).max() ?? 0
            for route in report.routes {
                let pad = String(repeating: " ", count: width - route.routeKey.count)
                lines.append("  \(route.routeKey)\(pad)  \(route.integrationURI ?? route.target ?? "-")")
            }
            if report.routes.isEmpty { lines.append("  (no routes)") }
            return lines.joined(separator: "\n")
        }
    }
}
