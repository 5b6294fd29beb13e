import AWSLambda
import Foundation

/// The complete set of ARNs a function sends events to: its dead-letter target and the
/// OnSuccess/OnFailure destinations of every qualifier's asynchronous-invocation configuration.
/// This is what `RoleNeeds.destinations` must be (the `lambdactl-destinations` policy is scoped
/// to exactly these ARNs).
package struct FunctionDestinations: Sendable {
    /// One qualifier's asynchronous settings as they will be after this run.
    package struct Replacement: Sendable, Equatable {
        /// nil or `$LATEST`: the unqualified function.
        package var qualifier: String?
        /// nil: the qualifier will have no configuration.
        package var settings: AsyncInvokeSettings?

        /// Creates a replacement.
        package init(qualifier: String?, settings: AsyncInvokeSettings?) {
            self.qualifier = qualifier
            self.settings = settings
        }
    }

    /// Lambda.
    package var lambda: LambdaClient

    /// Creates the use case.
    package init(lambda: LambdaClient) {
        self.lambda = lambda
    }

    /// Reads every qualifier's configuration (ListFunctionEventInvokeConfigs) and merges.
    package func complete(_ function: String, deadLetter: String?, replacing: Replacement? = nil) async throws -> [String] {
        Self.merge(deadLetter: deadLetter, configs: try await lambda.listEventInvokeConfigs(function), replacing: replacing)
    }

    /// The dead-letter target plus every configuration's destinations, with `replacing`'s
    /// qualifier taking its new values; sorted, without duplicates or empty ARNs (pure).
    package static func merge(deadLetter: String?, configs: [EventInvokeConfig], replacing: Replacement?) -> [String] {
        var arns: Set<String> = []
        if let deadLetter, !deadLetter.isEmpty { arns.insert(deadLetter) }
        let replaced = replacing.map { key($0.qualifier) }
        for config in configs where qualifier(of: config) != replaced {
            arns.formUnion(AsyncInvokeSettings(config).destinationARNs)
        }
        if let settings = replacing?.settings { arns.formUnion(settings.destinationARNs.filter { !$0.isEmpty }) }
        return arns.sorted()
    }

    /// `$LATEST` for nil.
    static func key(_ qualifier: String?) -> String { qualifier ?? "$LATEST" }

    /// The qualifier a listed configuration is for: the part of `FunctionArn` after the
    /// function's name (`$LATEST` when there is none).
    static func qualifier(of config: EventInvokeConfig) -> String {
        let parts = (config.functionARN ?? "").split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 8 ? String(parts[7]) : "$LATEST"
    }
}
