import AWSCore
import AWSSNS

extension SNSTriggers {
    package func list(function: String) async throws -> [TriggerListing] {
        let permissions = LambdaPermissionsAPI(lambda: services.lambda)
        let statements = try await permissions.statementsOnEveryQualifier(function: function)
            .filter { $0.principals.contains(Self.principal) }
        var listings: [TriggerListing] = []
        for topic in Set(statements.compactMap(\.sourceARN)).sorted() where TopicReference(topic) != nil {
            let subscriptions: [Subscription]
            do {
                subscriptions = try await services.sns.listSubscriptions(topicARN: topic)
            } catch let error as AWSServiceError where ["NotFound", "AuthorizationError"].contains(error.code) {
                services.warn("SNS topic \(topic) named by \(function)'s resource policy: \(error.code) (\(error.message))")
                continue
            }
            for subscription in subscriptions where subscription.protocol == "lambda" {
                guard let endpoint = subscription.endpoint, let arn = FunctionARN(endpoint), arn.name == function else { continue }
                let identity = TriggerIdentity.sns(function: function, qualifier: arn.qualifier, topicARN: topic)
                let owned = statements.contains { $0.sid == TriggerNaming.statementID(for: identity) }
                listings.append(
                    TriggerListing(
                        kind: TriggerKind.sns.rawValue, qualifier: arn.qualifier, source: topic, id: subscription.subscriptionARN,
                        owned: owned, identityHash: owned ? identity.hash : nil))
            }
        }
        return listings
    }

    package func remove(_ listing: TriggerListing, function: String, dryRun: Bool) async throws -> TriggerResult {
        guard listing.owned else {
            throw LifecycleError(.refused, "the SNS subscription \(listing.id ?? "?") on \(listing.source) was not made by lambdactl; it is kept")
        }
        let target = TriggerTarget(function: function, qualifier: listing.qualifier)
        let facts = try await FunctionFacts.resolve(target, services: services)
        return try await remove(topic: listing.source, target: target, function: facts, dryRun: dryRun)
    }
}
