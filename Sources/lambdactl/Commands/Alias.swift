import ArgumentParser
import Deployment
import Foundation

/// `lambdactl alias`: create an alias or move it to a version.
struct Alias: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", abstract: "Create an alias or point it at another version.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Argument(help: "The alias name, e.g. live.")
    var alias: String

    @Option(
        name: .customLong("to-version"),
        help: ArgumentHelp("The version the alias points at (a number or $LATEST).", valueName: "N"))
    var toVersion: String

    func validate() throws {
        guard toVersion == "$LATEST" || Int(toVersion) != nil else {
            throw ValidationError("--to-version takes a version number or $LATEST, e.g. --to-version 3")
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let result = try await VersionManager(services: try app.lifecycle()).point(name, alias: alias, to: toVersion)
        try app.output.emit(result) { AliasText.line(result) }
    }
}

/// The text form of an alias move.
enum AliasText {
    static func line(_ result: VersionManager.AliasResult) -> String {
        if let previous = result.previousVersion, previous != result.version {
            return "\(result.functionName):\(result.alias) → \(result.version) (was \(previous))"
        }
        if result.previousVersion == result.version {
            return "\(result.functionName):\(result.alias) already at \(result.version)"
        }
        return "\(result.functionName):\(result.alias) → \(result.version) (created)"
    }
}
