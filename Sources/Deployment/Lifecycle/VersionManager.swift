import AWSCore
import AWSLambda
import Foundation

/// Versions and aliases: publish, point an alias, roll back, list.
public struct VersionManager: Sendable {
    /// The shared services.
    public var services: LifecycleServices

    /// Creates the use case.
    public init(services: LifecycleServices) {
        self.services = services
    }

    /// An alias move.
    public struct AliasResult: Sendable, Encodable, Equatable {
        public var functionName: String
        public var alias: String
        public var version: String
        public var previousVersion: String?
        public var aliasArn: String?
    }

    /// One version with the aliases that point at it.
    public struct VersionEntry: Sendable, Encodable, Equatable {
        public var version: String
        public var codeSha256: String?
        public var description: String?
        public var aliases: [String]
    }

    /// PublishVersion after the wait, pinning `codeSHA256` and `revisionID` when given.
    public func publish(
        _ function: String, codeSHA256: String? = nil, revisionID: String? = nil,
        current: FunctionConfiguration? = nil, description: String? = nil
    ) async throws -> FunctionConfiguration {
        try await services.waiter.mutate(function, current: current) {
            try await CodeUpdater.pinned(function, revisionID: revisionID, operation: "PublishVersion") {
                try await services.lambda.publishVersion(
                    function, codeSHA256: codeSHA256, revisionID: revisionID, description: description)
            }
        }
    }

    /// Creates `alias` at `version`, or moves it there when it exists.
    public func point(_ function: String, alias: String, to version: String) async throws -> AliasResult {
        try NameRules.checkAliasName(alias)
        let existing: AliasConfiguration?
        do {
            existing = try await services.lambda.getAlias(function, alias: alias)
        } catch let error as AWSServiceError where error.isNotFound {
            existing = nil
        }
        if let existing, existing.functionVersion == version {
            return AliasResult(
                functionName: function, alias: alias, version: version, previousVersion: version,
                aliasArn: existing.aliasARN)
        }
        let moved: AliasConfiguration
        if let existing {
            moved = try await CodeUpdater.pinned(function, revisionID: existing.revisionID, operation: "UpdateAlias") {
                try await services.lambda.updateAlias(
                    function, alias: alias, version: version, revisionID: existing.revisionID)
            }
        } else {
            moved = try await services.lambda.createAlias(function, alias: alias, version: version)
        }
        return AliasResult(
            functionName: function, alias: alias, version: version, previousVersion: existing?.functionVersion,
            aliasArn: moved.aliasARN)
    }

    /// Points `alias` at the highest published version below the one it points at now.
    public func rollback(_ function: String, alias: String) async throws -> AliasResult {
        let current: AliasConfiguration
        do {
            current = try await services.lambda.getAlias(function, alias: alias)
        } catch let error as AWSServiceError where error.isNotFound {
            throw LifecycleError.usage("\(function) has no alias \(alias); create it with: lambdactl alias \(function) \(alias) --version N")
        }
        let versions = try await services.lambda.listVersions(function).compactMap { $0.version.flatMap(Int.init) }
        guard let now = Int(current.functionVersion) else {
            throw LifecycleError.usage("alias \(alias) points at \(current.functionVersion), not a published version; nothing to roll back to")
        }
        guard let previous = Self.previousVersion(before: now, in: versions) else {
            throw LifecycleError.usage("alias \(alias) points at version \(now) and there is no earlier version to roll back to")
        }
        return try await point(function, alias: alias, to: String(previous))
    }

    /// The highest version below `version` (pure).
    public static func previousVersion(before version: Int, in versions: [Int]) -> Int? {
        versions.filter { $0 < version }.max()
    }

    /// Every version (numbered ones ascending, `$LATEST` last) with its aliases.
    public func list(_ function: String) async throws -> [VersionEntry] {
        async let versionsCall = services.lambda.listVersions(function)
        async let aliasesCall = services.lambda.listAliases(function)
        let (versions, aliases) = try await (versionsCall, aliasesCall)
        let entries = versions.map { configuration in
            let version = configuration.version ?? "$LATEST"
            return VersionEntry(
                version: version, codeSha256: configuration.codeSHA256, description: configuration.description,
                aliases: aliases.filter { $0.functionVersion == version }.map(\.name).sorted())
        }
        return entries.sorted { Self.order($0.version) < Self.order($1.version) }
    }

    static func order(_ version: String) -> Int { Int(version) ?? Int.max }
}
