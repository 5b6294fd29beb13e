import AWSCore
import AWSScheduler
import Foundation

/// `--schedule` triggers: EventBridge Scheduler schedules in the group `lambdactl`, invoking the
/// function through its own `SchedulerRole` (Scheduler needs no statement in the function's
/// resource policy: it invokes with the role). Expressions and time zones are checked locally
/// before any call; a changed timezone, input or (for a named schedule) expression is one
/// UpdateSchedule in place, never a delete and create.
package struct ScheduleTriggers: TriggerHandler {
    /// The shared clients.
    package var services: TriggerServices
    /// The time zones a schedule may name.
    package var timezones: ScheduleTimezones
    /// How long CreateSchedule is retried while a new role propagates.
    package var propagationBudget: Duration
    /// Whether the `lambdactl` group is known to exist, shared by every copy of the handler, so
    /// an app's schedules look for it once per run, not once each.
    let group = ScheduleGroupPresence()

    /// Creates the handler.
    package init(services: TriggerServices, timezones: ScheduleTimezones, propagationBudget: Duration = .seconds(40)) {
        self.services = services
        self.timezones = timezones
        self.propagationBudget = propagationBudget
    }

    package var kinds: Set<TriggerKind> { [.schedule] }

    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        let schedule = try Self.schedule(spec)
        if let problem = ScheduleExpression.problem(schedule.expression) {
            throw LifecycleError(.usage, problem.description)
        }
        if let timezone = schedule.timezone, let problem = timezones.problem(timezone) {
            throw LifecycleError(.usage, problem.description)
        }
        if let input = schedule.input, TriggerIdentity.canonicalJSON(input) == nil {
            throw LifecycleError(.usage, "the schedule's input is not JSON: \(input); use e.g. {\"job\": \"nightly\"}")
        }
        if let name = schedule.name, !Self.isValidName(name) {
            throw LifecycleError(.usage, "schedule name \(name) is not 1–64 of letters, digits, '-', '_' and '.'")
        }
    }

    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        Self.identity(try Self.schedule(spec), target: target)
    }

    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let schedule = try Self.schedule(spec)
        let expression = try Self.normalized(schedule.expression)
        let name = Self.name(schedule, target: target)
        let function = try await TriggerFunctionLookup(lambda: services.lambda).resolve(target)
        let existing = try await services.scheduler.getSchedule(name: name, group: SchedulePlan.group)
        if let existing { try Self.refuseForeign(existing, name: name, function: target.function) }
        var notes: [String] = []
        if try await ensureGroup(dryRun: dryRun) { notes.append("schedule group \(SchedulePlan.group) created") }
        let roles = SchedulerRole(iam: services.iam)
        let role = try await roles.ensure(function: target.function, functionARN: function, dryRun: dryRun)
        if role.created {
            notes.append("role \(role.name) created: Scheduler may invoke only \(target.function)")
        }
        let roleARN = role.arn ?? "arn:aws:iam::\(function.account):role/\(role.name)"
        let desired = SchedulePlan.desired(schedule, expression: expression, targetARN: function.text, roleARN: roleARN)
        func result(_ action: TriggerResult.Action, changes: [String] = []) -> TriggerResult {
            TriggerResult(
                kind: .schedule, target: target, source: expression, id: name, action: action, changes: changes,
                notes: notes, dryRun: dryRun && action != .unchanged)
        }
        guard let existing else {
            notes.append("Scheduler invokes through the role: no resource-policy statement is needed")
            if schedule.name == nil {
                notes.append("a new schedule: without a name the expression is its identity (name it to change the expression in place)")
                notes += try await siblings(of: name, target: target).map { "schedule \($0) of this function stays until you detach it" }
            }
            if !dryRun {
                let token = SchedulePlan.clientToken(name: name, desired: desired, operation: "create")
                do {
                    _ = try await PropagationRetry(time: services.time, budget: propagationBudget, progress: services.progress)
                        .run(while: SchedulerRole.isPropagationError) {
                            try await services.scheduler.createSchedule(name: name, desired, clientToken: token)
                        }
                } catch let error as AWSServiceError where error.code == "ConflictException" {
                    // Made meanwhile by another run: converge it like one that was there.
                    guard let made = try await services.scheduler.getSchedule(name: name, group: SchedulePlan.group) else {
                        throw error
                    }
                    try Self.refuseForeign(made, name: name, function: target.function)
                    let changes = SchedulePlan.changes(from: made, to: desired)
                    if changes.isEmpty { return result(.unchanged) }
                    let update = SchedulePlan.clientToken(name: name, desired: desired, operation: "update")
                    try await services.scheduler.updateSchedule(name: name, desired, clientToken: update)
                    return result(.updated, changes: changes)
                }
            }
            return result(.created)
        }
        let changes = SchedulePlan.changes(from: existing, to: desired)
        if changes.isEmpty { return result(.unchanged) }
        if !dryRun {
            let token = SchedulePlan.clientToken(name: name, desired: desired, operation: "update")
            try await services.scheduler.updateSchedule(name: name, desired, clientToken: token)
        }
        return result(.updated, changes: changes)
    }

    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let schedule = try Self.schedule(spec)
        let name = Self.name(schedule, target: target)
        let source = (try? Self.normalized(schedule.expression)) ?? schedule.expression
        guard let existing = try await services.scheduler.getSchedule(name: name, group: SchedulePlan.group) else {
            return TriggerResult(kind: .schedule, target: target, source: source, id: name, action: .absent)
        }
        try Self.refuseForeign(existing, name: name, function: target.function)
        var notes: [String] = []
        if !dryRun {
            let token = SchedulePlan.clientToken(name: name, desired: SchedulePlan.desired(
                schedule, expression: source, targetARN: existing.target?.arn ?? "", roleARN: ""), operation: "delete")
            do {
                try await services.scheduler.deleteSchedule(name: name, group: SchedulePlan.group, clientToken: token)
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {}
        }
        let others = try await schedules(of: target.function).filter { $0.name != name }
        if others.isEmpty, let role = try await SchedulerRole(iam: services.iam).deleteIfOwned(function: target.function, dryRun: dryRun) {
            notes.append("role \(role) deleted: it was the function's last schedule")
        }
        return TriggerResult(
            kind: .schedule, target: target, source: existing.scheduleExpression ?? source, id: name, action: .removed,
            notes: notes, dryRun: dryRun)
    }

    package func list(function: String) async throws -> [TriggerListing] {
        var listings: [TriggerListing] = []
        for summary in try await schedules(of: function) {
            guard let name = summary.name,
                let schedule = try await services.scheduler.getSchedule(name: name, group: SchedulePlan.group)
            else { continue }
            let qualifier = (schedule.target?.arn).flatMap(FunctionARN.init)?.qualifier
            let hash: String
            if TriggerNaming.looksOwned(name, function: function, kind: .schedule, limit: TriggerNaming.scheduleNameLimit) {
                hash = String(name.suffix(12))
            } else {
                hash = TriggerIdentity.named(.schedule, function: function, qualifier: qualifier, name: name).hash
            }
            var details = ["group": SchedulePlan.group]
            details["timezone"] = schedule.scheduleExpressionTimezone
            details["input"] = schedule.target?.input
            details["role"] = schedule.target?.roleARN
            listings.append(TriggerListing(
                kind: TriggerKind.schedule.rawValue, qualifier: qualifier, source: schedule.scheduleExpression ?? "", id: name,
                state: schedule.state, owned: true, identityHash: hash, details: details))
        }
        return listings
    }

    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        let spec = ScheduleTriggerSpec(expression: listing.source, name: listing.id)
        return try await detach(.schedule(spec), from: TriggerTarget(function: function, qualifier: listing.qualifier), dryRun: dryRun)
    }

    /// The schedules in lambdactl's group whose target is `function` (any qualifier).
    func schedules(of function: String) async throws -> [ScheduleSummary] {
        let all: [ScheduleSummary]
        do {
            all = try await services.scheduler.listSchedules(group: SchedulePlan.group)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return []
        }
        return all.filter { summary in summary.targetARN.flatMap(FunctionARN.init)?.name == function }
    }

    /// Other lambdactl-named schedules of the same function and qualifier (an earlier expression).
    func siblings(of name: String, target: TriggerTarget) async throws -> [String] {
        try await schedules(of: target.function).compactMap { summary in
            guard let other = summary.name, other != name,
                TriggerNaming.looksOwned(other, function: target.function, kind: .schedule, limit: TriggerNaming.scheduleNameLimit),
                summary.targetARN.flatMap(FunctionARN.init)?.qualifier == target.qualifier
            else { return nil }
            return other
        }
    }

    /// Creates the `lambdactl` group when missing (tagged); true when it did (or would).
    func ensureGroup(dryRun: Bool) async throws -> Bool {
        if await group.exists { return false }
        if try await services.scheduler.getScheduleGroup(name: SchedulePlan.group) != nil {
            await group.found()
            return false
        }
        if dryRun { return true }
        do {
            try await services.scheduler.createScheduleGroup(
                name: SchedulePlan.group, tags: [RoleProvisioner.createdTag.key: RoleProvisioner.createdTag.value],
                clientToken: "lambdactl-schedule-group")
        } catch let error as AWSServiceError where error.code == "ConflictException" {
            await group.found()
            return false
        }
        await group.found()
        return true
    }

    static func schedule(_ spec: TriggerSpec) throws -> ScheduleTriggerSpec {
        guard case .schedule(let schedule) = spec else {
            throw LifecycleError(.unexpected, "the schedule handler was handed a \(spec.kind.rawValue) trigger")
        }
        return schedule
    }

    static func identity(_ schedule: ScheduleTriggerSpec, target: TriggerTarget) -> TriggerIdentity {
        if let name = schedule.name { return .named(.schedule, function: target.function, qualifier: target.qualifier, name: name) }
        let expression = (try? normalized(schedule.expression)) ?? schedule.expression
        return .schedule(function: target.function, qualifier: target.qualifier, expression: expression)
    }

    static func name(_ schedule: ScheduleTriggerSpec, target: TriggerTarget) -> String {
        schedule.name ?? TriggerNaming.resourceName(for: identity(schedule, target: target))
    }

    /// The expression as Scheduler stores it.
    static func normalized(_ text: String) throws -> String {
        switch ScheduleExpression.parse(text) {
        case .success(let expression): expression.text
        case .failure(let problem): throw LifecycleError(.usage, problem.description)
        }
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// A schedule of that name that invokes another function is not this trigger: refused.
    static func refuseForeign(_ existing: Schedule, name: String, function: String) throws {
        let other = (existing.target?.arn).flatMap(FunctionARN.init)?.name
        guard other != function else { return }
        throw LifecycleError(
            .refused,
            "schedule \(name) in group \(SchedulePlan.group) invokes \(other ?? existing.target?.arn ?? "something else"), not \(function); choose another name")
    }
}

/// Remembers that the `lambdactl` schedule group exists (groups are not deleted by lambdactl).
actor ScheduleGroupPresence {
    private(set) var exists = false

    func found() {
        exists = true
    }
}
