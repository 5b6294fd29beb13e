import Foundation

/// A deploy file in either form.
package enum DeployFile: Sendable {
    /// `function:` at the top: one function.
    case function(DeployConfig)
    /// `app:` at the top: many functions, shared layers, HTTP APIs.
    case app(AppConfig)
}

/// The app and stage that own what an app file makes: the tags that mark it, and the stage
/// suffix of every name lambdactl derives (pure).
package struct AppOwnership: Sendable, Equatable, Encodable {
    /// The tag naming the owning app.
    package static let appTag = "lambdactl:app"
    /// The tag naming the owning stage.
    package static let stageTag = "lambdactl:stage"
    /// On roles: the region whose app made the role (IAM is global).
    package static let regionTag = "lambdactl:region"

    /// The app's name (`app:`).
    package var app: String
    /// The stage (`stage:`); nil without one.
    package var stage: String?

    /// Creates an ownership.
    package init(app: String, stage: String?) {
        self.app = app
        self.stage = stage
    }

    /// The tags everything the app makes carries.
    package var tags: [String: String] {
        var tags = [Self.appTag: app]
        if let stage { tags[Self.stageTag] = stage }
        return tags
    }

    /// True when `tags` mark the resource as this app's, in this stage.
    package func owns(_ tags: [String: String]) -> Bool {
        tags[Self.appTag] == app && tags[Self.stageTag] == stage
    }

    /// `name-stage` with a stage, else `name`.
    package func suffixed(_ name: String) -> String {
        stage.map { "\(name)-\($0)" } ?? name
    }

    /// `shop` or `shop (stage dev)`, for sentences.
    package var label: String { stage.map { "\(app) (stage \($0))" } ?? app }
}

/// An app file: many functions sharing defaults and layers, HTTP APIs routing to them.
package struct AppConfig: Sendable {
    /// The file's path, for messages.
    package var file: String
    /// The app and stage.
    package var ownership: AppOwnership
    /// The file's layers, named as deployed (stage suffix included), code paths absolute.
    package var layers: [LayerSpec]
    /// Each layer's name in the file → its deployed name.
    package var layerNames: [String: String]
    /// The functions, in file order.
    package var functions: [AppFunction]
    /// The HTTP APIs, in file order.
    package var apis: [AppAPI]
    /// `wait_timeout` in seconds (nil: invalid, refused by validation).
    package var waitTimeoutSeconds: Int?
    /// Patterns packaged although excluded by default.
    package var include: [String]
    /// Where each value of the file came from.
    package var sources: ConfigSources

    /// The function with file key `key`.
    package func function(_ key: String) -> AppFunction? {
        functions.first { $0.key == key }
    }
}

/// One function of an app file.
package struct AppFunction: Sendable {
    /// Its key under `functions:`.
    package var key: String
    /// The function as a single-function configuration: defaults merged, name suffixed,
    /// ownership set; `function.layers` still holds the file's layer names, resolved to
    /// version ARNs by the deploy.
    package var config: DeployConfig
    /// The file's layer names its `layers:` lists (ARNs excluded).
    package var layerReferences: [String]

    /// The deployed name.
    package var name: String { config.function.name }
}

/// One HTTP API of an app file.
package struct AppAPI: Sendable, Equatable {
    /// Its key under `apis:`.
    package var key: String
    /// The deployed name (stage suffix included).
    package var name: String
    /// Route key → the key of the function it invokes, in file order.
    package var routes: [(key: String, function: String)]
    /// The API stage (default `$default`).
    package var stage: String
    /// CORS origins to allow; nil leaves them as they are.
    package var corsOrigins: [String]?

    package static func == (lhs: AppAPI, rhs: AppAPI) -> Bool {
        lhs.key == rhs.key && lhs.name == rhs.name && lhs.routes.map(\.key) == rhs.routes.map(\.key)
            && lhs.routes.map(\.function) == rhs.routes.map(\.function) && lhs.stage == rhs.stage
            && lhs.corsOrigins == rhs.corsOrigins
    }

    /// The route keys that invoke the function with key `function`.
    package func routeKeys(of function: String) -> [String] {
        routes.filter { $0.function == function }.map(\.key)
    }

    /// The function keys it routes to, in first-route order.
    package var functionKeys: [String] {
        var keys: [String] = []
        for route in routes where !keys.contains(route.function) { keys.append(route.function) }
        return keys
    }
}
