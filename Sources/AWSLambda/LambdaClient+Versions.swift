import AWSCore
import Foundation

extension LambdaClient {
    struct PublishVersionBody: Encodable {
        var codeSHA256: String?
        var revisionID: String?
        var description: String?
        enum CodingKeys: String, CodingKey {
            case codeSHA256 = "CodeSha256", revisionID = "RevisionId", description = "Description"
        }
    }

    struct AliasBody: Encodable {
        var name: String?
        var functionVersion: String
        var description: String?
        var revisionID: String?
        var routingConfig: AliasRoutingConfig?
        enum CodingKeys: String, CodingKey {
            case name = "Name", functionVersion = "FunctionVersion", description = "Description"
            case revisionID = "RevisionId", routingConfig = "RoutingConfig"
        }
    }

    /// PublishVersion (`POST …/{name}/versions`); `codeSHA256` and `revisionID` pin what is published.
    package func publishVersion(
        _ name: String, codeSHA256: String? = nil, revisionID: String? = nil, description: String? = nil
    ) async throws -> FunctionConfiguration {
        try await client.restJSON(
            "PublishVersion", method: "POST", path: Self.functionPath(name, "/versions"),
            input: PublishVersionBody(codeSHA256: codeSHA256, revisionID: revisionID, description: description))
    }

    /// ListVersionsByFunction, every page (`$LATEST` included, as Lambda lists it).
    package func listVersions(_ name: String) async throws -> [FunctionConfiguration] {
        try await Paginator.collect { marker in
            let page: Page<FunctionConfiguration> = try await client.restJSON(
                "ListVersionsByFunction", method: "GET", path: Self.functionPath(name, "/versions"),
                query: Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    /// CreateAlias (`POST …/{name}/aliases`).
    package func createAlias(_ name: String, alias: String, version: String, description: String? = nil)
        async throws -> AliasConfiguration
    {
        try await client.restJSON(
            "CreateAlias", method: "POST", path: Self.functionPath(name, "/aliases"),
            input: AliasBody(name: alias, functionVersion: version, description: description))
    }

    /// UpdateAlias (`PUT …/{name}/aliases/{alias}`). `routing` nil leaves the alias's weights as
    /// they are; `AliasRoutingConfig(additionalVersionWeights: [:])` removes them.
    package func updateAlias(
        _ name: String, alias: String, version: String, revisionID: String? = nil, routing: AliasRoutingConfig? = nil
    ) async throws -> AliasConfiguration {
        try await client.restJSON(
            "UpdateAlias", method: "PUT", path: Self.functionPath(name, "/aliases/" + PercentEncoding.encode(alias)),
            input: AliasBody(functionVersion: version, revisionID: revisionID, routingConfig: routing))
    }

    /// GetAlias (`GET …/{name}/aliases/{alias}`).
    package func getAlias(_ name: String, alias: String) async throws -> AliasConfiguration {
        try await client.restJSON(
            "GetAlias", method: "GET", path: Self.functionPath(name, "/aliases/" + PercentEncoding.encode(alias)))
    }

    /// ListAliases, every page.
    package func listAliases(_ name: String) async throws -> [AliasConfiguration] {
        try await Paginator.collect { marker in
            let page: Page<AliasConfiguration> = try await client.restJSON(
                "ListAliases", method: "GET", path: Self.functionPath(name, "/aliases"),
                query: Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }
}
