import ArgumentParser
import Deployment
import Foundation

/// `lambdactl rollback`: point an alias at the version before the one it points at.
struct Rollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Point an alias at the previous published version.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The alias to move back.")
    var alias: String

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let result = try await VersionManager(services: try app.lifecycle()).rollback(name, alias: alias)
        try app.output.emit(result) { AliasText.line(result) }
    }
}
