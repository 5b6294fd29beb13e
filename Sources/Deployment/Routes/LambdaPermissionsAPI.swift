import AWSCore
import Foundation

/// `FunctionPermissions` and `FunctionLookup` over raw Lambda rest-json calls
/// (`/2015-03-31/functions/{name}/…`). A stand-in for the full Lambda client.
public struct LambdaPermissionsAPI: FunctionPermissions, FunctionLookup {
    /// A rest-json client for the Lambda endpoint.
    public let client: AWSClient

    /// Wraps a Lambda client.
    public init(client: AWSClient) {
        self.client = client
    }

    /// GetFunctionConfiguration's answer (the members used).
    struct Configuration: Decodable {
        var FunctionArn: String?
        var FunctionName: String?
        var Version: String?
        var LoggingConfig: Logging?
        /// `LoggingConfig`.
        struct Logging: Decodable { var LogGroup: String? }
    }

    /// GetAlias's answer (the members used).
    struct Alias: Decodable {
        var AliasArn: String?
        var FunctionVersion: String?
    }

    /// GetPolicy's answer: the policy document as a string.
    struct Policy: Decodable {
        var Policy: String?
    }

    private func path(_ function: String, _ tail: String) -> String {
        "/2015-03-31/functions/\(PercentEncoding.encode(function))/\(tail)"
    }

    private func query(_ qualifier: String?) -> [QueryItem] {
        qualifier.map { [QueryItem("Qualifier", $0)] } ?? []
    }

    /// GetFunctionConfiguration.
    /// A missing function is one line that says where to look, not the raw 404.
    func configuration(_ function: String) async throws -> Configuration {
        do {
            return try await client.restJSON(
                "GetFunctionConfiguration", method: "GET", path: path(function, "configuration"), as: Configuration.self)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw RoutesError(
                "function \(function) does not exist (\(error.message)); check the name with lambdactl list-functions and the region (--region)",
                category: .refused)
        }
    }

    public func functionARN(name: String, qualifier: String?) async throws -> String {
        let configuration = try await configuration(name)
        if let qualifier {
            // Checked before anything is created, so a mistyped alias leaves no integration behind.
            do {
                _ = try await client.restJSON(
                    "GetFunctionConfiguration", method: "GET", path: path(name, "configuration"), query: query(qualifier),
                    as: Configuration.self)
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
                throw RoutesError(
                    "function \(name) has no alias or version '\(qualifier)'; create it first (lambdactl alias or publish-version) or leave out --qualifier",
                    category: .refused)
            }
        }
        guard let text = configuration.FunctionArn, let arn = FunctionARN(text) else {
            throw AWSResponseDecodingError(operation: "GetFunctionConfiguration", detail: "no FunctionArn in the answer")
        }
        return arn.qualified(qualifier ?? (name.contains(":") ? FunctionARN(name)?.qualifier : nil))
    }

    public func policy(function: String, qualifier: String?) async throws -> [PolicyStatement] {
        do {
            let answer = try await client.restJSON(
                "GetPolicy", method: "GET", path: path(function, "policy"), query: query(qualifier), as: Policy.self)
            return PolicyStatement.parse(policyDocument: answer.Policy ?? "")
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return []
        }
    }

    public func addPermission(function: String, qualifier: String?, permission: PermissionRequest) async throws {
        _ = try await client.restJSON(
            "AddPermission", method: "POST", path: path(function, "policy"), query: query(qualifier), input: permission,
            as: Empty.self)
    }

    public func removePermission(function: String, qualifier: String?, statementID: String) async throws {
        _ = try await client.restJSON(
            "RemovePermission", method: "DELETE", path: path(function, "policy/\(PercentEncoding.encode(statementID))"),
            query: query(qualifier), as: Empty.self)
    }

    public func logGroup(function: String) async throws -> String {
        let configuration = try await configuration(function)
        if let group = configuration.LoggingConfig?.LogGroup, !group.isEmpty { return group }
        let name = configuration.FunctionName ?? FunctionARN(function)?.name ?? function
        return "/aws/lambda/\(name)"
    }

    public func version(function: String, qualifier: String) async throws -> String {
        if qualifier == "$LATEST" || qualifier.allSatisfy(\.isNumber) { return qualifier }
        let alias = try await client.restJSON(
            "GetAlias", method: "GET", path: path(function, "aliases/\(PercentEncoding.encode(qualifier))"),
            as: Alias.self)
        return alias.FunctionVersion ?? qualifier
    }
}
