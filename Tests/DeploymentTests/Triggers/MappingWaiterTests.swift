import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// The mapping waiter on a manual clock: it waits through every transitional state, stops at
/// once on an unexpected `Disabled` with AWS's reason, waits out `ResourceInUseException`, and
/// gives up at the deadline.
@Suite("The event-source-mapping waiter")
struct MappingWaiterTests {
    static let route = "GET /2015-03-31/event-source-mappings/{uuid}"

    static func mapping(_ state: String, reason: String? = nil) -> HTTPResponse {
        var object: [String: Any] = ["UUID": "u1", "State": state, "EventSourceArn": "arn:aws:sqs:us-east-1:123456789012:orders"]
        if let reason { object["StateTransitionReason"] = reason }
        return jsonResponse(200, object)
    }

    func waiter(_ transport: ScriptedTransport, clock: ManualClock, timeout: Duration = .seconds(600)) -> MappingWaiter {
        MappingWaiter(
            lambda: LambdaClient(context: testContext(transport, clock: clock), endpoint: testEndpoint("lambda")),
            time: clock.timeSource, timeout: timeout)
    }

    @Test("readiness: transitional states are busy; Disabled fails only when the mapping should poll", arguments: [
        ("Creating", nil as Bool?, "busy"), ("Enabling", true, "busy"), ("Updating", nil, "busy"), ("Disabling", false, "busy"),
        ("Deleting", nil, "busy"), ("Enabled", true, "ready"), ("Disabled", false, "ready"), ("Disabled", nil, "ready"),
        ("Disabled", true, "failed"),
    ])
    func readiness(state: String, enabled: Bool?, expected: String) {
        switch MappingWaiter.readiness(of: EventSourceMapping(uuid: "u1", state: state), enabled: enabled) {
        case .ready: #expect(expected == "ready")
        case .busy(let seen): #expect(expected == "busy" && seen == state)
        case .failed: #expect(expected == "failed")
        }
    }

    @Test("waits through Creating and Enabling with growing pauses on the injected clock, then returns the mapping")
    func waitsThroughStates() async throws {
        let transport = ScriptedTransport()
        transport.on(Self.route, Self.mapping("Creating"), Self.mapping("Enabling"), Self.mapping("Enabling"), Self.mapping("Enabled"))
        let clock = ManualClock()
        let mapping = try await waiter(transport, clock: clock).waitUntilSettled("u1", enabled: true)
        #expect(mapping.state == "Enabled")
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
        #expect(transport.sent.count == 4)
    }

    @Test("a mapping already in hand that is settled needs no poll")
    func currentSettled() async throws {
        let transport = ScriptedTransport()
        let clock = ManualClock()
        let mapping = try await waiter(transport, clock: clock).waitUntilSettled("u1", current: EventSourceMapping(uuid: "u1", state: "Enabled"))
        #expect(mapping.uuid == "u1" && transport.sent.isEmpty && clock.sleeps.isEmpty)
    }

    @Test("ending Disabled when it should poll fails at once with StateTransitionReason")
    func failsFast() async throws {
        let transport = ScriptedTransport()
        let reason = "PROBLEM: Function call failed. The role does not have permissions to call ReceiveMessage on SQS"
        transport.on(Self.route, Self.mapping("Updating"), Self.mapping("Disabled", reason: reason))
        let clock = ManualClock()
        let error = await #expect(throws: LifecycleError.self) { try await waiter(transport, clock: clock).waitUntilSettled("u1", enabled: true) }
        #expect(error?.category == .waitFailed)
        #expect(error?.message == "event source mapping u1 ended Disabled (arn:aws:sqs:us-east-1:123456789012:orders): \(reason)")
        #expect(clock.sleeps.count == 1)
    }

    @Test("gives up at the deadline naming the state it is still in")
    func deadline() async throws {
        let transport = ScriptedTransport()
        transport.on(Self.route, Self.mapping("Updating"))
        let clock = ManualClock()
        let error = await #expect(throws: LifecycleError.self) {
            try await waiter(transport, clock: clock, timeout: .seconds(10)).waitUntilSettled("u1")
        }
        #expect(error?.message.contains("still Updating") == true)
        #expect(error?.hint == .raiseWaitTimeout)
        #expect(clock.elapsed == 10)
    }

    @Test("mutate waits first, and waits out a ResourceInUseException before the change goes through")
    func mutateWaitsOutInUse() async throws {
        let transport = ScriptedTransport()
        transport.on(Self.route, Self.mapping("Updating"), Self.mapping("Enabled"))
        transport.on(
            "PUT /2015-03-31/event-source-mappings/{uuid}",
            restJSONError(400, "ResourceInUseException", "Cannot update the event source mapping because it is in use."),
            json(202, #"{"UUID":"u1","State":"Updating"}"#))
        let clock = ManualClock()
        let lambda = LambdaClient(context: testContext(transport, clock: clock), endpoint: testEndpoint("lambda"))
        let waiter = waiter(transport, clock: clock)
        let updated = try await waiter.mutate("u1") {
            try await lambda.updateEventSourceMapping(uuid: "u1", settings: EventSourceMappingSettings(batchSize: 5))
        }
        #expect(updated.state == "Updating")
        let get = "GET /2015-03-31/event-source-mappings/u1", put = "PUT /2015-03-31/event-source-mappings/u1"
        #expect(transport.routes == [get, get, put, get, put])
    }

    @Test("after a delete it waits until the mapping is gone (404)")
    func deleted() async throws {
        let transport = ScriptedTransport()
        transport.on(Self.route, Self.mapping("Deleting"), restJSONError(404, "ResourceNotFoundException", "gone"))
        let clock = ManualClock()
        try await waiter(transport, clock: clock).waitUntilDeleted("u1")
        #expect(transport.sent.count == 2 && clock.sleeps == [.milliseconds(500)])
    }
}
