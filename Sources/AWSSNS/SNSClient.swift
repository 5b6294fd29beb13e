import AWSCore
import Foundation

/// A hand-rolled Amazon SNS client (query protocol, version 2010-03-31, signing name `sns`):
/// the subscription calls triggers need. Shapes follow botocore `data/sns/2010-03-31/service-2.json`.
package struct SNSClient: Sendable {
    /// The underlying query-protocol client.
    package let client: AWSClient

    /// Wraps a client built for the SNS endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .sns)
    }

    /// `Subscribe` with `ReturnSubscriptionArn=true`, so the answer is the subscription's ARN even
    /// before it is confirmed (a Lambda endpoint needs no confirmation). `attributes` such as
    /// `FilterPolicy` go as `Attributes.entry.N.key/value`, sorted by key.
    package func subscribe(topicARN: String, protocol: String, endpoint: String, attributes: [String: String] = [:])
        async throws -> String
    {
        var parameters = [("TopicArn", topicARN), ("Protocol", `protocol`), ("Endpoint", endpoint)]
        parameters += Self.entries("Attributes", attributes)
        parameters.append(("ReturnSubscriptionArn", "true"))
        let document = try await client.query("Subscribe", parameters)
        guard let arn = document.value("SubscriptionArn") else {
            throw AWSResponseDecodingError(operation: "Subscribe", detail: "no SubscriptionArn in the answer")
        }
        return arn
    }

    /// `Unsubscribe`.
    package func unsubscribe(subscriptionARN: String) async throws {
        _ = try await client.query("Unsubscribe", [("SubscriptionArn", subscriptionARN)])
    }

    /// `ListSubscriptionsByTopic`, every page (`NextToken`).
    package func listSubscriptions(topicARN: String) async throws -> [Subscription] {
        try await Paginator.collect { token in
            var parameters = [("TopicArn", topicARN)]
            if let token { parameters.append(("NextToken", token)) }
            let document = try await client.query("ListSubscriptionsByTopic", parameters)
            let members = document.first("Subscriptions")?.children(named: "member") ?? []
            return (members.map(Subscription.init), document.first("ListSubscriptionsByTopicResult")?.value("NextToken"))
        }
    }

    /// `ListTopics`, every page (`NextToken`): the topics' ARNs in this region.
    package func listTopicARNs() async throws -> [String] {
        try await Paginator.collect { token in
            let document = try await client.query("ListTopics", token.map { [("NextToken", $0)] } ?? [])
            let members = document.first("Topics")?.children(named: "member") ?? []
            return (members.compactMap { $0.value("TopicArn") }, document.first("ListTopicsResult")?.value("NextToken"))
        }
    }

    /// `GetSubscriptionAttributes`: `FilterPolicy`, `Protocol`, `Endpoint`, …
    package func subscriptionAttributes(subscriptionARN: String) async throws -> [String: String] {
        Self.attributes(try await client.query("GetSubscriptionAttributes", [("SubscriptionArn", subscriptionARN)]))
    }

    /// `SetSubscriptionAttributes`: one attribute; a nil value sends none (clears it, e.g. a filter policy).
    package func setSubscriptionAttribute(subscriptionARN: String, name: String, value: String?) async throws {
        var parameters = [("SubscriptionArn", subscriptionARN), ("AttributeName", name)]
        if let value { parameters.append(("AttributeValue", value)) }
        _ = try await client.query("SetSubscriptionAttributes", parameters)
    }

    /// `GetTopicAttributes`: `TopicArn`, `Owner`, `Policy`, …; a missing topic throws `NotFound`.
    package func topicAttributes(topicARN: String) async throws -> [String: String] {
        Self.attributes(try await client.query("GetTopicAttributes", [("TopicArn", topicARN)]))
    }

    /// A string map as the query protocol flattens it: `Name.entry.1.key=…&Name.entry.1.value=…`.
    static func entries(_ name: String, _ map: [String: String]) -> [(String, String)] {
        map.sorted { $0.key < $1.key }.enumerated().flatMap { index, entry in
            [("\(name).entry.\(index + 1).key", entry.key), ("\(name).entry.\(index + 1).value", entry.value)]
        }
    }

    /// An answer's `<Attributes><entry><key/><value/></entry>…</Attributes>` as a map.
    static func attributes(_ document: XMLDocumentNode) -> [String: String] {
        let entries = document.first("Attributes")?.children(named: "entry") ?? []
        let pairs = entries.compactMap { entry in entry.value("key").map { ($0, entry.value("value") ?? "") } }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }
}
