import ArgumentParser
import Deployment
import Foundation

/// `lambdactl invoke`: call the function and print its answer; a function error exits with its own code.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Invoke a function and print its answer (a function error exits with code 8).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "The event: inline JSON or @FILE (default {}).")
    var payload: String?

    @Option(help: "A version or alias.")
    var qualifier: String?

    @Flag(name: .customLong("async"), help: "Queue the event and return at once (HTTP 202).")
    var isAsync = false

    @Flag(help: "Print the last 4 KB of the log on stderr.")
    var logs = false

    func run() async throws {
        let body = try FunctionInvoker.payload(payload, files: AppEnvironment.fileSystem)
        let app = try AppEnvironment.make(global)
        let result = try await FunctionInvoker(lambda: try app.lambda())
            .run(name, payload: body, qualifier: qualifier, async: isAsync, logs: logs)
        if let tail = result.readableLogTail, app.output.format == .text { app.console.info(tail) }
        try app.output.emit(result) { isAsync ? "queued (HTTP \(result.statusCode))" : result.payload }
        try FunctionInvoker.check(result, function: name)
    }
}
