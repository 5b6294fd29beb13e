import ArgumentParser
import Deployment
import Foundation

/// `lambdactl versions`: the function's versions and the aliases on each.
struct Versions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: "List the function's versions and their aliases.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let entries = try await VersionManager(services: try app.lifecycle()).list(name)
        try app.output.emit(entries) {
            entries.map { entry in
                let aliases = entry.aliases.isEmpty ? "" : "  [\(entry.aliases.joined(separator: ", "))]"
                return "\(entry.version)\t\(entry.codeSha256 ?? "")\(aliases)"
            }.joined(separator: "\n")
        }
    }
}
