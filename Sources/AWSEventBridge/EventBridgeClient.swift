import AWSCore
import Foundation

/// A hand-rolled Amazon EventBridge client (json 1.1, `X-Amz-Target: AWSEvents.<Operation>`,
/// signing name `events`): rules, their targets and tags. Shapes follow botocore
/// `data/events/2015-10-07/service-2.json`; list calls page with `NextToken`.
package struct EventBridgeClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Wraps a client built for the EventBridge endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .eventBridge)
    }

    /// `PutRule`: creates or updates the rule; answers its ARN.
    @discardableResult
    package func putRule(_ input: PutRuleInput) async throws -> String {
        let output = try await client.jsonRPC("PutRule", input: input, as: RuleARNOutput.self)
        return output.ruleARN ?? ""
    }

    /// `DescribeRule`; nil when the rule does not exist (`ResourceNotFoundException`).
    package func describeRule(name: String, eventBus: String? = nil) async throws -> Rule? {
        do {
            return try await client.jsonRPC("DescribeRule", input: RuleName(name: name, eventBusName: eventBus), as: Rule.self)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// `DeleteRule` (its targets must be removed first).
    package func deleteRule(name: String, eventBus: String? = nil) async throws {
        _ = try await client.jsonRPC("DeleteRule", input: RuleName(name: name, eventBusName: eventBus), as: Empty.self)
    }

    /// `PutTargets`; entries AWS could not add throw `TargetEntriesFailed`.
    package func putTargets(rule: String, eventBus: String? = nil, targets: [Target]) async throws {
        let output = try await client.jsonRPC(
            "PutTargets", input: PutTargetsInput(rule: rule, eventBusName: eventBus, targets: targets),
            as: TargetEntriesOutput.self)
        if let failed = output.failedEntries, !failed.isEmpty {
            throw TargetEntriesFailed(operation: "PutTargets", entries: failed)
        }
    }

    /// `RemoveTargets` by id; entries AWS could not remove throw `TargetEntriesFailed`.
    package func removeTargets(rule: String, eventBus: String? = nil, ids: [String]) async throws {
        let output = try await client.jsonRPC(
            "RemoveTargets", input: RemoveTargetsInput(rule: rule, eventBusName: eventBus, ids: ids),
            as: TargetEntriesOutput.self)
        if let failed = output.failedEntries, !failed.isEmpty {
            throw TargetEntriesFailed(operation: "RemoveTargets", entries: failed)
        }
    }

    /// `ListRuleNamesByTarget`, every page: the rules on `eventBus` that target `targetARN`.
    package func ruleNames(targeting targetARN: String, eventBus: String? = nil) async throws -> [String] {
        try await Paginator.collect { token in
            let page = try await client.jsonRPC(
                "ListRuleNamesByTarget",
                input: ListRuleNamesByTargetInput(targetARN: targetARN, eventBusName: eventBus, nextToken: token),
                as: ListRuleNamesByTargetOutput.self)
            return (page.ruleNames ?? [], page.nextToken)
        }
    }

    /// `ListTargetsByRule`, every page.
    package func targets(ofRule rule: String, eventBus: String? = nil) async throws -> [Target] {
        try await Paginator.collect { token in
            let page = try await client.jsonRPC(
                "ListTargetsByRule", input: ListTargetsByRuleInput(rule: rule, eventBusName: eventBus, nextToken: token),
                as: ListTargetsByRuleOutput.self)
            return (page.targets ?? [], page.nextToken)
        }
    }

    /// `TagResource` (a rule or bus ARN).
    package func tagResource(arn: String, tags: [String: String]) async throws {
        _ = try await client.jsonRPC("TagResource", input: TagResourceInput(resourceARN: arn, tags: Tag.list(tags)), as: Empty.self)
    }

    /// `ListTagsForResource` as a map.
    package func tags(ofResource arn: String) async throws -> [String: String] {
        let output = try await client.jsonRPC(
            "ListTagsForResource", input: ResourceARNInput(resourceARN: arn), as: TagsOutput.self)
        return Dictionary((output.tags ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
