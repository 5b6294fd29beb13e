import AWSCore
import Foundation

extension LambdaClient {
    static func eventInvokePath(_ name: String) -> String {
        functionPath(version: "2019-09-25", name, "event-invoke-config")
    }

    /// PutFunctionEventInvokeConfig (`PUT /2019-09-25/functions/{name}/event-invoke-config`):
    /// replaces the whole configuration (what `config` leaves out goes back to Lambda's default).
    @discardableResult
    package func putEventInvokeConfig(_ name: String, qualifier: String? = nil, _ config: EventInvokeConfig)
        async throws -> EventInvokeConfig
    {
        try await client.restJSON(
            "PutFunctionEventInvokeConfig", method: "PUT", path: Self.eventInvokePath(name),
            query: Self.qualifierQuery(qualifier), input: config.request)
    }

    /// UpdateFunctionEventInvokeConfig (`POST …/event-invoke-config`): changes only what `config` gives.
    @discardableResult
    package func updateEventInvokeConfig(_ name: String, qualifier: String? = nil, _ config: EventInvokeConfig)
        async throws -> EventInvokeConfig
    {
        try await client.restJSON(
            "UpdateFunctionEventInvokeConfig", method: "POST", path: Self.eventInvokePath(name),
            query: Self.qualifierQuery(qualifier), input: config.request)
    }

    /// GetFunctionEventInvokeConfig; nil when the function (or qualifier) has none (404).
    package func getEventInvokeConfig(_ name: String, qualifier: String? = nil) async throws -> EventInvokeConfig? {
        do {
            return try await client.restJSON(
                "GetFunctionEventInvokeConfig", method: "GET", path: Self.eventInvokePath(name),
                query: Self.qualifierQuery(qualifier))
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// ListFunctionEventInvokeConfigs (`GET …/event-invoke-config/list`), every page
    /// (`Marker`/`NextMarker`): the configuration of each qualifier that has one, each item naming
    /// its function, version or alias in `FunctionArn`.
    package func listEventInvokeConfigs(_ name: String) async throws -> [EventInvokeConfig] {
        try await Paginator.collect { marker in
            let page: Page<EventInvokeConfig> = try await client.restJSON(
                "ListFunctionEventInvokeConfigs", method: "GET", path: Self.eventInvokePath(name) + "/list",
                query: Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    /// DeleteFunctionEventInvokeConfig (HTTP 204).
    package func deleteEventInvokeConfig(_ name: String, qualifier: String? = nil) async throws {
        let _: Empty = try await client.restJSON(
            "DeleteFunctionEventInvokeConfig", method: "DELETE", path: Self.eventInvokePath(name),
            query: Self.qualifierQuery(qualifier))
    }
}

extension EventInvokeConfig {
    /// The request body: the settable members only (never `FunctionArn`).
    var request: EventInvokeConfig {
        EventInvokeConfig(
            maximumRetryAttempts: maximumRetryAttempts, maximumEventAgeInSeconds: maximumEventAgeInSeconds,
            destinationConfig: destinationConfig)
    }
}
