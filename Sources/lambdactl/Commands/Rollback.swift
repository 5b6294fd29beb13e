import ArgumentParser
import Deployment
import Foundation

/// `lambdactl rollback`: point an alias back where it was before (its recorded history), or at a
/// chosen version.
struct Rollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Point an alias back at the version it pointed at before (or at --to-version N).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The alias to move back.")
    var alias: String

    @Option(
        name: .customLong("to-version"),
        help: ArgumentHelp("Roll back to this version instead of the recorded previous one.", valueName: "N"))
    var toVersion: String?

    func validate() throws {
        if let toVersion, toVersion != "$LATEST", Int(toVersion) == nil {
            throw ValidationError("--to-version takes a version number or $LATEST, e.g. --to-version 3")
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let result = try await VersionManager(services: try app.lifecycle())
            .rollback(name, alias: alias, to: toVersion)
        try app.output.emit(result) { AliasText.line(result) }
    }
}
