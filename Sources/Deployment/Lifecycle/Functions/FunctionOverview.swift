import AWSCore
import AWSLambda
import Foundation

/// What `get-function` shows: the configuration AWS reports and what a user looks for next to
/// it (tags, reserved concurrency, aliases, the function URL). AWS's objects keep AWS's names,
/// each under one key.
package struct FunctionOverview: Sendable, Equatable, Encodable {
    /// GetFunction's `Configuration`, as AWS names it.
    package var configuration: FunctionConfiguration
    /// The function's tags.
    package var tags: [String: String]
    /// Reserved concurrency; nil when none is reserved (the function shares the account's pool).
    package var reservedConcurrency: Int?
    /// Every alias of the function (AWS's `AliasConfiguration` objects), sorted by name.
    package var aliases: [AliasConfiguration]
    /// The function URL config (AWS's object), nil when there is none.
    package var functionUrl: FunctionURLConfig?
    /// The qualifier's provisioned concurrency (AWS's object, with its status); nil without a
    /// qualifier or when it has none.
    package var provisionedConcurrency: ProvisionedConcurrencyConfig?
    /// What could not be read (e.g. ListAliases not allowed); the rest is still shown.
    package var unreadable: [String]

    /// Creates an overview.
    package init(
        configuration: FunctionConfiguration, tags: [String: String] = [:], reservedConcurrency: Int? = nil,
        aliases: [AliasConfiguration] = [], functionUrl: FunctionURLConfig? = nil, unreadable: [String] = []
    ) {
        self.configuration = configuration
        self.tags = tags
        self.reservedConcurrency = reservedConcurrency
        self.aliases = aliases
        self.functionUrl = functionUrl
        self.unreadable = unreadable
    }
}

extension FunctionInspector {
    /// GetFunction, ListAliases and GetFunctionUrlConfig (read-only). A refused ListAliases or
    /// GetFunctionUrlConfig (a role without those permissions) is noted in `unreadable`.
    package func overview(_ function: String, qualifier: String? = nil) async throws -> FunctionOverview {
        let details: FunctionDetails
        do {
            details = try await get(function, qualifier: qualifier)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            let what = qualifier.map { "function \(function) with qualifier \($0)" } ?? "function \(function)"
            throw LifecycleError(
                .refused,
                "\(what) does not exist (\(error.message))", hint: .checkFunction(function, qualified: qualifier != nil))
        }
        var overview = FunctionOverview(
            configuration: details.configuration, tags: details.tags ?? [:],
            reservedConcurrency: details.concurrency?.reservedConcurrentExecutions)
        let name = details.configuration.functionName ?? function
        do {
            overview.aliases = try await services.lambda.listAliases(name).sorted { $0.name < $1.name }
        } catch let error as AWSServiceError where error.status == 403 {
            overview.unreadable.append("aliases (ListAliases: \(error.code))")
        }
        do {
            overview.functionUrl = try await services.lambda.getFunctionURLConfig(name, qualifier: qualifier)
        } catch let error as AWSServiceError where error.status == 403 {
            overview.unreadable.append("function URL (GetFunctionUrlConfig: \(error.code))")
        }
        if let qualifier, qualifier != "$LATEST" {
            do {
                overview.provisionedConcurrency = try await services.lambda.getProvisionedConcurrency(name, qualifier: qualifier)
            } catch let error as AWSServiceError where error.status == 403 {
                overview.unreadable.append("provisioned concurrency (GetProvisionedConcurrencyConfig: \(error.code))")
            }
        }
        return overview
    }
}
