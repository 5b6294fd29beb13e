import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("The function waiter")
struct FunctionWaiterTests {
    static let path = "GET /2015-03-31/functions/f/configuration"

    @Test(
        "readiness is decided from State and LastUpdateStatus",
        arguments: [
            ("Active", "Successful", "ready"), ("Inactive", "Successful", "ready"), ("Pending", "Successful", "busy"),
            ("Active", "InProgress", "busy"), ("Failed", "Successful", "failed"), ("Active", "Failed", "failed"),
        ])
    func readiness(state: String, update: String, expected: String) {
        let config = FunctionConfiguration(functionName: "f", state: state, lastUpdateStatus: update)
        switch FunctionWaiter.readiness(of: config) {
        case .ready: #expect(expected == "ready")
        case .busy: #expect(expected == "busy")
        case .failed: #expect(expected == "failed")
        }
    }

    @Test("before a change, a previous Failed update does not block (it is how the user fixes it); State Failed does")
    func failedUpdateAllowsTheNextChange() {
        let failedUpdate = FunctionConfiguration(functionName: "f", state: "Active", lastUpdateStatus: "Failed")
        #expect(FunctionWaiter.readiness(of: failedUpdate, beforeChange: true) == .ready)
        if case .failed = FunctionWaiter.readiness(of: failedUpdate) {} else { Issue.record("after a change, Failed must stop") }
        let failedState = FunctionConfiguration(functionName: "f", state: "Failed", lastUpdateStatus: "Successful")
        if case .failed = FunctionWaiter.readiness(of: failedState, beforeChange: true) {} else { Issue.record("State Failed must stop") }
    }

    @Test("update-config on a function whose last update failed sends the update and waits for it")
    func updateAfterFailedUpdate() async throws {
        let harness = Harness()
        let failed = #","LastUpdateStatusReasonCode":"InvalidRuntime","LastUpdateStatusReason":"bad runtime""#
        harness.transport.on(
            Self.path, json(200, configuration(update: "Failed", extra: failed)), json(200, configuration(memory: 512)))
        harness.transport.on("PUT /2015-03-31/functions/f/configuration", json(200, configuration(update: "InProgress", memory: 512)))
        let result = try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration(memorySize: 512))
        #expect(result.changed)
        #expect(harness.transport.count("PUT /2015-03-31/functions/f/configuration") == 1)
    }

    @Test("backoff starts at 250 ms, doubles and is capped at 5 s")
    func backoff() {
        let harness = Harness()
        let waiter = harness.services().waiter
        let delays = (1...8).map { waiter.delay(afterAttempt: $0) }
        #expect(delays == [
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5),
            .seconds(5),
        ])
    }

    @Test("polls with growing delays until Active and Successful, reporting progress")
    func pollsUntilReady() async throws {
        let harness = Harness()
        harness.transport.on(
            Self.path, json(200, configuration(state: "Pending")), json(200, configuration(update: "InProgress")),
            json(200, configuration(update: "InProgress")), json(200, configuration()))
        let ready = try await harness.services().waiter.waitUntilReady("f")
        #expect(ready.state == "Active")
        #expect(harness.clock.sleeps == [.milliseconds(250), .milliseconds(500), .seconds(1)])
        #expect(harness.transport.count(Self.path) == 4)
        #expect(harness.progress.lines.first == "f: waiting for update… Pending 0s")
        #expect(harness.progress.lines.last?.hasPrefix("f: waiting for update… InProgress") == true)
    }

    @Test("a poll still throttled after the client's retries keeps the wait going until its deadline")
    func throttledPollKeepsWaiting() async throws {
        let harness = Harness()
        let throttled = restJSONError(429, "TooManyRequestsException", "Rate exceeded")
        harness.transport.on(Self.path, throttled, throttled, throttled, json(200, configuration()))
        let ready = try await harness.services().waiter.waitUntilReady("f")
        #expect(ready.state == "Active")
        #expect(harness.progress.lines.first == "f: waiting for update… throttled 0s")
    }

    @Test("a Failed update stops at once with the reason code and reason")
    func failedStops() async throws {
        let harness = Harness()
        harness.transport.on(
            Self.path,
            json(200, configuration(
                update: "Failed",
                extra: #","LastUpdateStatusReasonCode":"InvalidRuntime","LastUpdateStatusReason":"bad runtime""#)))
        let error = await #expect(throws: LifecycleError.self) { try await harness.services().waiter.waitUntilReady("f") }
        #expect(error?.category == .waitFailed)
        #expect(error?.message == "f: LastUpdateStatus Failed (InvalidRuntime): bad runtime")
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test("gives up after --wait-timeout with a .waitFailed error")
    func timesOut() async throws {
        let harness = Harness()
        harness.transport.on(Self.path, json(200, configuration(update: "InProgress")))
        let error = await #expect(throws: LifecycleError.self) {
            try await harness.services(timeout: .seconds(20)).waiter.waitUntilReady("f")
        }
        #expect(error?.category == .waitFailed)
        #expect(error?.message.hasPrefix("gave up waiting after") == true)
        #expect(harness.clock.elapsed == 20, "the last pause is cut to the deadline")
        #expect(error?.message.contains("after 20s") == true)
    }

    @Test("mutate waits out a 409 conflict and retries the call")
    func retriesConflict() async throws {
        let harness = Harness()
        harness.transport.on(Self.path, json(200, configuration()))
        harness.transport.on(
            "PUT /2015-03-31/functions/f/configuration",
            restJSONError(409, "ResourceConflictException", "An update is in progress"),
            json(200, configuration(update: "InProgress")))
        let services = harness.services()
        let result = try await services.waiter.mutate("f") {
            try await services.lambda.updateFunctionConfiguration("f", changes: ConfigurationChanges(timeout: 9))
        }
        #expect(result.lastUpdateStatus == "InProgress")
        #expect(harness.transport.routes == [
            Self.path, "PUT /2015-03-31/functions/f/configuration", Self.path, "PUT /2015-03-31/functions/f/configuration",
        ])
    }

    @Test("mutate gives up on 409 after a bounded number of retries")
    func conflictRetriesAreBounded() async throws {
        let harness = Harness()
        harness.transport.on(Self.path, json(200, configuration()))
        harness.transport.on(
            "PUT /2015-03-31/functions/f/configuration", restJSONError(409, "ResourceConflictException", "busy"))
        let services = harness.services()
        await #expect(throws: AWSServiceError.self) {
            try await services.waiter.mutate("f") {
                try await services.lambda.updateFunctionConfiguration("f", changes: ConfigurationChanges(timeout: 9))
            }
        }
        #expect(harness.transport.count("PUT /2015-03-31/functions/f/configuration") == 6)
    }
}
