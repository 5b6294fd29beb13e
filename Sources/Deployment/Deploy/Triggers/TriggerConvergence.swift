import Foundation

/// One trigger line of a deploy plan (or report): what the deploy does (or would do) to it.
package struct TriggerStep: Sendable, Equatable, Encodable {
    /// What happens to the trigger.
    package enum Change: String, Sendable, Equatable, Encodable {
        /// Not there: attached.
        case create
        /// There with other options: updated in place.
        case update
        /// There exactly as the file says: no write.
        case unchanged
        /// lambdactl-made, not in the file, and removed (an empty list, or pruning).
        case remove
        /// lambdactl-made, not in the file, and kept (removed only when pruning).
        case keep
    }

    /// What happens.
    package var change: Change
    /// `sqs`, `kinesis`, `dynamodb`, `s3`, `schedule`, `rule` or `sns`.
    package var kind: String
    /// The source as the file names it (or, for one not in the file, as AWS reports it).
    package var source: String
    /// The qualifier invoked, if any.
    package var qualifier: String?
    /// The trigger's own id, when known.
    package var id: String?
    /// Options changed, `name: old → new`.
    package var changes: [String]
    /// Other things done or to be done (a permission statement, a new identity).
    package var notes: [String]
    /// `FILE:LINE` of the entry; nil for one not in the file.
    package var location: String?

    /// Creates a step.
    package init(
        change: Change, kind: String, source: String, qualifier: String?, id: String? = nil, changes: [String] = [],
        notes: [String] = [], location: String? = nil
    ) {
        self.change = change
        self.kind = kind
        self.source = source
        self.qualifier = qualifier
        self.id = id
        self.changes = changes
        self.notes = notes
        self.location = location
    }

    /// True when the step writes (or would write).
    package var writes: Bool { change == .create || change == .update || change == .remove }
}

/// Converges a function's triggers to a deploy config's `function.triggers:` list through the
/// trigger handlers: validates every entry before any call, plans with read-only calls (each
/// handler's dry-run attach and `list`), then attaches what differs and removes what the plan
/// removes. Triggers lambdactl did not make are never touched.
package struct TriggerConvergence: Sendable {
    /// The handlers.
    package var wiring: TriggerWiring
    /// The function's name.
    package var function: String
    /// The config's alias: the default qualifier of the entries.
    package var alias: String?
    /// Also remove lambdactl-made triggers the (non-empty) list does not name.
    package var prune: Bool

    /// Creates the convergence.
    package init(wiring: TriggerWiring, function: String, alias: String?, prune: Bool) {
        self.wiring = wiring
        self.function = function
        self.alias = alias
        self.prune = prune
    }

    /// A planned entry: the step and what apply needs.
    package struct Planned: Sendable, Equatable {
        /// The line for the plan.
        package var step: TriggerStep
        /// The entry to attach (nil for a removal or a kept one).
        package var entry: TriggerEntry?
        /// The listing to remove (removals only).
        package var listing: TriggerListing?
    }

    /// Local checks of every entry (`TriggerWiring.validate`), each refusal with the entry's
    /// `FILE:LINE`; mapping options named as the file writes them (`batch_size`).
    package func validate(_ entries: [TriggerEntry]) throws {
        for entry in entries {
            try located(entry) { try wiring.validate(entry.spec, target: entry.target(function: function, alias: alias)) }
        }
    }

    /// The plan, from read-only calls. `functionExists` false: everything is a create (only the
    /// identities are resolved; no dry-run attach, no listing). Two entries with one identity
    /// are refused, naming both lines.
    package func plan(_ entries: [TriggerEntry], functionExists: Bool) async throws -> [Planned] {
        var planned: [Planned] = []
        var seen: [String: TriggerEntry] = [:]
        for entry in entries {
            let target = entry.target(function: function, alias: alias)
            let identity = try await located(entry) { try await wiring.identity(of: entry.spec, target: target) }
            if let first = seen[identity.hash] {
                throw DeployConfigError(
                    "\(entry.location): this trigger is the same as the one at \(first.location) (same source and qualifier); "
                        + "remove one of them")
            }
            seen[identity.hash] = entry
            var step = TriggerStep(
                change: .create, kind: entry.spec.kind.rawValue, source: entry.typedSource, qualifier: target.qualifier,
                location: entry.location)
            if functionExists {
                let result = try await located(entry) { try await wiring.attach(entry.spec, to: target, dryRun: true) }
                step.change = Self.change(result.action)
                step.id = result.id
                step.changes = result.changes
                step.notes = result.notes
            }
            planned.append(Planned(step: step, entry: entry))
        }
        guard functionExists else { return planned }
        let unlisted = try await wiring.list(function: function).filter { listing in
            guard listing.owned, TriggerKind(rawValue: listing.kind) != nil else { return false }
            return listing.identityHash.map { seen[$0] == nil } ?? false
        }
        let removes = prune || entries.isEmpty
        for listing in unlisted {
            let step = TriggerStep(
                change: removes ? .remove : .keep, kind: listing.kind, source: listing.source, qualifier: listing.qualifier,
                id: listing.id)
            planned.append(Planned(step: step, entry: nil, listing: removes ? listing : nil))
        }
        return planned
    }

    /// Carries out `plan`: attaches the entries planned to change (or all of them when the
    /// function was created by this deploy), then removes the planned removals. Returns the
    /// steps as they turned out; an entry planned unchanged makes no call.
    package func apply(_ plan: [Planned], onStep: (TriggerStep) -> Void = { _ in }) async throws -> [TriggerStep] {
        var done: [TriggerStep] = []
        for item in plan {
            var step = item.step
            if let entry = item.entry, step.change != .unchanged {
                let target = entry.target(function: function, alias: alias)
                let result = try await located(entry) { try await wiring.attach(entry.spec, to: target, dryRun: false) }
                step.change = Self.change(result.action)
                step.id = result.id ?? step.id
                step.changes = result.changes
                step.notes = result.notes
            } else if let listing = item.listing {
                let result = try await wiring.remove(listing, function: function, dryRun: false)
                step.change = result.action == .absent ? .unchanged : .remove
                step.notes = result.notes
            }
            onStep(step)
            done.append(step)
        }
        return done
    }

    /// The plan's word for a handler's action.
    static func change(_ action: TriggerResult.Action) -> TriggerStep.Change {
        switch action {
        case .created: .create
        case .updated: .update
        case .unchanged, .absent: .unchanged
        case .removed: .remove
        }
    }

    /// Runs `body`, putting the entry's location before a local refusal (mapping options worded
    /// with the config's names).
    func located<T>(_ entry: TriggerEntry, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.relocated(error, at: entry.location)
        }
    }

    func located(_ entry: TriggerEntry, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw Self.relocated(error, at: entry.location)
        }
    }

    /// A refusal about the entry at `location`, as a config error naming it; other errors as they are.
    static func relocated(_ error: any Error, at location: String) -> any Error {
        switch error {
        case let problem as MappingProblem:
            DeployConfigError("\(location): \(problem.message(DeployConfigMappingNaming()))")
        case let problem as ScheduleProblem:
            DeployConfigError("\(location): \(problem)")
        case let error as LifecycleError where error.category == .usage:
            DeployConfigError("\(location): \(error.message)", hint: error.hint)
        default:
            error
        }
    }
}
