import Foundation
import Synchronization
@testable import Deployment

/// A seam double for `TriggerHandler`: keeps triggers in memory by identity, records every
/// call (`attach sqs orders`, `attach sqs orders (dry run)`, `list`, `remove ID`) and counts
/// writes. It validates mapping options with the real `MappingRules`, and the identities are
/// the real `TriggerIdentity` values, so the convergence under test sees what a handler shows.
final class RecordingTriggerHandler: TriggerHandler {
    /// One stored trigger.
    struct Stored: Equatable {
        var spec: TriggerSpec
        var target: TriggerTarget
        var owned: Bool
        var id: String
    }

    private let state = Mutex<(calls: [String], writes: Int, stored: [String: Stored])>(([], 0, [:]))

    var kinds: Set<TriggerKind> { Set(TriggerKind.allCases) }
    var calls: [String] { state.withLock { $0.calls } }
    var writes: Int { state.withLock { $0.writes } }
    var stored: [Stored] { state.withLock { Array($0.stored.values) }.sorted { $0.id < $1.id } }

    /// Adds a trigger as if attached before (`owned: false`: made by someone else).
    func seed(_ spec: TriggerSpec, target: TriggerTarget, owned: Bool = true) {
        let identity = Self.identity(spec, target)
        state.withLock { $0.stored[identity.hash] = Stored(spec: spec, target: target, owned: owned, id: "id-\(identity.hash)") }
    }

    func clearCalls() { state.withLock { $0.calls = []; $0.writes = 0 } }

    static func identity(_ spec: TriggerSpec, _ target: TriggerTarget) -> TriggerIdentity {
        switch spec {
        case .mapping(let mapping):
            .mapping(mapping.kind, function: target.function, qualifier: target.qualifier, sourceARN: "arn:aws:sqs:eu-west-1:1:\(mapping.source)")
        case .s3(let s3):
            .s3(function: target.function, qualifier: target.qualifier, bucket: s3.bucket, events: s3.events, prefix: s3.prefix, suffix: s3.suffix)
        case .schedule(let schedule):
            schedule.name.map { .named(.schedule, function: target.function, qualifier: target.qualifier, name: $0) }
                ?? .schedule(function: target.function, qualifier: target.qualifier, expression: schedule.expression)
        case .rule(let rule):
            rule.name.map { .named(.rule, function: target.function, qualifier: target.qualifier, name: $0) }
                ?? .rule(function: target.function, qualifier: target.qualifier, pattern: rule.pattern, bus: rule.bus)
        case .sns(let sns):
            .sns(function: target.function, qualifier: target.qualifier, topicARN: sns.topic)
        }
    }

    func record(_ call: String, write: Bool = false) {
        state.withLock {
            $0.calls.append(call)
            if write { $0.writes += 1 }
        }
    }

    func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        record("validate \(spec.kind.rawValue)")
        if case .mapping(let mapping) = spec, let problem = MappingRules.problem(mapping.options, source: mapping.kind == .sqs ? .sqs(fifo: false) : .kinesis) {
            throw problem
        }
    }

    func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        Self.identity(spec, target)
    }

    func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let identity = Self.identity(spec, target)
        let source = identity.parts.last ?? ""
        let existing = state.withLock { $0.stored[identity.hash] }
        let action: TriggerResult.Action
        var changes: [String] = []
        if let existing {
            if existing.spec == spec {
                action = .unchanged
            } else {
                action = .updated
                if case .mapping(let old) = existing.spec, case .mapping(let new) = spec {
                    changes = ["batch_size: \(old.options.batchSize.map(String.init) ?? "default") → \(new.options.batchSize.map(String.init) ?? "default")"]
                }
            }
        } else {
            action = .created
        }
        record("attach \(spec.kind.rawValue) \(target.qualifier ?? "-")" + (dryRun ? " (dry run)" : ""), write: !dryRun && action != .unchanged)
        if !dryRun, action != .unchanged {
            state.withLock { $0.stored[identity.hash] = Stored(spec: spec, target: target, owned: true, id: "id-\(identity.hash)") }
        }
        return TriggerResult(
            kind: spec.kind, target: target, source: source, id: existing?.id, action: action, changes: changes, dryRun: dryRun)
    }

    func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        record("detach")
        return TriggerResult(kind: spec.kind, target: target, source: "", id: nil, action: .absent)
    }

    func list(function: String) async throws -> [TriggerListing] {
        record("list \(function)")
        return state.withLock { state in
            state.stored.filter { $0.value.target.function == function }.sorted { $0.value.id < $1.value.id }.map { hash, stored in
                TriggerListing(
                    kind: stored.spec.kind.rawValue, qualifier: stored.target.qualifier, source: "source-\(stored.spec.kind.rawValue)",
                    id: stored.id, owned: stored.owned, identityHash: stored.owned ? hash : nil)
            }
        }
    }

    func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        record("remove \(listing.id ?? "?")" + (dryRun ? " (dry run)" : ""), write: !dryRun)
        if !dryRun { state.withLock { state in state.stored = state.stored.filter { $0.value.id != listing.id } } }
        return TriggerResult(
            kind: TriggerKind(rawValue: listing.kind) ?? .sqs, target: TriggerTarget(function: function, qualifier: listing.qualifier),
            source: listing.source, id: listing.id, action: .removed, dryRun: dryRun)
    }
}
