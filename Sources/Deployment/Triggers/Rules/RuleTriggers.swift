import AWSCore
import AWSEventBridge
import AWSLambda
import Foundation

/// `--event-pattern` triggers: an EventBridge rule (tagged `lambdactl:function`) with the
/// function as its target and a permission for `events.amazonaws.com` whose `SourceArn` is the
/// rule. Each part is written only when it is missing or differs; a rule lambdactl did not make
/// for this function is never taken over.
package struct RuleTriggers: TriggerHandler {
    /// The shared clients.
    package var services: TriggerServices

    /// Creates the handler.
    package init(services: TriggerServices) {
        self.services = services
    }

    package var kinds: Set<TriggerKind> { [.rule] }

    var permissions: LambdaPermissionsAPI { LambdaPermissionsAPI(lambda: services.lambda) }

    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        let rule = try Self.rule(spec)
        let object = try? JSONSerialization.jsonObject(with: Data(rule.pattern.utf8))
        guard let object = object as? [String: Any], !object.isEmpty else {
            throw LifecycleError(
                .usage, "the event pattern is not a JSON object: \(rule.pattern); use e.g. {\"source\": [\"aws.ec2\"]}")
        }
        if let name = rule.name,
            !((1...64).contains(name.count) && name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }))
        {
            throw LifecycleError(.usage, "rule name \(name) is not 1–64 of letters, digits, '-', '_' and '.'")
        }
        if let bus = rule.bus, bus.isEmpty { throw LifecycleError(.usage, "the event bus name is empty; leave it out for default") }
    }

    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        RulePlan.identity(try Self.rule(spec), target: target)
    }

    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let rule = try Self.rule(spec)
        let bus = RulePlan.busName(rule.bus)
        let name = RulePlan.name(rule, target: target)
        let function = try await TriggerFunctionLookup(lambda: services.lambda).resolve(target)
        let existing = try await services.eventBridge.describeRule(name: name, eventBus: bus)
        if let existing { try await refuseForeign(existing, name: name, function: target.function) }
        let ruleARN = existing?.arn
            ?? RulePlan.ruleARN(partition: function.partition, region: function.region, account: function.account, bus: bus, name: name)
        var changes = RulePlan.needsPutRule(existing, pattern: rule.pattern)
        var notes: [String] = []
        if existing == nil || !changes.isEmpty {
            if existing == nil {
                notes.append("rule \(name) created on bus \(bus)")
                if rule.name == nil {
                    notes.append("a new rule: without a name the pattern is its identity (name it to change the pattern in place)")
                }
            }
            if !dryRun {
                try await services.eventBridge.putRule(PutRuleInput(
                    name: name, eventPattern: rule.pattern, state: "ENABLED",
                    description: existing?.description ?? "Invokes Lambda function \(target.function); made by lambdactl",
                    eventBusName: bus, tags: existing == nil ? [Tag(key: RulePlan.functionTag, value: target.function)] : nil))
            }
        }
        let statementID = TriggerNaming.statementID(for: RulePlan.identity(rule, target: target))
        let permission = PermissionRequest(statementID: statementID, principal: RulePlan.principal, sourceARN: ruleARN)
        let statements = try await permissions.policy(function: target.function, qualifier: target.qualifier)
        if !statements.contains(where: { $0.sid == statementID && $0.grants(permission) }) {
            notes.append("permission \(statementID) for \(RulePlan.principal) (SourceArn \(ruleARN)) added")
            if !dryRun {
                if statements.contains(where: { $0.sid == statementID }) {
                    try await permissions.removePermission(function: target.function, qualifier: target.qualifier, statementID: statementID)
                }
                try await permissions.addPermission(function: target.function, qualifier: target.qualifier, permission: permission)
            }
        }
        let targetID = RulePlan.targetID(target)
        let targets = existing == nil ? [] : try await services.eventBridge.targets(ofRule: name, eventBus: bus)
        let targetChange = RulePlan.targetChange(targets, id: targetID, functionARN: function.text)
        if let targetChange { changes.append(targetChange) }
        if targetChange != nil || !targets.contains(where: { $0.id == targetID }) {
            if existing != nil, targetChange == nil { notes.append("target \(targetID) added") }
            if !dryRun {
                try await services.eventBridge.putTargets(rule: name, eventBus: bus, targets: [Target(id: targetID, arn: function.text)])
            }
        }
        let action: TriggerResult.Action = existing == nil ? .created : (changes.isEmpty && notes.isEmpty ? .unchanged : .updated)
        return TriggerResult(
            kind: .rule, target: target, source: ruleARN, id: name, action: action, changes: changes, notes: notes,
            dryRun: dryRun && action != .unchanged)
    }

    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let rule = try Self.rule(spec)
        let bus = RulePlan.busName(rule.bus)
        let name = RulePlan.name(rule, target: target)
        let existing = try await services.eventBridge.describeRule(name: name, eventBus: bus)
        let statementID = TriggerNaming.statementID(for: RulePlan.identity(rule, target: target))
        var notes: [String] = []
        var ruleARN = existing?.arn
        if let existing {
            try await refuseForeign(existing, name: name, function: target.function)
            let targetID = RulePlan.targetID(target)
            let targets = try await services.eventBridge.targets(ofRule: name, eventBus: bus)
            if targets.contains(where: { $0.id == targetID }) {
                notes.append("target \(targetID) removed")
                if !dryRun { try await services.eventBridge.removeTargets(rule: name, eventBus: bus, ids: [targetID]) }
            }
            if targets.allSatisfy({ $0.id == targetID }) {
                notes.append("rule \(name) deleted")
                if !dryRun { try await services.eventBridge.deleteRule(name: name, eventBus: bus) }
            } else {
                notes.append("rule \(name) kept: it has other targets")
            }
        }
        // The statement is found by its id or, for a rule named by `remove`, by its SourceArn.
        let statements = try await permissions.policy(function: target.function, qualifier: target.qualifier)
        let ours = statements.filter { statement in
            statement.sid == statementID
                || (ruleARN != nil && statement.sourceARN == ruleARN && statement.principals.contains(RulePlan.principal)
                    && statement.sid?.hasPrefix(TriggerNaming.prefix) == true)
        }
        for statement in ours {
            guard let sid = statement.sid else { continue }
            ruleARN = ruleARN ?? statement.sourceARN
            notes.append("permission \(sid) removed")
            if !dryRun { try await permissions.removePermission(function: target.function, qualifier: target.qualifier, statementID: sid) }
        }
        let removed = existing != nil || !ours.isEmpty
        return TriggerResult(
            kind: .rule, target: target, source: ruleARN ?? name, id: name, action: removed ? .removed : .absent, notes: notes,
            dryRun: dryRun && removed)
    }

    package func list(function: String) async throws -> [TriggerListing] {
        let unqualified = try await TriggerFunctionLookup(lambda: services.lambda).resolve(TriggerTarget(function: function))
        let statements = try await permissions.policy(function: function, qualifier: nil)
        var qualifiers: [String?] = [nil]
        qualifiers += try await permissions.aliasNames(function: function).map { Optional($0) }
        var buses: [String] = ["default"]
        for statement in statements where statement.principals.contains(RulePlan.principal) {
            if let bus = statement.sourceARN.flatMap(RulePlan.bus(ofRuleARN:)), !buses.contains(bus) { buses.append(bus) }
        }
        var listings: [TriggerListing] = []
        var seen: Set<String> = []
        for qualifier in qualifiers {
            let arn = unqualified.qualified(qualifier)
            for bus in buses {
                for name in try await services.eventBridge.ruleNames(targeting: arn, eventBus: bus) where seen.insert("\(bus)/\(name)/\(qualifier ?? "")").inserted {
                    guard let rule = try await services.eventBridge.describeRule(name: name, eventBus: bus) else { continue }
                    listings.append(try await listing(rule, name: name, bus: bus, function: function, qualifier: qualifier))
                }
            }
        }
        return listings
    }

    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        let spec = RuleTriggerSpec(pattern: listing.details["pattern"] ?? "{}", bus: listing.details["bus"], name: listing.id)
        return try await detach(.rule(spec), from: TriggerTarget(function: function, qualifier: listing.qualifier), dryRun: dryRun)
    }

    func listing(_ rule: Rule, name: String, bus: String, function: String, qualifier: String?) async throws -> TriggerListing {
        let tags = try await tags(of: rule)
        let owned = tags[RulePlan.functionTag] == function
        var hash: String?
        if owned {
            hash = TriggerNaming.looksOwned(name, function: function, kind: .rule, limit: TriggerNaming.ruleNameLimit)
                ? String(name.suffix(12)) : TriggerIdentity.named(.rule, function: function, qualifier: qualifier, name: name).hash
        }
        var details = ["bus": bus]
        details["pattern"] = rule.eventPattern
        details["name"] = name
        return TriggerListing(
            kind: TriggerKind.rule.rawValue, qualifier: qualifier, source: rule.arn ?? name, id: name, state: rule.state,
            owned: owned, identityHash: hash, details: details)
    }

    func tags(of rule: Rule) async throws -> [String: String] {
        guard let arn = rule.arn else { return [:] }
        return try await services.eventBridge.tags(ofResource: arn)
    }

    /// A rule of that name lambdactl did not make for this function is not taken over.
    func refuseForeign(_ rule: Rule, name: String, function: String) async throws {
        let tags = try await tags(of: rule)
        guard tags[RulePlan.functionTag] != function else { return }
        let owner = tags[RulePlan.functionTag].map { "lambdactl made it for \($0)" } ?? "lambdactl did not make it"
        throw LifecycleError(.refused, "rule \(name) exists and \(owner); lambdactl does not take it over: choose another name")
    }

    static func rule(_ spec: TriggerSpec) throws -> RuleTriggerSpec {
        guard case .rule(let rule) = spec else {
            throw LifecycleError(.unexpected, "the rule handler was handed a \(spec.kind.rawValue) trigger")
        }
        return rule
    }
}
