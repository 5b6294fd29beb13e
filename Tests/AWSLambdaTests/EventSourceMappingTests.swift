import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSLambda

/// The event-source-mapping calls on the wire: bodies with every option triggers use, the
/// mapping decoded, `NextMarker` paging with the filters, 404 as nil, and the UUID that a
/// refused duplicate create names.
@Suite("The Lambda client's event-source mappings")
struct EventSourceMappingTests {
    let transport = ScriptedTransport()
    var lambda: LambdaClient { LambdaClient(context: testContext(transport), endpoint: testEndpoint("lambda")) }
    static let queue = "arn:aws:sqs:us-east-1:123456789012:orders"
    static let mapping = """
        {"UUID":"6f6e4c1a-0000-4000-8000-000000000001","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders",\
        "FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:live","State":"Creating",\
        "StateTransitionReason":"USER_INITIATED","BatchSize":50,"MaximumBatchingWindowInSeconds":5,\
        "ScalingConfig":{"MaximumConcurrency":4},"FunctionResponseTypes":["ReportBatchItemFailures"],\
        "FilterCriteria":{"Filters":[{"Pattern":"{\\"body\\":{\\"type\\":[\\"order\\"]}}"}]},"LastModified":1.7e9,\
        "EventSourceMappingArn":"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:6f6e4c1a-0000-4000-8000-000000000001"}
        """

    @Test("CreateEventSourceMapping posts source, function, settings and tags in one object and decodes the mapping")
    func create() async throws {
        transport.on("POST /2015-03-31/event-source-mappings", json(202, Self.mapping))
        let settings = EventSourceMappingSettings(
            batchSize: 50, maximumBatchingWindowInSeconds: 5, scalingConfig: ScalingConfig(maximumConcurrency: 4),
            functionResponseTypes: ["ReportBatchItemFailures"], filterCriteria: FilterCriteria(patterns: [#"{"body":{"type":["order"]}}"#]),
            enabled: true)
        let mapping = try await lambda.createEventSourceMapping(
            CreateEventSourceMappingInput(functionName: "f:live", eventSourceARN: Self.queue, settings: settings,
                tags: ["lambdactl:function": "f"]))
        #expect(mapping.uuid == "6f6e4c1a-0000-4000-8000-000000000001" && mapping.state == "Creating")
        #expect(mapping.settings == settings.with(enabled: nil))
        #expect(mapping.eventSourceMappingARN?.hasSuffix(":event-source-mapping:6f6e4c1a-0000-4000-8000-000000000001") == true)
        #expect(jsonBody(transport.sent[0]) as NSDictionary == [
            "FunctionName": "f:live", "EventSourceArn": Self.queue, "BatchSize": 50, "MaximumBatchingWindowInSeconds": 5,
            "ScalingConfig": ["MaximumConcurrency": 4], "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "FilterCriteria": ["Filters": [["Pattern": #"{"body":{"type":["order"]}}"#]]], "Enabled": true,
            "Tags": ["lambdactl:function": "f"],
        ])
    }

