import Deployment
import Foundation

extension AppEnvironment {
    /// The routes use case for `deploy`; nil until the routes module is wired in here.
    func routeAttacher() throws -> (any RouteAttaching)? { nil }
}
