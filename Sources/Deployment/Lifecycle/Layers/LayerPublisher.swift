import AWSCore
import AWSLambda
import Foundation

/// `publish-layer`: publish only when the latest version's CodeSha256 or settings (compatible
/// runtimes and architectures, description, licence: `LayerSettings`) differ from ours, then
/// move each `--attach` function to the new version, replacing older versions of the same
/// layer and keeping its other layers.
package struct LayerPublisher: Sendable {
    /// What to publish.
    package struct Request: Sendable {
        package var name: String
        package var codePath: String
        package var compatibleRuntimes: [String]
        package var compatibleArchitectures: [String]
        package var description: String?
        package var licenseInfo: String?
        package var attach: [String]
        package var s3Bucket: String?

        /// Creates a request.
        package init(
            name: String, codePath: String, compatibleRuntimes: [String] = [], compatibleArchitectures: [String] = [],
            description: String? = nil, licenseInfo: String? = nil, attach: [String] = [], s3Bucket: String? = nil
        ) {
            self.licenseInfo = licenseInfo
            self.name = name
            self.codePath = codePath
            self.compatibleRuntimes = compatibleRuntimes
            self.compatibleArchitectures = compatibleArchitectures
            self.description = description
            self.attach = attach
            self.s3Bucket = s3Bucket
        }

        /// The settings the new version would have.
        package var settings: LayerSettings {
            LayerSettings(
                compatibleRuntimes: compatibleRuntimes, compatibleArchitectures: compatibleArchitectures,
                description: description, licenseInfo: licenseInfo)
        }
    }

    /// What happened.
    package struct Result: Sendable, Encodable, Equatable {
        package var layerName: String
        package var published: Bool
        package var layerVersionArn: String
        package var version: Int
        package var codeSha256: String
        /// What differed from the latest version when one was published (`code`, `compatible
        /// runtimes`, …); empty when unchanged or when this is the layer's first version.
        package var changed: [String]
        package var attached: [String]
        package var alreadyAttached: [String]
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// Runs it.
    package func run(_ request: Request) async throws -> Result {
        try NameRules.checkLayerName(request.name)
        try services.loader.validate(request.codePath)
        let artifact = try await services.loader.load(request.codePath, kind: .layer)
        // Every --attach function must exist before anything is published.
        for function in request.attach {
            _ = try await services.lambda.getFunctionConfiguration(function)
        }
        let versions = try await services.lambda.listLayerVersions(request.name)
        var layer: LayerVersion
        var changed: [String] = []
        if let latest = versions.max(by: { $0.version < $1.version }) {
            let current = try await services.lambda.getLayerVersion(request.name, version: latest.version)
            changed = (current.content?.codeSHA256 == artifact.codeSHA256 ? [] : ["code"])
                + request.settings.differences(from: current)
        }
        var published = false
        if let latest = versions.max(by: { $0.version < $1.version }), changed.isEmpty {
            layer = latest
        } else {
            let staged = try await services.stager.stage(artifact, name: request.name, bucket: request.s3Bucket, key: nil)
            layer = try await services.lambda.publishLayerVersion(
                PublishLayerInput(
                    layerName: request.name, content: staged.source, compatibleRuntimes: request.compatibleRuntimes,
                    compatibleArchitectures: request.compatibleArchitectures, description: request.description,
                    licenseInfo: request.licenseInfo))
            published = true
        }
        var result = Result(
            layerName: request.name, published: published, layerVersionArn: layer.layerVersionARN,
            version: layer.version, codeSha256: artifact.codeSHA256, changed: published ? changed : [], attached: [],
            alreadyAttached: [])
        for function in request.attach {
            if try await attach(layer.layerVersionARN, to: function) {
                result.attached.append(function)
            } else {
                result.alreadyAttached.append(function)
            }
        }
        return result
    }

    /// Puts `layerVersionARN` on `function`; false when it was already there.
    func attach(_ layerVersionARN: String, to function: String) async throws -> Bool {
        let current = try await services.lambda.getFunctionConfiguration(function)
        let layers = Self.replacing(layerVersionARN, in: current.layerARNs)
        guard layers != current.layerARNs else { return false }
        _ = try await ConfigUpdater(services: services).apply(
            ConfigurationChanges(layers: layers), to: function, current: current)
        return true
    }

    /// `layers` with every version of `layerVersionARN`'s layer replaced by it in place, or it
    /// appended when the layer is not there (pure).
    package static func replacing(_ layerVersionARN: String, in layers: [String]) -> [String] {
        let layerARN = unversioned(layerVersionARN)
        var result: [String] = []
        var placed = false
        for arn in layers {
            if unversioned(arn) == layerARN {
                if !placed { result.append(layerVersionARN) }
                placed = true
            } else {
                result.append(arn)
            }
        }
        if !placed { result.append(layerVersionARN) }
        return result
    }

    /// `arn:…:layer:NAME:7` → `arn:…:layer:NAME`.
    static func unversioned(_ arn: String) -> String {
        guard let colon = arn.lastIndex(of: ":"), Int(arn[arn.index(after: colon)...]) != nil else { return arn }
        return String(arn[..<colon])
    }
}
