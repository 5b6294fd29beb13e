import AWSAPIGatewayV2
import Foundation

/// What attaching routes to one integration must change, decided from the routes the API has
/// and the keys the user wants. Pure.
package struct RoutePlan: Sendable, Equatable {
    /// Keys to create, in the order given.
    package let create: [RouteKey]
    /// Keys that already target the integration (nothing to do).
    package let unchanged: [RouteKey]
    /// Keys that exist but target something else: `(key, current target)`. Not touched.
    package let conflicts: [Conflict]

    /// A key taken by another target.
    package struct Conflict: Sendable, Equatable {
        /// The route key.
        package let key: RouteKey
        /// Its current target (`integrations/xyz`), or nil when it has none.
        package let target: String?
    }

    /// Plans `desired` against `current` for the integration `integrationID`. A route that
    /// targets one of `equivalent` (other integrations to the same function, as two runs at
    /// once can leave) already does what is asked.
    package init(current: [Route], desired: [RouteKey], integrationID: String, equivalent: Set<String> = []) {
        let target = "integrations/\(integrationID)"
        let targets = Set([target] + equivalent.map { "integrations/\($0)" })
        var byKey: [String: Route] = [:]
        for route in current {
            if let key = route.routeKey { byKey[key] = route }
        }
        var create: [RouteKey] = []
        var unchanged: [RouteKey] = []
        var conflicts: [Conflict] = []
        var planned: Set<RouteKey> = []
        for key in desired where planned.insert(key).inserted {
            guard let existing = byKey[key.text] else {
                create.append(key)
                continue
            }
            if let current = existing.target, targets.contains(current) { unchanged.append(key) } else { conflicts.append(Conflict(key: key, target: existing.target)) }
        }
        self.create = create
        self.unchanged = unchanged
        self.conflicts = conflicts
    }

    /// True when nothing needs creating.
    package var isEmpty: Bool { create.isEmpty }
}
