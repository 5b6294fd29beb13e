import AWSCore
import Foundation

/// Event-source mappings (`/2015-03-31/event-source-mappings`): Lambda polls a queue or stream
/// and invokes the function. Create and update answer 202 with the mapping in a transitional
/// state (`Creating`, `Updating`, …); see `MappingWaiter` in Deployment.
extension LambdaClient {
    static let mappingsPath = "/2015-03-31/event-source-mappings"

    static func mappingPath(_ uuid: String) -> String {
        mappingsPath + "/" + PercentEncoding.encode(uuid)
    }

    /// CreateEventSourceMapping (`POST /2015-03-31/event-source-mappings`). A second mapping for
    /// the same function and source is refused with 409 `ResourceConflictException` whose message
    /// names the existing UUID (see ``existingMappingUUID(in:)``).
    package func createEventSourceMapping(_ input: CreateEventSourceMappingInput) async throws -> EventSourceMapping {
        try await client.restJSON("CreateEventSourceMapping", method: "POST", path: Self.mappingsPath, input: input)
    }

    /// UpdateEventSourceMapping (`PUT …/{UUID}`): sends only the members `settings` sets. Refused
    /// with `ResourceInUseException` while the mapping is in transition.
    package func updateEventSourceMapping(uuid: String, settings: EventSourceMappingSettings) async throws
        -> EventSourceMapping
    {
        try await client.restJSON("UpdateEventSourceMapping", method: "PUT", path: Self.mappingPath(uuid), input: settings)
    }

    /// GetEventSourceMapping (`GET …/{UUID}`); nil for an unknown UUID (404 `ResourceNotFoundException`).
    package func getEventSourceMapping(uuid: String) async throws -> EventSourceMapping? {
        do {
            return try await client.restJSON("GetEventSourceMapping", method: "GET", path: Self.mappingPath(uuid))
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// DeleteEventSourceMapping (`DELETE …/{UUID}`): answers the mapping, now `Deleting`.
    @discardableResult
    package func deleteEventSourceMapping(uuid: String) async throws -> EventSourceMapping {
        try await client.restJSON("DeleteEventSourceMapping", method: "DELETE", path: Self.mappingPath(uuid))
    }

    /// ListEventSourceMappings, every page (`Marker`/`NextMarker`), by function and/or source ARN.
    package func listEventSourceMappings(function: String? = nil, sourceARN: String? = nil) async throws
        -> [EventSourceMapping]
    {
        var filter: [QueryItem] = []
        if let sourceARN { filter.append(QueryItem("EventSourceArn", sourceARN)) }
        if let function { filter.append(QueryItem("FunctionName", function)) }
        return try await Paginator.collect { marker in
            let page: Page<EventSourceMapping> = try await client.restJSON(
                "ListEventSourceMappings", method: "GET", path: Self.mappingsPath, query: filter + Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    /// The UUID of the existing mapping a refused create names. AWS words it per source: for SQS
    /// `An event source mapping with SQS arn (" arn:… ") and function (" f ") already exists.
    /// Please update or delete the existing mapping with UUID 2bac…`, for streams `The event
    /// source arn (" arn:… ") and function (" f ") provided mapping already exists. Please update
    /// or delete the existing mapping with UUID 9e5e…`. Nil when the error is not that.
    package static func existingMappingUUID(in error: AWSServiceError) -> String? {
        guard error.code == "ResourceConflictException", let range = error.message.range(of: "with UUID ") else {
            return nil
        }
        let uuid = error.message[range.upperBound...].prefix { $0.isHexDigit || $0 == "-" }
        return uuid.isEmpty ? nil : String(uuid)
    }
}
