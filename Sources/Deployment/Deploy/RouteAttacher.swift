import AWSAPIGatewayV2
import AWSCore
import Foundation

/// The `routes:` section of a deploy config, carried out by the `AttachRoutes` use case.
package struct RouteAttacher: RouteAttaching {
    /// The use case that finds or creates the API, integration, routes, stage and permission.
    package var useCase: AttachRoutes

    /// Creates the adapter.
    package init(useCase: AttachRoutes) {
        self.useCase = useCase
    }

    /// Ensures the routes, at the alias when the config has one.
    package func attach(_ routes: RoutesSpec, function: String, qualifier: String?) async throws -> RouteAttachment {
        let result = try await useCase.run(try Self.request(routes, function: function, qualifier: qualifier))
        return RouteAttachment(invokeURL: result.invokeURL, changes: result.changes)
    }

    /// What `attach` would change, with read-only calls.
    package func preview(_ routes: RoutesSpec, function: String, qualifier: String?, functionARN: String?) async throws
        -> RouteAttachment
    {
        let preview = try await useCase.preview(
            try Self.request(routes, function: function, qualifier: qualifier), functionARN: functionARN)
        return RouteAttachment(invokeURL: preview.invokeURL ?? "", changes: preview.changes)
    }

    /// The use case's request for the config's `routes:` section.
    static func request(_ routes: RoutesSpec, function: String, qualifier: String?) throws -> AttachRoutesRequest {
        var request = AttachRoutesRequest(
            function: function, api: routes.api, routes: try routes.routes.map(RouteKey.init), qualifier: qualifier,
            stage: routes.stage ?? "$default", corsOrigins: routes.corsOrigins ?? [])
        request.tags = routes.tags
        return request
    }
}
