import ArgumentParser
import Deployment
import Foundation

/// `lambdactl function-url`: create or update the function URL and, for NONE, its public permissions.
struct FunctionURL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "function-url",
        abstract: "Create or update a function URL; for --auth-type NONE add both permissions AWS requires.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(name: .customLong("auth-type"), help: "NONE (public) or AWS_IAM.")
    var authType: String = "AWS_IAM"

    @Option(name: .customLong("cors-origin"), help: "An allowed CORS origin (repeatable).")
    var corsOrigins: [String] = []

    @Option(help: "An alias to put the URL on.")
    var qualifier: String?

    func validate() throws {
        guard ["NONE", "AWS_IAM"].contains(authType) else {
            throw ValidationError("--auth-type must be NONE or AWS_IAM")
        }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let result = try await FunctionURLConfigurer(services: try app.lifecycle())
            .run(name, authType: authType, corsOrigins: corsOrigins.isEmpty ? nil : corsOrigins, qualifier: qualifier)
        try app.output.emit(result) { result.url }
    }
}
