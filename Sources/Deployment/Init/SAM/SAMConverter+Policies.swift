import Foundation
import Yams

extension SAMConverter {
    /// `Policies`: managed policy names or ARNs, statements, and SAM's policy templates
    /// expanded to their statements.
    mutating func policies(_ value: Node, function: String) -> SAMOutput? {
        let items: [Node]
        if let sequence = value.sequence, SAMTemplate.shortTag(value) == nil {
            items = Array(sequence)
        } else {
            items = [value]
        }
        var entries: [SAMOutput] = []
        for item in items {
            if item.scalar != nil || SAMTemplate.intrinsic(item) != nil {
                if let name = text(item, .policy, "policy") { entries.append(.text(name)) }
                continue
            }
            guard let mapping = item.mapping else { continue }
            if let statements = mapping["Statement"] {
                entries += policyDocument(statements)
                continue
            }
            for (key, parameters) in mapping {
                entries += policyTemplate(key, parameters)
            }
        }
        return .list(entries)
    }

    /// The statements of a policy document (`Statement:` one or a list).
    mutating func policyDocument(_ statements: Node) -> [SAMOutput] {
        let items = statements.sequence.map(Array.init) ?? [statements]
        return items.compactMap { statement($0) }
    }

    /// One IAM statement as `{effect, actions, resources}`; nil (with a note) for what lambdactl cannot write.
    mutating func statement(_ node: Node) -> SAMOutput? {
        guard let mapping = node.mapping else {
            hand(node, "a policy statement should be a mapping with Effect, Action and Resource")
            return nil
        }
        for (key, _) in mapping {
            switch key.string ?? "" {
            case "Effect", "Action", "Resource", "Sid": continue
            default:
                hand(key, "policy statement \(key.string ?? ""): lambdactl writes Effect, Action and Resource only; "
                    + "the statement is left out (attach a managed policy that holds it)")
                return nil
            }
        }
        guard let effect = mapping["Effect"].flatMap({ text($0, .value, "Effect") }),
            let actionNode = mapping["Action"], let actions = list(actionNode, .value, "Action"),
            let resourceNode = mapping["Resource"], let resources = list(resourceNode, .policy, "Resource")
        else {
            hand(node, "a policy statement needs Effect, Action and Resource; it is left out")
            return nil
        }
        var entry = SAMOutputMap()
        entry.set("effect", .text(effect))
        entry.set("actions", .list(actions.map(SAMOutput.text)))
        entry.set("resources", .list(resources.map(SAMOutput.text)))
        return .map(entry)
    }

    /// A SAM policy template (`DynamoDBCrudPolicy: {TableName: …}`) expanded to its statements.
    mutating func policyTemplate(_ key: Node, _ parameters: Node) -> [SAMOutput] {
        let name = key.string ?? ""
        guard let definition = SAMPolicyTemplates.all[name] else {
            hand(key, "policy template \(name) is not one lambdactl expands; write its statements under policies: "
                + "(effect, actions, resources) or attach a managed policy")
            return []
        }
        var values: [String: String] = [:]
        for parameter in definition.parameters {
            guard let node = parameters.mapping?[parameter] else {
                hand(key, "policy template \(name) needs \(parameter)")
                return []
            }
            let purpose: SAMPurpose = parameter.hasSuffix("Arn") ? .policy : .name
            guard let value = text(node, purpose, "\(name) \(parameter)") else { return [] }
            values[parameter.prefix(1).lowercased() + parameter.dropFirst()] = value
        }
        return definition.statements.map { statement in
            var entry = SAMOutputMap()
            entry.set("effect", .text("Allow"))
            entry.set("actions", .list(statement.actions.map(SAMOutput.text)))
            entry.set("resources", .list(statement.resources.map { .text(expand($0, values)) }))
            return .map(entry)
        }
    }

    /// A policy template's resource text with its variables and pseudo parameters replaced.
    func expand(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (variable, value) in values { result = result.replacingOccurrences(of: "${\(variable)}", with: value) }
        result = result.replacingOccurrences(of: "${AWS::Partition}", with: resolver.partition)
        result = result.replacingOccurrences(of: "${AWS::Region}", with: resolver.region(.policy))
        return result.replacingOccurrences(of: "${AWS::AccountId}", with: resolver.account(.policy))
    }

    // MARK: DeploymentPreference

    /// `DeploymentPreference` as `rollout: {steps, interval, alarms}`; nil for all at once.
    mutating func rollout(_ value: Node, function: String, hasAlias: Bool) -> SAMOutput? {
        guard let preference = value.mapping else {
            hand(value, "DeploymentPreference should be a mapping")
            return nil
        }
        if !hasAlias { hand(value, "DeploymentPreference needs AutoPublishAlias on function \(function): the rollout moves an alias") }
        var rollout = SAMOutputMap()
        for (key, item) in preference {
            switch key.string ?? "" {
            case "Type":
                guard let type = text(item, .value, "DeploymentPreference Type") else { return nil }
                guard let (steps, minutes) = Self.rolloutSteps(type) else {
                    hand(item, "deployment type \(type) is not one of SAM's Canary…/Linear…/AllAtOnce; write rollout: {steps: [...], interval: …}")
                    return nil
                }
                if steps.isEmpty {
                    note(item, "AllAtOnce: the alias moves at once (no rollout:)")
                    return nil
                }
                rollout.set("steps", .list(steps.map { .plain(String($0)) }))
                rollout.set("interval", .text("\(minutes)m"))
            case "Alarms":
                // An alarm of the template converted to an alarms: entry is named as the deploy names it.
                let converted = item.sequence.map { items in items.compactMap { resolver.reference($0).flatMap { alarmNames[$0.resource.id] } } }
                if let converted, converted.count == item.sequence?.count {
                    rollout.set("alarms", .list(converted.map(SAMOutput.text)))
                    continue
                }
                guard let alarms = list(item, .name, "DeploymentPreference Alarms") else { continue }
                rollout.set("alarms", .list(alarms.map(SAMOutput.text)))
            case "Enabled":
                if item.bool == false {
                    note(key, "DeploymentPreference is disabled: no rollout:")
                    return nil
                }
            default:
                hand(key, "DeploymentPreference \(key.string ?? "") has no lambdactl form (CodeDeploy hooks and roles); "
                    + "run such checks in CI between deploys")
            }
        }
        return rollout.isEmpty ? nil : .map(rollout)
    }

    /// The percentages and minutes of SAM's deployment types: `Canary10Percent5Minutes` → ([10], 5),
    /// `Linear10PercentEvery1Minute` → ([10, 20, …, 90], 1), `AllAtOnce` → ([], 0); nil for others.
    static func rolloutSteps(_ type: String) -> (steps: [Int], minutes: Int)? {
        if type == "AllAtOnce" { return ([], 0) }
        if let match = type.wholeMatch(of: /Canary(\d+)Percent(\d+)Minutes?/), let percent = Int(match.1), let minutes = Int(match.2),
            (1..<100).contains(percent)
        {
            return ([percent], minutes)
        }
        if let match = type.wholeMatch(of: /Linear(\d+)PercentEvery(\d+)Minutes?/), let percent = Int(match.1),
            let minutes = Int(match.2), (1..<100).contains(percent)
        {
            return (Array(stride(from: percent, to: 100, by: percent)), minutes)
        }
        return nil
    }
}
