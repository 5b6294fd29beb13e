import AWSCore
import AWSLambda
import Foundation

/// `FunctionPermissions` and `FunctionLookup` for the routes use cases, on the Lambda client.
package struct LambdaPermissionsAPI: FunctionPermissions, FunctionLookup {
    /// The Lambda client.
    package let lambda: LambdaClient

    /// Wraps a Lambda client.
    package init(lambda: LambdaClient) {
        self.lambda = lambda
    }

    /// Wraps a rest-json client for the Lambda endpoint.
    package init(client: AWSClient) {
        self.init(lambda: LambdaClient(client: client))
    }

    /// GetFunctionConfiguration; a missing function is one line that says where to look,
    /// not the raw 404.
    func configuration(_ function: String) async throws -> FunctionConfiguration {
        do {
            return try await lambda.getFunctionConfiguration(function)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw RoutesError(
                "function \(function) does not exist (\(error.message))", hint: .checkFunction(function, qualified: false),
                category: .refused)
        }
    }

    package func functionARN(name: String, qualifier: String?) async throws -> String {
        let configuration = try await configuration(name)
        if let qualifier {
            // Checked before anything is created, so a mistyped alias leaves no integration behind.
            do {
                _ = try await lambda.getFunctionConfiguration(name, qualifier: qualifier)
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
                throw RoutesError(
                    "function \(name) has no alias or version '\(qualifier)'", hint: .createQualifierOrLeaveOut,
                    category: .refused)
            }
        }
        guard let text = configuration.functionARN, let arn = FunctionARN(text) else {
            throw AWSResponseDecodingError(operation: "GetFunctionConfiguration", detail: "no FunctionArn in the answer")
        }
        return arn.qualified(qualifier ?? (name.contains(":") ? FunctionARN(name)?.qualifier : nil))
    }

    package func policy(function: String, qualifier: String?) async throws -> [PolicyStatement] {
        let read = { PolicyStatement.parse(policyDocument: try await lambda.policyDocument(function, qualifier: qualifier) ?? "") }
        guard let shared = TriggerListingReads.current else { return try await read() }
        return try await shared.policy(function: function, qualifier: qualifier, read: read)
    }

    /// The names of the function's aliases (shared within one trigger listing).
    func aliasNames(function: String) async throws -> [String] {
        let read = { try await lambda.listAliases(function).map(\.name) }
        guard let shared = TriggerListingReads.current else { return try await read() }
        return try await shared.aliases(function: function, read: read)
    }

    /// AddPermission. A retry after a lost answer meets "The statement id … already exists": when
    /// the statement there grants exactly this request, the first attempt landed and this one
    /// is done; any other statement under that id is still the conflict AWS reported.
    package func addPermission(function: String, qualifier: String?, permission: PermissionRequest) async throws {
        do {
            try await lambda.addPermission(function, statement: permission, qualifier: qualifier)
        } catch let error as AWSServiceError where error.code == "ResourceConflictException" {
            let present = try await policy(function: function, qualifier: qualifier)
            guard present.contains(where: { $0.sid == permission.statementID && $0.grants(permission) }) else { throw error }
        }
    }

    package func removePermission(function: String, qualifier: String?, statementID: String) async throws {
        try await lambda.removePermission(function, statementID: statementID, qualifier: qualifier)
    }

    package func logGroup(function: String) async throws -> String {
        let configuration = try await configuration(function)
        if let group = configuration.loggingConfig?.logGroup, !group.isEmpty { return group }
        let name = configuration.functionName ?? FunctionARN(function)?.name ?? function
        return "/aws/lambda/\(name)"
    }

    package func version(function: String, qualifier: String) async throws -> String {
        if qualifier == "$LATEST" || qualifier.allSatisfy(\.isNumber) { return qualifier }
        do {
            return try await lambda.getAlias(function, alias: qualifier).functionVersion ?? qualifier
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw RoutesError(
                "function \(function) has no alias '\(qualifier)'", hint: .listAliasesOrGiveVersion(function: function),
                category: .refused)
        }
    }
}
