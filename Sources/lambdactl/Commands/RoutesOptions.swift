import ArgumentParser
import Deployment

/// The help texts a routes command gives its shared options (attach and detach word them for
/// what they do).
protocol RoutesHelp {
    /// `--api`.
    static var api: ArgumentHelp { get }
    /// `--route`.
    static var route: ArgumentHelp { get }
    /// `--qualifier`.
    static var qualifier: ArgumentHelp { get }
}

/// The options `attach-routes` and `detach-routes` share: the function, the API, the routes
/// and the qualifier, with the `--route` checks both need.
struct RoutesOptions<Help: RoutesHelp>: ParsableArguments {
    @Argument(help: "The function name or ARN.")
    var function: String

    @Option(help: Help.api)
    var api: String

    @Option(name: .customLong("route"), help: Help.route)
    var routes: [String] = []

    @Option(help: Help.qualifier)
    var qualifier: String?

    /// The parsed `--route` values.
    var keys: [RouteKey] {
        get throws { try RoutesArguments.keys(routes) }
    }

    func validate() throws {
        guard !routes.isEmpty else { throw ValidationError("give at least one --route, e.g. --route \"GET /items\"") }
        _ = try keys
    }
}

/// Parses `--route` values into route keys, as a usage error naming the bad key.
enum RoutesArguments {
    /// The route keys, or a `ValidationError` naming the first bad one.
    static func keys(_ texts: [String]) throws -> [RouteKey] {
        do {
            return try texts.map(RouteKey.init)
        } catch let error as RouteKeyError {
            throw ValidationError(error.description)
        }
    }
}
