import AWSCore
import AWSLambda
import Foundation

extension VersionManager {
    /// Writes `alias`'s history tag as `update` changes it (no call when it does not change).
    /// A refused or failed write is a warning, not a failure: the alias has moved already, and
    /// without the record `rollback` falls back to the highest lower version.
    func recordHistory(
        _ function: String, alias: String, known: FunctionDetails?, update: (AliasHistory) -> AliasHistory
    ) async throws {
        do {
            var details = known
            if details == nil { details = try await services.lambda.getFunction(function) }
            guard let details else { return }
            let before = AliasHistory.from(tags: details.tags ?? [:], alias: alias)
            let after = update(before)
            guard after != before else { return }
            guard let arn = details.configuration.functionARN else { return }
            try await services.lambda.tagResource(arn, tags: [AliasHistory.tagKey(for: alias): after.tagValue])
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            services.progress(
                "warning: could not record where alias \(alias) pointed before (\(error)); "
                    + "rollback will fall back to the highest lower version")
        }
    }
}
