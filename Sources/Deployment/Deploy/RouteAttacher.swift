import AWSAPIGatewayV2
import AWSCore
import Foundation

/// The `routes:` section of a deploy config, carried out by the `AttachRoutes` use case.
public struct RouteAttacher: RouteAttaching {
    /// The use case that finds or creates the API, integration, routes, stage and permission.
    public var useCase: AttachRoutes

    /// Creates the adapter.
    public init(useCase: AttachRoutes) {
        self.useCase = useCase
    }

    /// Ensures the routes, at the alias when the config has one.
    public func attach(_ routes: RoutesSpec, function: String, qualifier: String?) async throws -> RouteAttachment {
        let keys = try routes.routes.map(RouteKey.init)
        let result = try await useCase.run(
            AttachRoutesRequest(
                function: function, api: routes.api, routes: keys, qualifier: qualifier,
                stage: routes.stage ?? "$default", corsOrigins: routes.corsOrigins ?? []))
        return RouteAttachment(invokeURL: result.invokeURL, changes: result.changes)
    }
}
