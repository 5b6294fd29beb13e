import ArgumentParser
import AWSLambda
import Deployment
import Foundation

/// `lambdactl get-function`: the function's configuration.
struct GetFunction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-function", abstract: "Show a function's configuration and state.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "A version or alias.")
    var qualifier: String?

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let details = try await FunctionInspector(services: try app.lifecycle()).get(name, qualifier: qualifier)
        let configuration = details.configuration
        try app.output.emit(configuration) { FunctionText.describe(configuration) }
    }
}

/// Text forms of a function configuration.
enum FunctionText {
    /// Several `Key: value` lines.
    static func describe(_ c: FunctionConfiguration) -> String {
        var lines: [(String, String?)] = [
            ("FunctionName", c.functionName), ("FunctionArn", c.functionARN), ("Runtime", c.runtime),
            ("Handler", c.handler), ("Role", c.role), ("MemorySize", c.memorySize.map(String.init)),
            ("Timeout", c.timeout.map(String.init)), ("CodeSize", c.codeSize.map(String.init)),
            ("CodeSha256", c.codeSHA256), ("Version", c.version), ("State", c.state),
            ("LastUpdateStatus", c.lastUpdateStatus), ("Architectures", c.architectures?.joined(separator: ",")),
            ("Description", c.description), ("RevisionId", c.revisionID), ("LogGroup", c.loggingConfig?.logGroup),
        ]
        if let reason = c.stateReason { lines.append(("StateReason", "\(c.stateReasonCode ?? ""): \(reason)")) }
        if let reason = c.lastUpdateStatusReason {
            lines.append(("LastUpdateStatusReason", "\(c.lastUpdateStatusReasonCode ?? ""): \(reason)"))
        }
        for layer in c.layerARNs { lines.append(("Layer", layer)) }
        for key in c.variables.keys.sorted() { lines.append(("Environment", "\(key)=\(c.variables[key] ?? "")")) }
        return lines.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return "\(key): \(value)"
        }.joined(separator: "\n")
    }
}
