import AWSCore
import AWSLambda
import AWSSNS
import Foundation

/// SNS subscriptions that invoke a function: the permission (principal `sns.amazonaws.com`,
/// `SourceArn` the topic, `SourceAccount` the function's account), then one `lambda`
/// subscription found before it is made, its filter policy changed in place.
package struct SNSTriggers: TriggerHandler {
    /// The shared clients.
    package var services: TriggerServices

    /// Creates the handler.
    package init(services: TriggerServices) {
        self.services = services
    }

    package var kinds: Set<TriggerKind> { [.sns] }

    static let principal = "sns.amazonaws.com"
    static let filterPolicy = "FilterPolicy"

    package func validate(_ spec: TriggerSpec, target: TriggerTarget) throws {
        let sns = try Self.spec(spec)
        guard TopicReference(sns.topic) != nil else {
            throw LifecycleError(.usage, "'\(sns.topic)' is not an SNS topic: give its name (letters, digits, '-', '_') or its ARN")
        }
        if let policy = sns.filterPolicy,
            (try? JSONSerialization.jsonObject(with: Data(policy.utf8))) as? [String: Any] == nil
        {
            throw LifecycleError(.usage, "the filter policy is not a JSON object: write it like '{\"type\": [\"order\"]}'")
        }
    }

    package func identity(of spec: TriggerSpec, target: TriggerTarget) async throws -> TriggerIdentity {
        let sns = try Self.spec(spec)
        let function: FunctionFacts
        do {
            function = try await FunctionFacts.resolve(target, services: services)
        } catch {
            // A function this deploy has yet to create: the topic's own ARN, found by its name.
            guard try await FunctionFacts.isMissing(target.function, services: services) else { throw error }
            return .sns(function: target.function, qualifier: target.qualifier, topicARN: try await listedTopicARN(sns))
        }
        return .sns(function: target.function, qualifier: target.qualifier, topicARN: try topicARN(sns, function))
    }

    /// The topic's ARN without the function's account: as given, or the listed topic of that name
    /// in this region; a missing topic is refused before any write.
    func listedTopicARN(_ spec: SNSTriggerSpec) async throws -> String {
        guard let reference = TopicReference(spec.topic) else {
            throw LifecycleError(.usage, "'\(spec.topic)' is not an SNS topic: give its name or its ARN")
        }
        if case .arn(let arn, _, _, _) = reference { return arn }
        guard let arn = try await services.sns.listTopicARNs().first(where: { $0.hasSuffix(":" + reference.name) }) else {
            throw LifecycleError(.refused, "SNS topic \(reference.name) does not exist in \(services.region); create it or check the name")
        }
        return arn
    }

    package func attach(_ spec: TriggerSpec, to target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let sns = try Self.spec(spec)
        let function = try await FunctionFacts.resolve(target, services: services)
        let topic = try topicARN(sns, function)
        try await requireTopic(topic)
        let identity = TriggerIdentity.sns(function: target.function, qualifier: target.qualifier, topicARN: topic)
        let statementID = TriggerNaming.statementID(for: identity)
        let permission = PermissionRequest(
            statementID: statementID, principal: Self.principal, sourceARN: topic, sourceAccount: function.arn.account)
        let hasPermission = try await function.permissions.policy(function: target.function, qualifier: target.qualifier)
            .contains { $0.sid == statementID && $0.grants(permission) }
        let existing = try await subscription(topic: topic, endpoint: function.invokedARN)
        var notes: [String] = []
        var changes: [String] = []
        if !hasPermission { notes.append("permission \(statementID) for sns.amazonaws.com on \(topic)") }
        var action: TriggerResult.Action = hasPermission ? .unchanged : .updated
        var current: String?
        if let existing {
            current = try await services.sns.subscriptionAttributes(subscriptionARN: existing.subscriptionARN)[Self.filterPolicy]
                .flatMap { $0.isEmpty ? nil : $0 }
            if !Self.samePolicy(current, sns.filterPolicy) {
                changes.append("filter policy: \(current ?? "none") → \(sns.filterPolicy ?? "none")")
                action = .updated
            }
        } else {
            action = .created
        }
        if !dryRun, action != .unchanged {
            if !hasPermission {
                try await function.permissions.addPermission(function: target.function, qualifier: target.qualifier, permission: permission)
            }
            if let existing {
                if !changes.isEmpty {
                    try await services.sns.setSubscriptionAttribute(
                        subscriptionARN: existing.subscriptionARN, name: Self.filterPolicy, value: sns.filterPolicy)
                }
            } else {
                let arn = try await services.sns.subscribe(
                    topicARN: topic, protocol: "lambda", endpoint: function.invokedARN,
                    attributes: sns.filterPolicy.map { [Self.filterPolicy: $0] } ?? [:])
                return TriggerResult(kind: .sns, target: target, source: topic, id: arn, action: action, notes: notes)
            }
        }
        return TriggerResult(
            kind: .sns, target: target, source: topic, id: existing?.subscriptionARN, action: action, changes: changes,
            notes: notes, dryRun: dryRun)
    }

    package func detach(_ spec: TriggerSpec, from target: TriggerTarget, dryRun: Bool) async throws -> TriggerResult {
        let function = try await FunctionFacts.resolve(target, services: services)
        let topic = try topicARN(Self.spec(spec), function)
        return try await remove(topic: topic, target: target, function: function, dryRun: dryRun)
    }

    /// Unsubscribes the function's subscription, then removes exactly lambdactl's statement.
    func remove(topic: String, target: TriggerTarget, function: FunctionFacts, dryRun: Bool) async throws -> TriggerResult {
        let identity = TriggerIdentity.sns(function: target.function, qualifier: target.qualifier, topicARN: topic)
        let statementID = TriggerNaming.statementID(for: identity)
        let statement = try await function.permissions.policy(function: target.function, qualifier: target.qualifier)
            .first { $0.sid == statementID }
        let existing = try await subscription(topic: topic, endpoint: function.invokedARN, missingTopicIsEmpty: true)
        guard existing != nil || statement != nil else {
            return TriggerResult(kind: .sns, target: target, source: topic, id: nil, action: .absent, dryRun: dryRun)
        }
        var notes: [String] = []
        if statement != nil { notes.append("permission \(statementID) removed") }
        if !dryRun {
            if let existing { try await services.sns.unsubscribe(subscriptionARN: existing.subscriptionARN) }
            if statement != nil {
                try await function.permissions.removePermission(
                    function: target.function, qualifier: target.qualifier, statementID: statementID)
            }
        }
        return TriggerResult(
            kind: .sns, target: target, source: topic, id: existing?.subscriptionARN, action: .removed, notes: notes,
            dryRun: dryRun)
    }

    /// The function's `lambda` subscription to `topic` (ListSubscriptionsByTopic, every page).
    func subscription(topic: String, endpoint: String, missingTopicIsEmpty: Bool = false) async throws -> Subscription? {
        do {
            return try await services.sns.listSubscriptions(topicARN: topic).first {
                $0.protocol == "lambda" && $0.endpoint == endpoint && $0.subscriptionARN.hasPrefix("arn:")
            }
        } catch let error as AWSServiceError where missingTopicIsEmpty && error.code == "NotFound" {
            return nil
        }
    }

    /// Refuses a topic that does not exist, before any write.
    func requireTopic(_ topic: String) async throws {
        do {
            _ = try await services.sns.topicAttributes(topicARN: topic)
        } catch let error as AWSServiceError where error.code == "NotFound" {
            throw LifecycleError(.refused, "SNS topic \(topic) does not exist (\(error.message)); create it or check the name")
        }
    }

    func topicARN(_ spec: SNSTriggerSpec, _ function: FunctionFacts) throws -> String {
        guard let reference = TopicReference(spec.topic) else {
            throw LifecycleError(.usage, "'\(spec.topic)' is not an SNS topic: give its name or its ARN")
        }
        return reference.arn(region: function.arn.region, account: function.arn.account, partition: function.arn.partition)
    }

    /// Two filter policies are the same when their JSON is (key order and spacing aside).
    static func samePolicy(_ a: String?, _ b: String?) -> Bool {
        func canonical(_ text: String?) -> Data? {
            guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
            return try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        return canonical(a) == canonical(b)
    }

    static func spec(_ spec: TriggerSpec) throws -> SNSTriggerSpec {
        guard case .sns(let sns) = spec else { throw LifecycleError(.usage, "not an SNS trigger") }
        return sns
    }
}
