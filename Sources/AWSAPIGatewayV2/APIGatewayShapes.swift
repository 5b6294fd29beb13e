import AWSCore
import Foundation

// Shapes from botocore `data/apigatewayv2/2018-11-29/service-2.json`. The wire names are
// lower-camel (`apiId`, `items`, `nextToken`), unlike Lambda's.

/// `Api`.
package struct HTTPAPI: Codable, Sendable, Equatable {
    /// The API's ID.
    package var apiId: String?
    /// The API's name.
    package var name: String?
    /// `HTTP` or `WEBSOCKET`.
    package var protocolType: String?
    /// `https://ID.execute-api.REGION.amazonaws.com`.
    package var apiEndpoint: String?
    /// CORS settings.
    package var corsConfiguration: CORSConfiguration?
    /// The API's tags (GetApis and GetApi include them).
    package var tags: [String: String]?
    /// When it was created (ISO 8601).
    package var createdDate: String?

    /// Creates a value.
    package init(apiId: String?, name: String?, protocolType: String? = "HTTP", apiEndpoint: String? = nil,
                corsConfiguration: CORSConfiguration? = nil, tags: [String: String]? = nil) {
        self.apiId = apiId
        self.name = name
        self.protocolType = protocolType
        self.apiEndpoint = apiEndpoint
        self.corsConfiguration = corsConfiguration
        self.tags = tags
    }
}

/// `Cors`.
package struct CORSConfiguration: Codable, Sendable, Equatable {
    /// Allowed origins.
    package var allowOrigins: [String]?
    /// Allowed methods.
    package var allowMethods: [String]?
    /// Allowed headers.
    package var allowHeaders: [String]?

    /// Creates a value.
    package init(allowOrigins: [String]?, allowMethods: [String]? = nil, allowHeaders: [String]? = nil) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
    }
}

/// `Integration`.
package struct Integration: Codable, Sendable, Equatable {
    /// The integration's ID.
    package var integrationId: String?
    /// `AWS_PROXY`, `HTTP_PROXY`, …
    package var integrationType: String?
    /// For Lambda: the function or alias ARN.
    package var integrationUri: String?
    /// `1.0` or `2.0`.
    package var payloadFormatVersion: String?

    /// Creates a value.
    package init(integrationId: String?, integrationType: String?, integrationUri: String?, payloadFormatVersion: String?) {
        self.integrationId = integrationId
        self.integrationType = integrationType
        self.integrationUri = integrationUri
        self.payloadFormatVersion = payloadFormatVersion
    }
}

/// `Route`.
package struct Route: Codable, Sendable, Equatable {
    /// The route's ID.
    package var routeId: String?
    /// `GET /items/{id}` or `$default`.
    package var routeKey: String?
    /// `integrations/ID`.
    package var target: String?

    /// Creates a value.
    package init(routeId: String?, routeKey: String?, target: String?) {
        self.routeId = routeId
        self.routeKey = routeKey
        self.target = target
    }
}

/// `Stage`.
package struct Stage: Codable, Sendable, Equatable {
    /// The stage's name (`$default` serves at the API's root).
    package var stageName: String?
    /// Whether changes deploy automatically.
    package var autoDeploy: Bool?

    /// Creates a value.
    package init(stageName: String?, autoDeploy: Bool?) {
        self.stageName = stageName
        self.autoDeploy = autoDeploy
    }
}

/// A page of a `Get*` list operation.
/// The wire shape `ListPage` (members named as on the wire).
struct ListPage<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]?
    var nextToken: String?
}

/// The wire shape `CreateAPIInput` (members named as on the wire).
struct CreateAPIInput: Codable, Sendable {
    var name: String
    var protocolType: String
    var corsConfiguration: CORSConfiguration?
    var tags: [String: String]?
}

/// The wire shape `UpdateAPIInput` (members named as on the wire).
struct UpdateAPIInput: Codable, Sendable {
    var corsConfiguration: CORSConfiguration?
}

/// The wire shape `CreateIntegrationInput` (members named as on the wire).
struct CreateIntegrationInput: Codable, Sendable {
    var integrationType: String
    var integrationUri: String
    var payloadFormatVersion: String
}

/// The wire shape `CreateRouteInput` (members named as on the wire).
struct CreateRouteInput: Codable, Sendable {
    var routeKey: String
    var target: String
}

/// The wire shape `CreateStageInput` (members named as on the wire).
struct CreateStageInput: Codable, Sendable {
    var stageName: String
    var autoDeploy: Bool
}
