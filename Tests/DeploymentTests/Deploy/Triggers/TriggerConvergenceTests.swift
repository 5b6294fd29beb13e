import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Deploy: triggers planned and applied through the handlers")
struct TriggerConvergenceTests {
    static let orders = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: MappingOptions(batchSize: 10)))
    static let nightly = TriggerSpec.schedule(ScheduleTriggerSpec(expression: "rate(1 day)", name: "nightly"))
    static let alerts = TriggerSpec.sns(SNSTriggerSpec(topic: "alerts"))

    func entry(_ spec: TriggerSpec, line: Int, qualifier: String? = nil) -> TriggerEntry {
        TriggerEntry(spec: spec, qualifier: qualifier, location: "lambdactl.yml:\(line)")
    }

    func convergence(_ handler: RecordingTriggerHandler, alias: String? = nil, prune: Bool = false) -> TriggerConvergence {
        TriggerConvergence(wiring: TriggerWiring(handlers: [handler]), function: "f", alias: alias, prune: prune)
    }

    @Test("a new trigger is planned as a create with dry-run reads only, and applying attaches it once")
    func createThenRerun() async throws {
        let handler = RecordingTriggerHandler()
        let subject = convergence(handler)
        let plan = try await subject.plan([entry(Self.orders, line: 7)], functionExists: true)
        #expect(plan.map(\.step.change) == [.create])
        #expect(handler.writes == 0)
        #expect(DeployText.line(for: plan[0].step) == "+ trigger sqs orders")
        _ = try await subject.apply(plan)
        #expect(handler.writes == 1)
        handler.clearCalls()
        let again = try await subject.plan([entry(Self.orders, line: 7)], functionExists: true)
        #expect(again.map(\.step.change) == [.unchanged])
        let done = try await subject.apply(again)
        #expect(done.map(\.change) == [.unchanged] && handler.writes == 0)
        #expect(handler.calls == ["validate sqs", "attach sqs - (dry run)", "list f"])
        #expect(DeployText.line(for: done[0]) == "= trigger sqs orders")
    }

    @Test("a changed option is planned as an update in place with the change old → new")
    func update() async throws {
        let handler = RecordingTriggerHandler()
        handler.seed(Self.orders, target: TriggerTarget(function: "f"))
        let changed = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: MappingOptions(batchSize: 5)))
        let subject = convergence(handler)
        let plan = try await subject.plan([entry(changed, line: 7)], functionExists: true)
        #expect(DeployText.line(for: plan[0].step) == "~ trigger sqs orders (batch_size: 10 → 5)")
        let done = try await subject.apply(plan)
        #expect(done.map(\.change) == [.update] && handler.writes == 1)
        #expect(handler.stored.map(\.spec) == [changed])
    }

    @Test("a lambdactl-made trigger the list does not name is kept, and removed only when pruning")
    func keptUnlessPruned() async throws {
        let handler = RecordingTriggerHandler()
        handler.seed(Self.orders, target: TriggerTarget(function: "f"))
        handler.seed(Self.nightly, target: TriggerTarget(function: "f"))
        let kept = try await convergence(handler).plan([entry(Self.orders, line: 7)], functionExists: true)
        #expect(kept.map(\.step.change) == [.unchanged, .keep])
        #expect(DeployText.line(for: kept[1].step, keptAdvice: "; prune") == "  trigger schedule source-schedule not in the file (kept; prune)")
        _ = try await convergence(handler).apply(kept)
        #expect(handler.writes == 0 && handler.stored.count == 2)

        let pruned = try await convergence(handler, prune: true).plan([entry(Self.orders, line: 7)], functionExists: true)
        #expect(pruned.map(\.step.change) == [.unchanged, .remove])
        #expect(DeployText.line(for: pruned[1].step).hasPrefix("- trigger schedule source-schedule (id-"))
        _ = try await convergence(handler, prune: true).apply(pruned)
        #expect(handler.stored.map(\.spec) == [Self.orders])
    }

    @Test("an empty list removes every lambdactl-made trigger of the function and never one made by others")
    func emptyListRemovesOwnOnly() async throws {
        let handler = RecordingTriggerHandler()
        handler.seed(Self.orders, target: TriggerTarget(function: "f"))
        handler.seed(Self.alerts, target: TriggerTarget(function: "f"), owned: false)
        let plan = try await convergence(handler).plan([], functionExists: true)
        #expect(plan.map(\.step.change) == [.remove])
        #expect(plan.map(\.step.kind) == ["sqs"])
        _ = try await convergence(handler).apply(plan)
        #expect(handler.stored.map(\.spec) == [Self.alerts])
        #expect(handler.stored.map(\.owned) == [false])
    }

    @Test("two entries with one identity are refused naming both lines, before any write")
    func duplicateIdentity() async throws {
        let handler = RecordingTriggerHandler()
        let other = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: MappingOptions(batchSize: 3)))
        do {
            _ = try await convergence(handler).plan([entry(Self.orders, line: 7), entry(other, line: 12)], functionExists: true)
            Issue.record("expected a refusal")
        } catch let error as DeployConfigError {
            #expect(error.message.hasPrefix("lambdactl.yml:12: this trigger is the same as the one at lambdactl.yml:7"))
        }
        #expect(handler.writes == 0)
        // The same source on another qualifier is another trigger.
        let plan = try await convergence(handler).plan(
            [entry(Self.orders, line: 7), entry(other, line: 12, qualifier: "blue")], functionExists: true)
        #expect(plan.map(\.step.qualifier) == [nil, "blue"])
    }

    @Test("entries point at the file's alias unless they name their own qualifier")
    func qualifiers() async throws {
        let handler = RecordingTriggerHandler()
        let plan = try await convergence(handler, alias: "live").plan(
            [entry(Self.orders, line: 7), entry(Self.alerts, line: 9, qualifier: "blue")], functionExists: true)
        _ = try await convergence(handler, alias: "live").apply(plan)
        #expect(handler.stored.map(\.target.qualifier).sorted { ($0 ?? "") < ($1 ?? "") } == ["blue", "live"])
        #expect(DeployText.line(for: plan[0].step) == "+ trigger sqs orders → :live")
    }

    @Test("for a function not yet created every entry is a create and nothing is read")
    func newFunction() async throws {
        let handler = RecordingTriggerHandler()
        let plan = try await convergence(handler).plan([entry(Self.orders, line: 7), entry(Self.nightly, line: 9)], functionExists: false)
        #expect(plan.map(\.step.change) == [.create, .create] && handler.calls.isEmpty)
        _ = try await convergence(handler).apply(plan)
        #expect(handler.writes == 2)
    }

    @Test("a mapping-option refusal names the entry's line and the file's key")
    func validationWording() throws {
        let handler = RecordingTriggerHandler()
        let big = TriggerSpec.mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: MappingOptions(batchSize: 20)))
        #expect(throws: DeployConfigError(
            "lambdactl.yml:7: an SQS batch of 20 needs a batching window of at least 1 second; add batch_window: 1 or use batch_size: 10")) {
            try convergence(handler).validate([entry(big, line: 7)])
        }
        let none = TriggerConvergence(wiring: TriggerWiring(handlers: []), function: "f", alias: nil, prune: false)
        #expect(throws: DeployConfigError("lambdactl.yml:7: sqs triggers are not available in this build")) {
            try none.validate([entry(Self.orders, line: 7)])
        }
    }
}

