import ArgumentParser
import Deployment
import Foundation

/// `lambdactl delete-function`: delete the function and, when asked, the role lambdactl created for it.
struct DeleteFunction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-function", abstract: "Delete a function (and the role lambdactl created for it).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Flag(name: .customLong("delete-role"), help: "Also delete its role, only if lambdactl created it.")
    var deleteRole = false

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let result = try await FunctionInspector(services: try app.lifecycle()).delete(name, deleteRole: deleteRole)
        if let reason = result.roleKeptBecause { app.console.warning("kept the role: \(reason)") }
        try app.output.emit(result) {
            "\(result.functionName): deleted" + (result.roleDeleted ? " (and role \(result.role ?? ""))" : "")
        }
    }
}
