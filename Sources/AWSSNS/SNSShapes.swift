import AWSCore
import Foundation

// Shapes from botocore `data/sns/2010-03-31/service-2.json` (only the members lambdactl uses).

/// One member of `ListSubscriptionsByTopic` (`Subscription`).
package struct Subscription: Sendable, Equatable, Codable {
    /// The subscription's ARN (`PendingConfirmation` until an HTTP/email endpoint confirms).
    package var subscriptionARN: String
    /// The account that owns it.
    package var owner: String?
    /// `lambda`, `sqs`, `https`, …
    package var `protocol`: String?
    /// The endpoint, e.g. a function ARN.
    package var endpoint: String?
    /// The topic's ARN.
    package var topicARN: String?

    /// Creates a subscription.
    package init(subscriptionARN: String, owner: String? = nil, protocol: String? = nil, endpoint: String? = nil, topicARN: String? = nil) {
        self.subscriptionARN = subscriptionARN
        self.owner = owner
        self.protocol = `protocol`
        self.endpoint = endpoint
        self.topicARN = topicARN
    }

    /// Reads one `<member>`.
    init(_ node: XMLDocumentNode) {
        self.init(
            subscriptionARN: node.value("SubscriptionArn") ?? "", owner: node.value("Owner"),
            protocol: node.value("Protocol"), endpoint: node.value("Endpoint"), topicARN: node.value("TopicArn"))
    }

    enum CodingKeys: String, CodingKey {
        case subscriptionARN = "SubscriptionArn", owner = "Owner", `protocol` = "Protocol", endpoint = "Endpoint"
        case topicARN = "TopicArn"
    }
}
