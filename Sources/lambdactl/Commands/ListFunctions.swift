import ArgumentParser
import AWSLambda
import Deployment
import Foundation

/// `lambdactl list-functions`: every function in the region (all pages).
struct ListFunctions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-functions", abstract: "List the functions in the region.")

    @OptionGroup var global: GlobalOptions

    /// The JSON form: AWS's function objects, with AWS's names, under one key.
    struct Report: Encodable {
        let functions: [FunctionConfiguration]
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let functions = try await FunctionInspector(services: try app.lifecycle()).list()
        try app.output.emit(Report(functions: functions)) {
            functions.map {
                "\($0.functionName ?? "")\t\($0.runtime ?? "-")\t\($0.memorySize.map { "\($0) MB" } ?? "-")\t\($0.state ?? "-")"
            }.joined(separator: "\n")
        }
    }
}
