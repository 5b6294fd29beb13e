/// The one entry to triggers for the commands and `deploy`: hands each spec to the handler of
/// its kind and lists every way a function can be invoked.
package struct TriggerWiring: Sendable {
    /// The handlers, one per kind family.
    package var handlers: [any TriggerHandler]

    /// Creates the wiring from its handlers.
    package init(handlers: [any TriggerHandler]) {
        self.handlers = handlers
    }

    /// The handler for `kind`.
    func handler(_ kind: TriggerKind) throws -> any TriggerHandler {
        guard let handler = handlers.first(where: { $0.kinds.contains(kind) }) else {
            throw LifecycleError(.usage, "\(kind.rawValue) triggers are not available in this build")
        }
        return handler
    }

    /// Validates before any call.
    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        try handler(spec.kind).validate(spec, target: target)
    }

    /// The trigger's resolved identity.
    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        try await handler(spec.kind).identity(of: spec, target: target)
    }

    /// Attaches (validating first).
    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool = false) async throws -> TriggerResult {
        let handler = try handler(spec.kind)
        try handler.validate(spec, target: target)
        return try await handler.attach(spec, to: target, dryRun: dryRun)
    }

    /// Detaches (validating first).
    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool = false) async throws -> TriggerResult {
        let handler = try handler(spec.kind)
        try handler.validate(spec, target: target)
        return try await handler.detach(spec, from: target, dryRun: dryRun)
    }

    /// Every trigger the handlers find for the function; the function's policies and aliases
    /// are read once for all of them (``TriggerListingReads``).
    package func list(function: String) async throws -> [TriggerListing] {
        try await TriggerListingReads.$current.withValue(TriggerListingReads()) {
            var all: [TriggerListing] = []
            for handler in handlers { all += try await handler.list(function: function) }
            return all
        }
    }

    /// Removes a lambdactl-made trigger found by `list`.
    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool = false) async throws -> TriggerResult {
        guard let kind = TriggerKind(rawValue: listing.kind) else {
            throw LifecycleError(.usage, "a \(listing.kind) is not a trigger lambdactl removes")
        }
        return try await handler(kind).remove(listing, function: function, dryRun: dryRun)
    }
}
