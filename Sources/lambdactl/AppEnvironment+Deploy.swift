import Deployment
import Foundation

extension AppEnvironment {
    /// The routes use case for `deploy`'s `routes:` section, with progress on stderr.
    func routeAttacher() throws -> (any RouteAttaching)? {
        RouteAttacher(
            useCase: AttachRoutes(
                gateway: try apiGateway(), lambda: try functionPermissions(),
                progress: { [console] in console.info($0) }))
    }
}
