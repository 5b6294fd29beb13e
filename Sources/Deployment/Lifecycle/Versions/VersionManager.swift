import AWSCore
import AWSLambda
import Foundation

/// Versions and aliases: publish, point an alias, roll back, list.
package struct VersionManager: Sendable {
    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    /// An alias move.
    package struct AliasResult: Sendable, Encodable, Equatable {
        package var functionName: String
        package var alias: String
        package var version: String
        package var previousVersion: String?
        package var aliasArn: String?
    }

    /// One version with the aliases that point at it.
    package struct VersionEntry: Sendable, Encodable, Equatable {
        package var version: String
        package var codeSha256: String?
        package var description: String?
        package var aliases: [String]
    }

    /// PublishVersion after the wait, pinning `codeSHA256` and `revisionID` when given.
    package func publish(
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

    /// Creates `alias` at `version`, or moves it there when it exists; a move records where the
    /// alias pointed before in the function's history tag (``AliasHistory``). `function` gives the
    /// function's ARN and tags when the caller has read them, saving a GetFunction.
    package func point(_ function: String, alias: String, to version: String, known: FunctionDetails? = nil)
        async throws -> AliasResult
    {
        try NameRules.checkAliasName(alias)
        let existing = try await currentAlias(function, alias: alias)
        return try await move(function, alias: alias, from: existing, to: version) { history, previous in
            history.recording(previous)
        } known: { known }
    }

    /// The alias, or nil when it does not exist.
    func currentAlias(_ function: String, alias: String) async throws -> AliasConfiguration? {
        do {
            return try await services.lambda.getAlias(function, alias: alias)
        } catch let error as AWSServiceError where error.isNotFound {
            return nil
        }
    }

    /// Creates or moves the alias (nothing when it is at `version` already), then writes the
    /// history `update` returns for the version it left.
    func move(
        _ function: String, alias: String, from existing: AliasConfiguration?, to version: String,
        history update: (AliasHistory, String) -> AliasHistory, known: () async throws -> FunctionDetails?
    ) async throws -> AliasResult {
        // Leftover weights (a rollout that was stopped) are removed with the move.
        let weighted = existing?.routingConfig?.isWeighted == true
        if let existing, existing.functionVersion == version, !weighted {
            return AliasResult(
                functionName: function, alias: alias, version: version, previousVersion: version,
                aliasArn: existing.aliasARN)
        }
        let moved: AliasConfiguration
        if let existing {
            moved = try await CodeUpdater.pinned(function, revisionID: existing.revisionID, operation: "UpdateAlias") {
                try await services.lambda.updateAlias(
                    function, alias: alias, version: version, revisionID: existing.revisionID,
                    routing: weighted ? .unweighted : nil)
            }
            if existing.functionVersion == version {
                return AliasResult(
                    functionName: function, alias: alias, version: version, previousVersion: version,
                    aliasArn: moved.aliasARN)
            }
            try await recordHistory(function, alias: alias, known: try await known()) { update($0, existing.functionVersion) }
        } else {
            moved = try await services.lambda.createAlias(function, alias: alias, version: version)
        }
        return AliasResult(
            functionName: function, alias: alias, version: version, previousVersion: existing?.functionVersion,
            aliasArn: moved.aliasARN)
    }

    /// Points `alias` back: at `target` when given, else at the newest version its history
    /// records, else (no history) at the highest published version below the one it points at.
    package func rollback(_ function: String, alias: String, to target: String? = nil) async throws -> AliasResult {
        guard let current = try await currentAlias(function, alias: alias) else {
            throw LifecycleError(.usage, "\(function) has no alias \(alias)", hint: .createAlias(function: function, alias: alias))
        }
        let details = try await services.lambda.getFunction(function)
        let history = AliasHistory.from(tags: details.tags ?? [:], alias: alias)
        let versions = try await services.lambda.listVersions(function).compactMap(\.version)
        // A stopped rollout left weights: going back is removing them (the alias's own version
        // is the old one).
        let stopped = current.routingConfig?.isWeighted == true ? current.functionVersion : nil
        let destination = try target ?? stopped ?? history.rollbackTarget(from: current.functionVersion, existing: Set(versions))
            ?? Self.fallbackTarget(alias: alias, current: current.functionVersion, versions: versions)
        if let target, !versions.contains(target) {
            throw LifecycleError(.usage, "\(function) has no version \(target)", hint: .listVersions(function: function))
        }
        return try await move(function, alias: alias, from: current, to: destination) { history, _ in
            history.rollingBack(to: destination)
        } known: { details }
    }

    /// Today's rollback without a history: the highest published version below `current`.
    static func fallbackTarget(alias: String, current: String, versions: [String]) throws -> String {
        guard let now = Int(current) else {
            throw LifecycleError(
                .usage, "alias \(alias) points at \(current), not a published version; nothing to roll back to",
                hint: .chooseVersion)
        }
        guard let previous = previousVersion(before: now, in: versions.compactMap(Int.init)) else {
            throw LifecycleError(
                .usage, "alias \(alias) points at version \(now) and there is no earlier version to roll back to",
                hint: .chooseVersion)
        }
        return String(previous)
    }

    /// The highest version below `version` (pure).
    package static func previousVersion(before version: Int, in versions: [Int]) -> Int? {
        versions.filter { $0 < version }.max()
    }

    /// Every version (numbered ones ascending, `$LATEST` last) with its aliases.
    package func list(_ function: String) async throws -> [VersionEntry] {
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
