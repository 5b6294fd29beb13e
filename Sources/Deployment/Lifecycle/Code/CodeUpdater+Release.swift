import AWSCore
import AWSLambda
import Foundation

extension CodeUpdater {
    /// Unchanged code with `--publish` / `--alias`: reuse the published version whose code and
    /// configuration equal `$LATEST` (`deployed`), publishing one only when none does, then point
    /// the alias there. Nothing is written when the alias is already on such a version.
    func release(_ request: Request, deployed: FunctionConfiguration, result: Result) async throws -> Result {
        var result = result
        let versions = try await services.lambda.listVersions(request.name)
        let aliasVersion: String?
        if let alias = request.alias {
            aliasVersion = try await VersionManager(services: services).currentAlias(request.name, alias: alias)?
                .functionVersion
        } else {
            aliasVersion = nil
        }
        let choice = ReleaseChoice(deployed: deployed, versions: versions, aliasVersion: aliasVersion, alias: request.alias)
        result.version = choice.version
        result.published = choice.publish
        result.alias = request.alias
        result.aliasPreviousVersion = aliasVersion
        if request.dryRun { return result }
        if choice.publish {
            result.version = try await VersionManager(services: services).publish(
                request.name, codeSHA256: deployed.codeSHA256, revisionID: deployed.revisionID, current: deployed
            ).version
        }
        if let alias = request.alias, let version = result.version, version != aliasVersion {
            _ = try await VersionManager(services: services).point(request.name, alias: alias, to: version)
        }
        return result
    }
}

/// Which version `update-code --publish/--alias` ends on when the code is unchanged (pure): the
/// alias's own version if it matches `$LATEST`, else the highest matching version; a publish
/// when none matches (for `--publish` alone: when the latest version does not match).
struct ReleaseChoice: Equatable {
    /// The existing version to use; nil when one must be published.
    var version: String?
    /// Whether a version must be published.
    var publish: Bool

    init(deployed: FunctionConfiguration, versions: [FunctionConfiguration], aliasVersion: String?, alias: String?) {
        let numbered = versions.filter { Int($0.version ?? "") != nil }
            .sorted { Int($0.version!)! > Int($1.version!)! }
        let matching = numbered.filter { Self.matches($0, deployed: deployed) }.compactMap(\.version)
        if alias != nil {
            version = matching.first { $0 == aliasVersion } ?? matching.first
        } else {
            version = numbered.first.flatMap { Self.matches($0, deployed: deployed) ? $0.version : nil }
        }
        publish = version == nil
    }

    /// Whether the published `version` holds `deployed`'s code and configuration — the comparison
    /// `deploy` makes (``DeployPlan/versionDiffers(_:configuration:environment:)``).
    static func matches(_ version: FunctionConfiguration, deployed: FunctionConfiguration) -> Bool {
        guard version.codeSHA256 == deployed.codeSHA256 else { return false }
        var configuration = DesiredConfiguration(
            memorySize: deployed.memorySize, timeout: deployed.timeout, handler: deployed.handler,
            runtime: deployed.runtime, description: deployed.description ?? "", layers: deployed.layerARNs)
        configuration.settings = FunctionSettingsPlan.settings(of: deployed)
        return !DeployPlan.versionDiffers(version, configuration: configuration, environment: deployed.variables)
    }
}
