/// One kind's (or family's) wiring: mappings, S3, SNS, schedules, rules. Each validates its
/// spec before any write, looks before it creates, and never leaves a duplicate.
package protocol TriggerHandler: Sendable {
    /// The kinds this handler serves.
    var kinds: Set<TriggerKind> { get }
    /// Refuses locally, before any call, what AWS would refuse.
    func validate(_ spec: TriggerSpec, target: TriggerTarget) throws
    /// The trigger's identity, with its source resolved (a queue name to its ARN, a table to
    /// its latest stream); reads only.
    func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity
    /// Makes the trigger exist exactly as `spec` says (created, updated in place, or unchanged);
    /// with `dryRun` reads only and says what it would do.
    func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult
    /// Removes the trigger `spec` names and everything attach added for it (permission
    /// statement, role statement); `absent` when there is none.
    func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult
    /// The function's triggers of these kinds, on every qualifier, lambdactl's and others'.
    func list(function: String) async throws -> [TriggerListing]
    /// Removes a lambdactl-made trigger `list` returned (for `deploy --prune`).
    func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult
}