    @Test("a stream mapping sends its starting position and stream options; an update sends only what it sets")
    func streamOptionsAndUpdate() async throws {
        transport.on("POST /2015-03-31/event-source-mappings", json(202, #"{"UUID":"u1","State":"Creating"}"#))
        transport.on("PUT /2015-03-31/event-source-mappings/{uuid}", json(202, #"{"UUID":"u1","State":"Updating","BatchSize":10}"#))
        let stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
        _ = try await lambda.createEventSourceMapping(
            CreateEventSourceMappingInput(
                functionName: "f", eventSourceARN: stream, startingPosition: "TRIM_HORIZON",
                settings: EventSourceMappingSettings(
                    parallelizationFactor: 2, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3,
                    maximumRecordAgeInSeconds: 3600, destinationConfig: DestinationConfig(onFailure: Destination(Self.queue)))))
        #expect(jsonBody(transport.sent[0]) as NSDictionary == [
            "FunctionName": "f", "EventSourceArn": stream, "StartingPosition": "TRIM_HORIZON", "ParallelizationFactor": 2,
            "BisectBatchOnFunctionError": true, "MaximumRetryAttempts": 3, "MaximumRecordAgeInSeconds": 3600,
            "DestinationConfig": ["OnFailure": ["Destination": Self.queue]],
        ])
        let updated = try await lambda.updateEventSourceMapping(uuid: "u1", settings: EventSourceMappingSettings(batchSize: 10, enabled: false))
        #expect(updated.state == "Updating" && updated.settings.batchSize == 10)
        #expect(transport.sent[1].path == "/2015-03-31/event-source-mappings/u1")
        #expect(jsonBody(transport.sent[1]) as NSDictionary == ["BatchSize": 10, "Enabled": false])
    }

    @Test("ListEventSourceMappings filters by source and function and follows NextMarker")
    func list() async throws {
        transport.on(
            "GET /2015-03-31/event-source-mappings",
            json(200, #"{"EventSourceMappings":[{"UUID":"a","State":"Enabled"}],"NextMarker":"m1"}"#),
            json(200, #"{"EventSourceMappings":[{"UUID":"b","State":"Disabled","FilterCriteria":{}}]}"#))
        let mappings = try await lambda.listEventSourceMappings(function: "f", sourceARN: Self.queue)
        #expect(mappings.map(\.uuid) == ["a", "b"])
        #expect(mappings[1].settings.filterCriteria?.patterns == [])
        #expect(transport.sent.map(\.query) == [
            [QueryItem("EventSourceArn", Self.queue), QueryItem("FunctionName", "f")],
            [QueryItem("EventSourceArn", Self.queue), QueryItem("FunctionName", "f"), QueryItem("Marker", "m1")],
        ])
    }

    @Test("GetEventSourceMapping answers nil for an unknown UUID; Delete answers the mapping Deleting")
    func getAndDelete() async throws {
        transport.on(
            "GET /2015-03-31/event-source-mappings/{uuid}",
            restJSONError(404, "ResourceNotFoundException", "The resource you requested does not exist."))
        transport.on("DELETE /2015-03-31/event-source-mappings/{uuid}", json(202, #"{"UUID":"u1","State":"Deleting"}"#))
        #expect(try await lambda.getEventSourceMapping(uuid: "nope") == nil)
        #expect(try await lambda.deleteEventSourceMapping(uuid: "u1").state == "Deleting")
    }

    @Test("a mapping's tags are set and read by its ARN, one encoded path segment")
    func tags() async throws {
        let arn = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:u1"
        transport.on("POST /2017-03-31/tags/{arn}", HTTPResponse(status: 204))
        transport.on("GET /2017-03-31/tags/{arn}", json(200, #"{"Tags":{"lambdactl:function":"f"}}"#), json(200, "{}"))
        try await lambda.tagResource(arn, tags: ["lambdactl:function": "f"])
        #expect(try await lambda.listTags(arn) == ["lambdactl:function": "f"])
        #expect(try await lambda.listTags(arn) == [:])
        #expect(transport.sent[0].path == "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Aevent-source-mapping%3Au1")
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["Tags": ["lambdactl:function": "f"]])
    }

    @Test("a duplicate create is a 409 whose message names the existing UUID, worded as AWS words it for SQS and streams")
    func duplicate() async throws {
        transport.on(
            "POST /2015-03-31/event-source-mappings",
            restJSONError(
                409, "ResourceConflictException",
                #"An event source mapping with SQS arn (\" arn:aws:sqs:us-east-1:123456789012:orders \") and function (\" f \") already exists. Please update or delete the existing mapping with UUID 2bac96f9-a36e-4017-a5a4-aa977086a2b6"#,
                requestID: "dup-1"))
        let error = await #expect(throws: AWSServiceError.self) {
            try await lambda.createEventSourceMapping(CreateEventSourceMappingInput(functionName: "f", eventSourceARN: Self.queue))
        }
        let refused = try #require(error)
        #expect(refused.status == 409 && refused.requestID == "dup-1")
        #expect(LambdaClient.existingMappingUUID(in: refused) == "2bac96f9-a36e-4017-a5a4-aa977086a2b6")
        let stream = AWSServiceError(
            code: "ResourceConflictException",
            message: #"The event source arn (" arn:aws:kinesis:us-east-1:1:stream/s ") and function (" f ") provided mapping already exists. Please update or delete the existing mapping with UUID 106257e3-ec6a-4fb2-af2d-f26f163a603d"#,
            requestID: nil, status: 409, operation: "CreateEventSourceMapping")
        #expect(LambdaClient.existingMappingUUID(in: stream) == "106257e3-ec6a-4fb2-af2d-f26f163a603d")
        let other = AWSServiceError(code: "ResourceConflictException", message: "An update is in progress", requestID: nil, status: 409, operation: nil)
        #expect(LambdaClient.existingMappingUUID(in: other) == nil)
    }
}

extension EventSourceMappingSettings {
    func with(enabled: Bool?) -> EventSourceMappingSettings {
        var copy = self
        copy.enabled = enabled
        return copy
    }
}
