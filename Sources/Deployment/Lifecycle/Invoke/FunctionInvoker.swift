import AWSCore
import AWSLambda
import Foundation

/// `invoke`: send a payload and report the answer; a function error becomes `.functionError`.
package struct FunctionInvoker: Sendable {
    /// The answer.
    package struct Result: Sendable, Encodable, Equatable {
        package var statusCode: Int
        package var executedVersion: String?
        package var functionError: String?
        /// The payload as text (UTF-8).
        package var payload: String
        package var logTail: String?

        /// The log tail for a reader: JSON-format platform records (`platform.start`,
        /// `platform.report`) shown as the START/REPORT lines they stand for.
        package var readableLogTail: String? { logTail.map(PlatformRecord.readable) }
    }

    /// Lambda.
    package var lambda: LambdaClient

    /// Creates the use case.
    package init(lambda: LambdaClient) {
        self.lambda = lambda
    }

    /// The payload bytes: `@path` reads a file, anything else is the JSON text;
    /// nil sends `{}`. Checked to be JSON before any call.
    package static func payload(_ argument: String?, files: any FileSystemView) throws -> Data {
        guard let argument else { return Data("{}".utf8) }
        let data: Data
        if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let contents = files.contents(at: path) else {
                throw LifecycleError(.unreadableAtFile(.payload, path: path))
            }
            data = contents
        } else {
            data = Data(argument.utf8)
        }
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw LifecycleError(.notJSON(.payload, examples: [#"'{"key":"value"}'"#, "@event.json"]))
        }
        return data
    }

    /// Invokes `function`.
    package func run(
        _ function: String, payload: Data, qualifier: String? = nil, async: Bool = false, logs: Bool = false
    ) async throws -> Result {
        try NameRules.checkQualifier(qualifier)
        let answer = try await lambda.invoke(
            function, payload: payload, qualifier: qualifier, type: async ? .event : .requestResponse,
            tailLogs: logs && !async)
        return Result(
            statusCode: answer.status, executedVersion: answer.executedVersion, functionError: answer.functionError,
            payload: String(decoding: answer.payload, as: UTF8.self), logTail: answer.logTail)
    }

    /// Throws `.functionError` when the function failed (after the caller printed the payload).
    package static func check(_ result: Result, function: String) throws {
        if let kind = result.functionError {
            throw LifecycleError(.functionError, "\(function) returned a function error (\(kind)); its answer is printed above")
        }
    }
}
