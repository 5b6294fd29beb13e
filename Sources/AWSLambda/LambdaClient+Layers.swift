import AWSCore
import Foundation

extension LambdaClient {
    static func layerPath(_ name: String, _ suffix: String = "") -> String {
        "/2018-10-31/layers/" + PercentEncoding.encode(name) + "/versions" + suffix
    }

    /// PublishLayerVersion (`POST /2018-10-31/layers/{name}/versions`).
    package func publishLayerVersion(_ input: PublishLayerInput) async throws -> LayerVersion {
        try await client.restJSON(
            "PublishLayerVersion", method: "POST", path: Self.layerPath(input.layerName), input: input)
    }

    /// ListLayerVersions, every page, newest first as Lambda lists them.
    package func listLayerVersions(_ name: String) async throws -> [LayerVersion] {
        try await Paginator.collect { marker in
            let page: Page<LayerVersion> = try await client.restJSON(
                "ListLayerVersions", method: "GET", path: Self.layerPath(name), query: Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    /// GetLayerVersion (`GET /2018-10-31/layers/{name}/versions/{n}`), which carries `Content.CodeSha256`.
    package func getLayerVersion(_ name: String, version: Int) async throws -> LayerVersion {
        try await client.restJSON("GetLayerVersion", method: "GET", path: Self.layerPath(name, "/\(version)"))
    }
}
