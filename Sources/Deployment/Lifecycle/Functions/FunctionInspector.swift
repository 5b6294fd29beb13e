import AWSCore
import AWSLambda
import Foundation

/// `get-function`, `list-functions` and `delete-function`.
public struct FunctionInspector: Sendable {
    /// What delete-function did.
    public struct DeleteResult: Sendable, Encodable, Equatable {
        public var functionName: String
        public var deleted: Bool
        public var role: String?
        public var roleDeleted: Bool
        /// Why the role was kept, when `--delete-role` was given and it was.
        public var roleKeptBecause: String?
    }

    /// The shared services.
    public var services: LifecycleServices

    /// Creates the use case.
    public init(services: LifecycleServices) {
        self.services = services
    }

    /// The function's configuration and tags.
    public func get(_ function: String, qualifier: String? = nil) async throws -> FunctionDetails {
        try NameRules.checkQualifier(qualifier)
        return try await services.lambda.getFunction(function, qualifier: qualifier)
    }

    /// Every function in the region, sorted by name.
    public func list() async throws -> [FunctionConfiguration] {
        try await services.lambda.listFunctions().sorted { ($0.functionName ?? "") < ($1.functionName ?? "") }
    }

    /// Deletes the function, then its role when asked and only when lambdactl created it for this
    /// function (`lambdactl-NAME-role`): a lambdactl role passed to another function with `--role`
    /// may still serve that one and is kept.
    public func delete(_ function: String, deleteRole: Bool) async throws -> DeleteResult {
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
