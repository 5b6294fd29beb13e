import AWSCore
import Foundation

extension LambdaClient {
    /// `/{version}/functions/{name}/{resource}`, the name as one encoded segment (the
    /// concurrency and event-invoke APIs live under API versions of their own).
    static func functionPath(version: String, _ name: String, _ resource: String) -> String {
        "/\(version)/functions/" + PercentEncoding.encode(name) + "/" + resource
    }

    // MARK: Reserved concurrency

    /// PutFunctionConcurrency (`PUT /2017-10-31/functions/{name}/concurrency`).
    @discardableResult
    package func putFunctionConcurrency(_ name: String, reserved: Int) async throws -> FunctionConcurrency {
        try await client.restJSON(
            "PutFunctionConcurrency", method: "PUT", path: Self.functionPath(version: "2017-10-31", name, "concurrency"),
            input: FunctionConcurrency(reservedConcurrentExecutions: reserved))
    }

    /// GetFunctionConcurrency (`GET /2019-09-30/functions/{name}/concurrency`); nil when none is reserved.
    package func getFunctionConcurrency(_ name: String) async throws -> Int? {
        let answer: FunctionConcurrency = try await client.restJSON(
            "GetFunctionConcurrency", method: "GET", path: Self.functionPath(version: "2019-09-30", name, "concurrency"))
        return answer.reservedConcurrentExecutions
    }

    /// DeleteFunctionConcurrency (`DELETE /2017-10-31/functions/{name}/concurrency`).
    package func deleteFunctionConcurrency(_ name: String) async throws {
        let _: Empty = try await client.restJSON(
            "DeleteFunctionConcurrency", method: "DELETE",
            path: Self.functionPath(version: "2017-10-31", name, "concurrency"))
    }

    // MARK: Provisioned concurrency

    struct ProvisionedBody: Encodable {
        var executions: Int
        enum CodingKeys: String, CodingKey { case executions = "ProvisionedConcurrentExecutions" }
    }

    static func provisionedPath(_ name: String) -> String {
        functionPath(version: "2019-09-30", name, "provisioned-concurrency")
    }

    /// PutProvisionedConcurrencyConfig (`PUT …/provisioned-concurrency?Qualifier=`; HTTP 202, `IN_PROGRESS`).
    package func putProvisionedConcurrency(_ name: String, qualifier: String, executions: Int) async throws
        -> ProvisionedConcurrencyConfig
    {
        try await client.restJSON(
            "PutProvisionedConcurrencyConfig", method: "PUT", path: Self.provisionedPath(name),
            query: [QueryItem("Qualifier", qualifier)], input: ProvisionedBody(executions: executions))
    }

    /// GetProvisionedConcurrencyConfig; nil when the qualifier has none
    /// (`ProvisionedConcurrencyConfigNotFoundException`).
    package func getProvisionedConcurrency(_ name: String, qualifier: String) async throws
        -> ProvisionedConcurrencyConfig?
    {
        do {
            return try await client.restJSON(
                "GetProvisionedConcurrencyConfig", method: "GET", path: Self.provisionedPath(name),
                query: [QueryItem("Qualifier", qualifier)])
        } catch let error as AWSServiceError where error.code == "ProvisionedConcurrencyConfigNotFoundException" {
            return nil
        }
    }

    /// DeleteProvisionedConcurrencyConfig (HTTP 204).
    package func deleteProvisionedConcurrency(_ name: String, qualifier: String) async throws {
        let _: Empty = try await client.restJSON(
            "DeleteProvisionedConcurrencyConfig", method: "DELETE", path: Self.provisionedPath(name),
            query: [QueryItem("Qualifier", qualifier)])
    }

    /// ListProvisionedConcurrencyConfigs, every page (`GET …/provisioned-concurrency?List=ALL`).
    package func listProvisionedConcurrency(_ name: String) async throws -> [ProvisionedConcurrencyConfig] {
        try await Paginator.collect { marker in
            let page: Page<ProvisionedConcurrencyConfig> = try await client.restJSON(
                "ListProvisionedConcurrencyConfigs", method: "GET", path: Self.provisionedPath(name),
                query: [QueryItem("List", "ALL")] + Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    // MARK: Account

    /// GetAccountSettings (`GET /2016-08-19/account-settings`).
    package func getAccountSettings() async throws -> AccountSettings {
        try await client.restJSON("GetAccountSettings", method: "GET", path: "/2016-08-19/account-settings")
    }
}
