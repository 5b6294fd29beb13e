import AWSCore
import AWSLambda
import Foundation

/// `get-function`, `list-functions` and `delete-function`.
package struct FunctionInspector: Sendable {
    /// What delete-function did.
    package struct DeleteResult: Sendable, Encodable, Equatable {
        package var functionName: String
        package var deleted: Bool
        package var role: String?
        package var roleDeleted: Bool
        /// Why the role was kept, when `--delete-role` was given and it was.
        package var roleKeptBecause: String?
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// The function's configuration and tags.
    package func get(_ function: String, qualifier: String? = nil) async throws -> FunctionDetails {
        try NameRules.checkQualifier(qualifier)
        return try await services.lambda.getFunction(function, qualifier: qualifier)
    }

    /// Every function in the region, sorted by name.
    package func list() async throws -> [FunctionConfiguration] {
        try await services.lambda.listFunctions().sorted { ($0.functionName ?? "") < ($1.functionName ?? "") }
    }

    /// Deletes the function, then its role when asked and only when lambdactl created it for this
    /// function (`lambdactl-NAME-role`): a lambdactl role passed to another function with `--role`
    /// may still serve that one and is kept.
    package func delete(_ function: String, deleteRole: Bool) async throws -> DeleteResult {
        let configuration = try await services.lambda.getFunctionConfiguration(function)
        try await services.lambda.deleteFunction(function)
        let functionName = configuration.functionName ?? function
        var result = DeleteResult(
            functionName: functionName, deleted: true, role: configuration.role,
            roleDeleted: false, roleKeptBecause: nil)
        guard deleteRole, let roleARN = configuration.role else { return result }
        let roleName = String(roleARN.split(separator: "/").last ?? "")
        let ownRole = RoleProvisioner.defaultRoleName(function: functionName)
        guard roleName == ownRole else {
            result.roleKeptBecause = "\(roleName) is not \(ownRole), the role lambdactl creates for this function; other functions may use it"
            return result
        }
        if try await RoleProvisioner(iam: services.iam).deleteIfCreatedByLambdactl(roleName) {
            result.roleDeleted = true
        } else {
            result.roleKeptBecause = "\(roleName) was not created by lambdactl (no lambdactl:created tag)"
        }
        return result
    }
}
