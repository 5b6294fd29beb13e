import AWSCore
import Foundation

extension LambdaClient {
    struct PolicyAnswer: Decodable {
        var policy: String?
        enum CodingKeys: String, CodingKey { case policy = "Policy" }
    }

    /// AddPermission (`POST …/{name}/policy`).
    package func addPermission(_ name: String, statement: PermissionStatement, qualifier: String? = nil) async throws {
        let _: Empty = try await client.restJSON(
            "AddPermission", method: "POST", path: Self.functionPath(name, "/policy"),
            query: Self.qualifierQuery(qualifier), input: statement)
    }

    /// RemovePermission (`DELETE …/{name}/policy/{statementID}`).
    package func removePermission(_ name: String, statementID: String, qualifier: String? = nil) async throws {
        let _: Empty = try await client.restJSON(
            "RemovePermission", method: "DELETE",
            path: Self.functionPath(name, "/policy/" + PercentEncoding.encode(statementID)),
            query: Self.qualifierQuery(qualifier))
    }

    /// The function's resource policy document (JSON text); nil when it has none
    /// (GetPolicy answers 404 ResourceNotFoundException then).
    package func policyDocument(_ name: String, qualifier: String? = nil) async throws -> String? {
        do {
            let answer: PolicyAnswer = try await client.restJSON(
                "GetPolicy", method: "GET", path: Self.functionPath(name, "/policy"),
                query: Self.qualifierQuery(qualifier))
            return answer.policy
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    // MARK: Function URLs (2021-10-31)

    static func urlPath(_ name: String) -> String {
        "/2021-10-31/functions/" + PercentEncoding.encode(name) + "/url"
    }

    struct URLConfigBody: Encodable {
        var authType: String
        var cors: CORS?
        enum CodingKeys: String, CodingKey { case authType = "AuthType", cors = "Cors" }
    }

    /// GetFunctionUrlConfig; nil when the function has no URL.
    package func getFunctionURLConfig(_ name: String, qualifier: String? = nil) async throws -> FunctionURLConfig? {
        do {
            return try await client.restJSON(
                "GetFunctionUrlConfig", method: "GET", path: Self.urlPath(name), query: Self.qualifierQuery(qualifier))
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// CreateFunctionUrlConfig.
    package func createFunctionURLConfig(_ name: String, authType: String, cors: CORS?, qualifier: String? = nil)
        async throws -> FunctionURLConfig
    {
        try await client.restJSON(
            "CreateFunctionUrlConfig", method: "POST", path: Self.urlPath(name),
            query: Self.qualifierQuery(qualifier), input: URLConfigBody(authType: authType, cors: cors))
    }

    /// UpdateFunctionUrlConfig.
    package func updateFunctionURLConfig(_ name: String, authType: String, cors: CORS?, qualifier: String? = nil)
        async throws -> FunctionURLConfig
    {
        try await client.restJSON(
            "UpdateFunctionUrlConfig", method: "PUT", path: Self.urlPath(name),
            query: Self.qualifierQuery(qualifier), input: URLConfigBody(authType: authType, cors: cors))
    }

    /// DeleteFunctionUrlConfig (HTTP 204).
    package func deleteFunctionURLConfig(_ name: String, qualifier: String? = nil) async throws {
        let _: Empty = try await client.restJSON(
            "DeleteFunctionUrlConfig", method: "DELETE", path: Self.urlPath(name), query: Self.qualifierQuery(qualifier))
    }
}
