import AWSCore
import AWSLambda
import Foundation

/// `function-url`: create or update the URL config; for `NONE`, add both statements AWS requires
/// since October 2025 (`lambda:InvokeFunctionUrl` with `FunctionUrlAuthType NONE`, and
/// `lambda:InvokeFunction` via the URL), each only when missing.
package struct FunctionURLConfigurer: Sendable {
    /// The statement ids lambdactl uses.
    package static let urlStatementID = "lambdactl-url-public-invoke-url"
    /// The second statement's id.
    package static let invokeStatementID = "lambdactl-url-public-invoke-function"

    /// What happened.
    package struct Result: Sendable, Encodable, Equatable {
        package var functionName: String
        package var url: String
        package var authType: String
        package var created: Bool
        package var permissionsAdded: [String]
        /// Public statements removed because the URL now requires IAM auth.
        package var permissionsRemoved: [String]
    }

    /// The shared services (the waiter guards each change: Lambda refuses URL and permission
    /// changes with 409 while the function is Pending or InProgress).
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    private var lambda: LambdaClient { services.lambda }
    /// The one policy reader and permission writer, shared with the routes use cases.
    private var permissions: LambdaPermissionsAPI { LambdaPermissionsAPI(lambda: services.lambda) }

    /// Checks the auth type.
    package static func validate(authType: String) throws {
        guard ["NONE", "AWS_IAM"].contains(authType) else {
            throw LifecycleError(.notOneOf(.authType, value: authType, allowed: ["NONE", "AWS_IAM"]))
        }
    }

    /// Runs it. `corsOrigins` nil leaves the URL's CORS origins as they are; `[]` removes them.
    package func run(_ function: String, authType: String, corsOrigins: [String]?, qualifier: String? = nil)
        async throws -> Result
    {
        try Self.validate(authType: authType)
        try NameRules.checkQualifier(qualifier)
        let cors = corsOrigins.map { CORS(allowOrigins: $0) }
        let existing = try await lambda.getFunctionURLConfig(function, qualifier: qualifier)
        let config: FunctionURLConfig
        if let existing {
            let sameCORS = corsOrigins.map { Set($0) == Set(existing.cors?.allowOrigins ?? []) } ?? true
            if existing.authType == authType && sameCORS {
                config = existing
            } else {
                config = try await services.waiter.mutate(function) {
                    try await lambda.updateFunctionURLConfig(function, authType: authType, cors: cors, qualifier: qualifier)
                }
            }
        } else {
            config = try await services.waiter.mutate(function) {
                try await lambda.createFunctionURLConfig(
                    function, authType: authType, cors: corsOrigins?.isEmpty == false ? cors : nil, qualifier: qualifier)
            }
        }
        var added: [String] = []
        var removed: [String] = []
        let present = Set(try await permissions.policy(function: function, qualifier: qualifier).compactMap(\.sid))
        if authType == "NONE" {
            for statement in Self.publicStatements where !present.contains(statement.statementID) {
                try await services.waiter.mutate(function) {
                    try await permissions.addPermission(function: function, qualifier: qualifier, permission: statement)
                }
                added.append(statement.statementID)
            }
        } else {
            // Moving to AWS_IAM: the public statements lambdactl added before are stale; drop them.
            for statement in Self.publicStatements where present.contains(statement.statementID) {
                try await services.waiter.mutate(function) {
                    try await permissions.removePermission(
                        function: function, qualifier: qualifier, statementID: statement.statementID)
                }
                removed.append(statement.statementID)
                services.progress("removed the public permission \(statement.statementID): the URL now requires IAM auth")
            }
        }
        return Result(
            functionName: function, url: config.functionURL ?? "", authType: config.authType,
            created: existing == nil, permissionsAdded: added, permissionsRemoved: removed)
    }

    /// Deletes the URL config (when there is one) and the public statements lambdactl added for it.
    package func remove(_ function: String, qualifier: String? = nil) async throws {
        try NameRules.checkQualifier(qualifier)
        if try await lambda.getFunctionURLConfig(function, qualifier: qualifier) != nil {
            try await services.waiter.mutate(function) {
                try await lambda.deleteFunctionURLConfig(function, qualifier: qualifier)
            }
        }
        let present = Set(try await permissions.policy(function: function, qualifier: qualifier).compactMap(\.sid))
        for statement in Self.publicStatements where present.contains(statement.statementID) {
            try await services.waiter.mutate(function) {
                try await permissions.removePermission(function: function, qualifier: qualifier, statementID: statement.statementID)
            }
        }
    }

    /// The two statements a public (`NONE`) URL needs.
    package static var publicStatements: [PermissionStatement] {
        [
            PermissionStatement(
                statementID: urlStatementID, action: "lambda:InvokeFunctionUrl", principal: "*",
                functionURLAuthType: "NONE"),
            PermissionStatement(
                statementID: invokeStatementID, action: "lambda:InvokeFunction", principal: "*",
                invokedViaFunctionURL: true),
        ]
    }
}
