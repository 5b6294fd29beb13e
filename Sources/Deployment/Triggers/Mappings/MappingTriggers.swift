import AWSCore
import AWSLambda
import Foundation

/// The event-source-mapping triggers: SQS queues, Kinesis streams and DynamoDB table streams.
/// One mapping per (function, qualifier, source ARN); the options given are its whole desired
/// state (`MappingDesiredState`). Looks before it creates, adopts the UUID a refused duplicate
/// names, updates in place only what differs, and waits on the mapping's state around every
/// change. The role statement goes in before the create and out after the delete.
package struct MappingTriggers: TriggerHandler {
    /// The shared clients.
    package var services: TriggerServices
    /// How long to retry a create refused while the role's new statement propagates.
    package var propagationBudget: Duration

    /// Creates the handler.
    package init(services: TriggerServices, propagationBudget: Duration = .seconds(60)) {
        self.services = services
        self.propagationBudget = propagationBudget
    }

    /// The tag every mapping lambdactl creates carries: the function it invokes.
    package static let functionTagKey = "lambdactl:function"

    package var kinds: Set<TriggerKind> { [.sqs, .kinesis, .dynamodb] }

    var resolver: MappingSourceResolver {
        MappingSourceResolver(sqs: services.sqs, kinesis: services.kinesis, dynamoDB: services.dynamoDB, region: services.region)
    }

    var role: MappingRoleStatements { MappingRoleStatements(iam: services.iam, warn: services.warn) }

    static func mappingSpec(_ spec: TriggerSpec) throws -> MappingTriggerSpec {
        guard case .mapping(let mapping) = spec else {
            throw LifecycleError(.unexpected, "a \(spec.kind.rawValue) trigger was handed to the mapping triggers")
        }
        return mapping
    }

    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        let mapping = try Self.mappingSpec(spec)
        if let problem = MappingRules.problem(mapping.options, source: MappingSourceResolver.localSource(mapping)) {
            throw problem
        }
    }

    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        let mapping = try Self.mappingSpec(spec)
        let resolved = try await resolver.resolve(mapping)
        return .mapping(resolved.source.kind, function: target.function, qualifier: target.qualifier, sourceARN: resolved.arn)
    }

    /// `function` or `function:qualifier`, as Lambda's FunctionName takes it.
    static func functionName(_ target: TriggerTarget) -> String {
        target.qualifier.map { "\(target.function):\($0)" } ?? target.function
    }

    /// The function and qualifier a mapping's FunctionArn names (pure).
    static func target(ofFunctionARN arn: String?) -> TriggerTarget? {
        guard let arn, let range = arn.range(of: ":function:") else { return nil }
        let parts = arn[range.upperBound...].split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        let qualifier = parts.count > 1 && parts[1] != "$LATEST" ? parts[1] : nil
        return TriggerTarget(function: name, qualifier: qualifier)
    }

    /// The mapping of (function, qualifier, source), if there is one (every page).
    func find(_ target: TriggerTarget, sourceARN: String) async throws -> EventSourceMapping? {
        let mappings = try await services.lambda.listEventSourceMappings(function: Self.functionName(target), sourceARN: sourceARN)
        return mappings.first { $0.eventSourceARN == sourceARN && Self.target(ofFunctionARN: $0.functionARN) == target }
    }

    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let mapping = try Self.mappingSpec(spec)
        let resolved = try await resolver.resolve(mapping)
        if let problem = MappingRules.problem(mapping.options, source: resolved.source) { throw problem }
        let identity = TriggerIdentity.mapping(
            resolved.source.kind, function: target.function, qualifier: target.qualifier, sourceARN: resolved.arn)
        let desired = MappingDesiredState(mapping.options, source: resolved.source)
        let configuration = try await services.lambda.getFunctionConfiguration(target.function, qualifier: target.qualifier)
        var notes: [String] = []
        if let roleARN = configuration.role {
            let statements = EventSourcePolicy.statements(
                for: identity, source: resolved.source, sourceARN: resolved.arn, onFailure: mapping.options.onFailure)
            if try await role.owned(roleARN: roleARN, function: target.function) {
                if let note = try await role.add(statements, for: identity, roleARN: roleARN, dryRun: dryRun) { notes.append(note) }
            } else {
                await role.warnIfShort(statements, roleARN: roleARN)
            }
        }
        let result = { (id: String?, action: TriggerResult.Action, changes: [String]) in
            TriggerResult(
                kind: resolved.source.kind, target: target, source: resolved.arn, id: id, action: action, changes: changes,
                notes: notes, dryRun: dryRun)
        }
        if let existing = try await find(target, sourceARN: resolved.arn) {
            let (action, changes) = try await converge(existing, to: desired, target: target, dryRun: dryRun)
            return result(existing.uuid, notes.isEmpty || action != .unchanged ? action : .updated, changes)
        }
        if dryRun { return result(nil, .created, []) }
        let input = CreateEventSourceMappingInput(
            functionName: Self.functionName(target), eventSourceARN: resolved.arn, startingPosition: desired.startingPosition,
            settings: desired.createSettings,
            tags: mapping.tags.merging([Self.functionTagKey: target.function]) { $1 })
        do {
            let created = try await PropagationRetry(time: services.time, budget: propagationBudget, progress: services.progress)
                .run(while: Self.isRolePropagation) { try await services.lambda.createEventSourceMapping(input) }
            try await services.mappingWaiter.waitUntilSettled(created.uuid, enabled: desired.settings.enabled, current: created)
            return result(created.uuid, .created, [])
        } catch let error as AWSServiceError {
            guard let uuid = LambdaClient.existingMappingUUID(in: error),
                let existing = try await services.lambda.getEventSourceMapping(uuid: uuid)
            else { throw error }
            services.progress("adopting event source mapping \(uuid), which already existed (a retried create)")
            let (action, changes) = try await converge(existing, to: desired, target: target, dryRun: false)
            return result(uuid, action == .unchanged ? .created : action, changes)
        }
    }

    /// True for Lambda's refusal of a mapping whose role cannot read the source (yet).
    static func isRolePropagation(_ error: AWSServiceError) -> Bool {
        error.code == "InvalidParameterValueException" && error.message.contains("execution role does not have permissions")
    }

    /// Brings an existing mapping to `desired` in place; refuses a changed starting position.
    func converge(_ existing: EventSourceMapping, to desired: MappingDesiredState, target: TriggerTarget, dryRun: Bool)
        async throws -> (TriggerResult.Action, [String])
    {
        if desired.startingPositionDiffers(from: existing), let wanted = desired.startingPosition {
            let typed = MappingRules.startingPositions.first { $0.value == wanted }?.key ?? wanted
            throw LifecycleError(
                .usage,
                "the mapping \(existing.uuid) reads \(existing.eventSourceARN ?? "its stream") from \(existing.startingPosition ?? "?") "
                    + "and AWS cannot change a mapping's starting position; nothing was changed",
                hint: .detachAndAttachMapping(
                    function: target.function, qualifier: target.qualifier, kind: desired.source.kind.rawValue,
                    source: existing.eventSourceARN ?? "", position: typed))
        }
        let (update, changes) = desired.difference(from: existing)
        guard !changes.isEmpty else { return (.unchanged, []) }
        if dryRun { return (.updated, changes) }
        let updated = try await services.mappingWaiter.mutate(existing.uuid) {
            try await services.lambda.updateEventSourceMapping(uuid: existing.uuid, settings: update)
        }
        try await services.mappingWaiter.waitUntilSettled(existing.uuid, enabled: desired.settings.enabled, current: updated)
        return (.updated, changes)
    }

    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let mapping = try Self.mappingSpec(spec)
        let resolved = try await resolver.resolve(mapping)
        let identity = TriggerIdentity.mapping(
            resolved.source.kind, function: target.function, qualifier: target.qualifier, sourceARN: resolved.arn)
        let existing = try await find(target, sourceARN: resolved.arn)
        return try await delete(existing, identity: identity, target: target, sourceARN: resolved.arn, dryRun: dryRun)
    }

    /// Deletes the mapping (when there is one), waits until it is gone, then removes the role statement.
    func delete(
        _ existing: EventSourceMapping?, identity: TriggerIdentity, target: TriggerTarget, sourceARN: String, dryRun: Bool
    ) async throws -> TriggerResult {
        if let existing, !dryRun {
            _ = try await services.mappingWaiter.mutate(existing.uuid) {
                try await services.lambda.deleteEventSourceMapping(uuid: existing.uuid)
            }
            try await services.mappingWaiter.waitUntilDeleted(existing.uuid)
        }
        var notes: [String] = []
        let configuration = try? await services.lambda.getFunctionConfiguration(target.function)
        if let roleARN = configuration?.role, try await role.owned(roleARN: roleARN, function: target.function),
            let note = try await role.remove(identity, roleARN: roleARN, dryRun: dryRun)
        {
            notes.append(note)
        }
        let action: TriggerResult.Action = existing == nil && notes.isEmpty ? .absent : .removed
        return TriggerResult(
            kind: identity.kind, target: target, source: sourceARN, id: existing?.uuid, action: action, notes: notes,
            dryRun: dryRun)
    }

    /// Reads every mapping in the region (paged) and keeps the function's, on every qualifier.
    package func list(function: String) async throws -> [TriggerListing] {
        // Every mapping, filtered here: a FunctionName filter answers one qualifier's only.
        let mappings = try await services.lambda.listEventSourceMappings()
        var listings: [TriggerListing] = []
        for mapping in mappings {
            guard let source = mapping.eventSourceARN, let kind = MappingSource(arn: source)?.kind,
                let target = Self.target(ofFunctionARN: mapping.functionARN), target.function == function
            else { continue }
            var owned = false
            if let arn = mapping.eventSourceMappingARN, let tags = try? await services.lambda.listTags(arn) {
                owned = tags[Self.functionTagKey] == function
            }
            let identity = TriggerIdentity.mapping(kind, function: function, qualifier: target.qualifier, sourceARN: source)
            listings.append(TriggerListing(
                kind: kind.rawValue, qualifier: target.qualifier, source: source, id: mapping.uuid, state: mapping.state,
                owned: owned, identityHash: owned ? identity.hash : nil, details: Self.details(mapping)))
        }
        return listings
    }

    /// The options worth showing (pure).
    static func details(_ mapping: EventSourceMapping) -> [String: String] {
        let settings = mapping.settings
        var details: [String: String] = [:]
        details["batch size"] = settings.batchSize.map(String.init)
        details["batching window"] = settings.maximumBatchingWindowInSeconds.map { "\($0)s" }
        details["filters"] = settings.filterCriteria.map { String($0.filters.count) }
        details["max concurrency"] = settings.scalingConfig?.maximumConcurrency.map(String.init)
        details["starting position"] = mapping.startingPosition
        details["on failure"] = settings.destinationConfig?.onFailure?.destination
        if settings.functionResponseTypes?.isEmpty == false { details["report batch failures"] = "on" }
        if let reason = mapping.stateTransitionReason, mapping.state == "Disabled" { details["reason"] = reason }
        return details
    }

    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        guard let kind = TriggerKind(rawValue: listing.kind), kinds.contains(kind), let uuid = listing.id else {
            throw LifecycleError(.unexpected, "a \(listing.kind) listing was handed to the mapping triggers")
        }
        let target = TriggerTarget(function: function, qualifier: listing.qualifier)
        let identity = TriggerIdentity.mapping(kind, function: function, qualifier: listing.qualifier, sourceARN: listing.source)
        let existing = try await services.lambda.getEventSourceMapping(uuid: uuid)
        return try await delete(existing, identity: identity, target: target, sourceARN: listing.source, dryRun: dryRun)
    }
}
