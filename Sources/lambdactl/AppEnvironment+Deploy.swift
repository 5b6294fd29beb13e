import AWSResourceGroupsTagging
import Deployment
import Foundation

extension AppEnvironment {
    /// The routes use case for `deploy`'s `routes:` section, with progress on stderr.
    func routeAttacher() throws -> (any RouteAttaching)? {
        RouteAttacher(
            useCase: AttachRoutes(
                gateway: try apiGateway(), lambda: try functionPermissions(),
                progress: progressSink))
    }

    /// What removes an app's resources (`deploy --prune`, `destroy`).
    func teardown(_ ownership: AppOwnership, triggers: TriggerWiring?, deleteLogs: Bool) throws -> AppTeardown {
        let lambda = try lambda()
        var teardown = AppTeardown(
            lambda: lambda, iam: try iam(), tagging: TaggingClient(client: try client(.resourceGroupsTagging)),
            gateway: try apiGateway(), permissions: try functionPermissions(), triggers: triggers,
            logs: deleteLogs ? try logs() : nil, ownership: ownership, region: lambda.client.endpoint.signingRegion,
            clock: context.time, progress: progressSink)
        teardown.events = events
        teardown.alarms = try alarmServices()
        return teardown
    }
}