@Suite("Deployer: function.triggers")
struct DeployerTriggerTests {
    func config(_ code: String, triggers: [TriggerEntry]?) -> DeployConfig {
        var config = DeployConfig(
            function: FunctionSpec(name: "f", runtime: "python3.13", handler: "app.handler", code: code, memory: 128, timeout: 3))
        config.triggers = triggers
        return config
    }

    func existing(_ harness: Harness, sha: String) {
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration(sha: sha))}"#))
    }

    @Test("without a triggers key the handlers are never called")
    func absentKey() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        existing(harness, sha: zip.artifact.codeSHA256)
        let handler = RecordingTriggerHandler()
        handler.seed(TriggerConvergenceTests.orders, target: TriggerTarget(function: "f"))
        let deployer = Deployer(services: harness.services(), triggers: TriggerWiring(handlers: [handler]), prune: true)
        let report = try await deployer.run(config(zip.path, triggers: nil), file: "x", dryRun: false)
        #expect(handler.calls.isEmpty && report.triggers == nil && !report.changed)
    }

    @Test("--dry-run plans the triggers with reads only and reports them, also in JSON")
    func dryRun() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        existing(harness, sha: zip.artifact.codeSHA256)
        let handler = RecordingTriggerHandler()
        let entries = [TriggerEntry(spec: TriggerConvergenceTests.orders, location: "x:7")]
        let deployer = Deployer(services: harness.services(), triggers: TriggerWiring(handlers: [handler]))
        let report = try await deployer.run(config(zip.path, triggers: entries), file: "x", dryRun: true)
        #expect(report.changed && report.triggers?.map(\.change) == [.create])
        #expect(handler.writes == 0)
        #expect(try JSONKeyConvention.problems(report) == [])
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any]
        let triggers = try #require(object?["triggers"] as? [[String: Any]])
        #expect(triggers.first?["change"] as? String == "create" && triggers.first?["source"] as? String == "orders")

        let applied = try await deployer.run(config(zip.path, triggers: entries), file: "x", dryRun: false)
        #expect(applied.changed && handler.writes == 1 && applied.triggers?.map(\.change) == [.create])
        handler.clearCalls()
        let rerun = try await deployer.run(config(zip.path, triggers: entries), file: "x", dryRun: false)
        #expect(!rerun.changed && handler.writes == 0)
        #expect(harness.transport.routes.filter { !$0.hasPrefix("GET ") }.isEmpty)
    }

    @Test("a triggers key without handlers, or with a bad entry, is refused before any request")
    func refusedBeforeAnyCall() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let entries = [TriggerEntry(spec: TriggerConvergenceTests.orders, location: "x:7")]
        await #expect(throws: DeployConfigError.self) {
            _ = try await Deployer(services: harness.services()).run(config(zip.path, triggers: entries), file: "x", dryRun: false)
        }
        let bad = [TriggerEntry(spec: .mapping(MappingTriggerSpec(kind: .sqs, source: "q", options: MappingOptions(batchSize: 0))), location: "x:9")]
        let handler = RecordingTriggerHandler()
        do {
            _ = try await Deployer(services: harness.services(), triggers: TriggerWiring(handlers: [handler]))
                .run(config(zip.path, triggers: bad), file: "x", dryRun: false)
            Issue.record("expected a refusal")
        } catch let error as DeployConfigError {
            #expect(error.message.hasPrefix("x:9: batch_size 0 is outside 1–10000 records; e.g. batch_size: 10"))
        }
        #expect(harness.transport.sent.isEmpty && handler.writes == 0)
    }
}
