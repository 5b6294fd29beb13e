import AWSCore
import AWSLambda
import Foundation

/// The app's shared layers: planned with read-only calls (the latest version's code hash and
/// settings against the local package), published once for every function that uses them.
struct AppLayers: Sendable {
    /// The shared services.
    var services: LifecycleServices

    /// One layer's plan.
    struct Planned: Sendable {
        /// The layer as the file gives it (deployed name).
        var spec: LayerSpec
        /// Publish, or unchanged.
        var step: DeployStep
        /// The version ARN functions will use: the latest version's, or a placeholder until published.
        var arn: String
    }

    /// The plan of each layer, read concurrently.
    func plan(_ layers: [LayerSpec], jobs: Int) async throws -> [Planned] {
        try await BoundedConcurrency.mapThrowing(layers, jobs: jobs) { layer in try await plan(layer) }
    }

    /// One layer's plan.
    func plan(_ layer: LayerSpec) async throws -> Planned {
        try services.loader.validate(layer.code)
        let local = try await services.loader.load(layer.code, kind: .layer).codeSHA256
        guard let listed = try await services.lambda.listLayerVersions(layer.name).max(by: { $0.version < $1.version }) else {
            return Planned(
                spec: layer, step: DeployStep(.publishLayer, layer.name, .publish, detail: "first version"),
                arn: DeployPlan.placeholderARN(for: layer.name, latest: nil))
        }
        let latest = try await services.lambda.getLayerVersion(layer.name, version: listed.version)
        if latest.content?.codeSHA256 == local, layer.settings.matches(latest) {
            return Planned(
                spec: layer, step: DeployStep(.publishLayer, layer.name, .unchanged, detail: "version \(latest.version)"),
                arn: latest.layerVersionARN)
        }
        return Planned(
            spec: layer, step: DeployStep(.publishLayer, layer.name, .publish, detail: "latest is version \(latest.version)"),
            arn: DeployPlan.placeholderARN(for: layer.name, latest: latest))
    }

    /// Publishes a planned layer that changed; returns the step as it turned out and the ARN.
    func apply(_ planned: Planned) async throws -> (step: DeployStep, arn: String) {
        guard planned.step.changes else { return (planned.step, planned.arn) }
        let layer = planned.spec
        let result = try await LayerPublisher(services: services).run(
            LayerPublisher.Request(
                name: layer.name, codePath: layer.code, compatibleRuntimes: layer.compatibleRuntimes ?? [],
                compatibleArchitectures: layer.compatibleArchitectures ?? [], description: layer.description,
                licenseInfo: layer.licenseInfo))
        let step = DeployStep(
            .publishLayer, layer.name, result.published ? .publish : .unchanged, detail: "version \(result.version)")
        return (step, result.layerVersionArn)
    }
}
