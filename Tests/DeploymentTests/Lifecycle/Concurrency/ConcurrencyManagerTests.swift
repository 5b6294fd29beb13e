import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// ConcurrencyManager and ProvisionedConcurrencyWaiter over a scripted Lambda and a manual clock.
@Suite("Reserved and provisioned concurrency")
struct ConcurrencyManagerTests {
    let harness = Harness()
    var manager: ConcurrencyManager { ConcurrencyManager(services: harness.services()) }

    static let inProgress = #"{"RequestedProvisionedConcurrentExecutions":5,"AllocatedProvisionedConcurrentExecutions":0,"Status":"IN_PROGRESS"}"#
    static let ready = #"{"RequestedProvisionedConcurrentExecutions":5,"AllocatedProvisionedConcurrentExecutions":5,"Status":"READY"}"#

    func routeFunction() {
        harness.transport.on("GET /2015-03-31/functions/{name}/configuration", json(200, configuration()))
    }

    @Test("a put waits through IN_PROGRESS until READY, with progress, and reports old → new")
    func waitsForReady() async throws {
        routeFunction()
        harness.transport.on(
            "GET /2019-09-30/functions/{name}/provisioned-concurrency",
            restJSONError(404, "ProvisionedConcurrencyConfigNotFoundException", "none"),
            json(200, Self.inProgress), json(200, Self.inProgress), json(200, Self.ready))
        harness.transport.on("PUT /2019-09-30/functions/{name}/provisioned-concurrency", json(202, Self.inProgress))
        let change = try await manager.applyProvisioned("f", qualifier: "live", .set(5))
        #expect(change == FieldChange("provisioned_concurrency[live]", old: nil, new: "5"))
        #expect(harness.transport.count("PUT /2019-09-30/functions/{name}/provisioned-concurrency") == 1)
        #expect(harness.transport.count("GET /2019-09-30/functions/{name}/provisioned-concurrency") == 4)
        #expect(harness.progress.lines.contains { $0.contains("IN_PROGRESS (allocated 0 of 5)") })
        #expect(harness.clock.sleeps.count == 3)
    }

    @Test("FAILED stops the wait at once with AWS's StatusReason, as a wait failure")
    func failedStops() async throws {
        routeFunction()
        harness.transport.on(
            "GET /2019-09-30/functions/{name}/provisioned-concurrency",
            restJSONError(404, "ProvisionedConcurrencyConfigNotFoundException", "none"),
            json(200, #"{"RequestedProvisionedConcurrentExecutions":5,"Status":"FAILED","StatusReason":"FUNCTION_ERROR_INIT_FAILURE"}"#))
        harness.transport.on("PUT /2019-09-30/functions/{name}/provisioned-concurrency", json(202, Self.inProgress))
        let error = await #expect(throws: LifecycleError.self) {
            try await manager.applyProvisioned("f", qualifier: "live", .set(5))
        }
        #expect(error?.category == .waitFailed)
        #expect(error?.message.contains("provisioned concurrency FAILED: FUNCTION_ERROR_INIT_FAILURE") == true)
        #expect(harness.clock.sleeps.count == 1)
    }

    @Test("the same value READY writes nothing; the same value FAILED is asked for again")
    func idempotent() async throws {
        harness.transport.on("GET /2019-09-30/functions/{name}/provisioned-concurrency", json(200, Self.ready))
        #expect(try await manager.applyProvisioned("f", qualifier: "live", .set(5)) == nil)
        #expect(harness.transport.count("PUT /2019-09-30/functions/{name}/provisioned-concurrency") == 0)
        let retry = Harness()
        retry.transport.on("GET /2015-03-31/functions/{name}/configuration", json(200, configuration()))
        retry.transport.on(
            "GET /2019-09-30/functions/{name}/provisioned-concurrency",
            json(200, #"{"RequestedProvisionedConcurrentExecutions":5,"Status":"FAILED","StatusReason":"x"}"#), json(200, Self.ready))
        retry.transport.on("PUT /2019-09-30/functions/{name}/provisioned-concurrency", json(202, Self.inProgress))
        _ = try await ConcurrencyManager(services: retry.services()).applyProvisioned("f", qualifier: "live", .set(5))
        #expect(retry.transport.count("PUT /2019-09-30/functions/{name}/provisioned-concurrency") == 1)
    }

    @Test("reserved concurrency is written only when it differs, and removed with DELETE")
    func reserved() async throws {
        routeFunction()
        harness.transport.on(
            "GET /2019-09-30/functions/{name}/concurrency", json(200, #"{"ReservedConcurrentExecutions":20}"#))
        harness.transport.on("DELETE /2017-10-31/functions/{name}/concurrency", HTTPResponse(status: 204))
        #expect(try await manager.applyReserved("f", .set(20)) == nil)
        #expect(harness.transport.count("PUT /2017-10-31/functions/{name}/concurrency") == 0)
        let removed = try await manager.applyReserved("f", .remove)
        #expect(removed == FieldChange("reserved_concurrency", old: "20", new: "(none)"))
        #expect(harness.transport.count("DELETE /2017-10-31/functions/{name}/concurrency") == 1)
    }

    @Test("reserved concurrency 0 is reported with a warning that every invocation is throttled")
    func zeroWarns() async throws {
        harness.transport.on("GET /2019-09-30/functions/{name}/concurrency", json(200, #"{"ReservedConcurrentExecutions":0}"#))
        harness.transport.on("GET /2019-09-30/functions/{name}/provisioned-concurrency", json(200, #"{"ProvisionedConcurrencyConfigs":[]}"#))
        harness.transport.on(
            "GET /2016-08-19/account-settings", json(200, #"{"AccountLimit":{"ConcurrentExecutions":1000,"UnreservedConcurrentExecutions":1000}}"#))
        let report = try await manager.run("f")
        #expect(report.reservedConcurrency == 0 && report.unreservedAccountConcurrency == 1000)
        #expect(harness.warnings.lines.contains { $0.contains("every invocation is throttled") })
    }

    @Test("provisioned concurrency needs a qualifier that is not $LATEST; counts below the minimum are refused")
    func rules() throws {
        #expect(throws: LifecycleError.self) { try ConcurrencyManager.validate(.init(provisioned: .set(5))) }
        #expect(throws: LifecycleError.self) {
            try ConcurrencyManager.validate(.init(provisioned: .set(5), qualifier: "$LATEST"))
        }
        #expect(throws: LifecycleError.self) { try ConcurrencyManager.validate(.init(provisioned: .remove)) }
        #expect(throws: LifecycleError.self) { try ConcurrencyManager.validate(.init(reserved: .set(-1))) }
        #expect(throws: LifecycleError.self) {
            try ConcurrencyManager.validate(.init(provisioned: .set(0), qualifier: "live"))
        }
        try ConcurrencyManager.validate(.init(reserved: .set(0), provisioned: .set(1), qualifier: "3"))
        let error = #expect(throws: LifecycleError.self) { try ConcurrencyManager.validate(.init(provisioned: .set(5))) }
        let message = error?.message(PlainInputNaming())
        #expect(message == "provisioned concurrency needs qualifier; e.g. qualifier live")
    }
}
