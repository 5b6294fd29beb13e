import AWSLambda
import Foundation

/// A mapping exactly as the options ask for it, every option left out at AWS's default
/// (Lambda API Reference, CreateEventSourceMapping): batch size 10 for SQS and 100 for
/// streams, no batching window, no maximum concurrency, no partial batch responses, no
/// filters, enabled; on streams one batch per shard, no bisect, retries and record age -1
/// (until the record expires), no on-failure destination, starting position `LATEST`. So a
/// mapping AWS answers can be compared field by field and a rerun writes nothing. Pure.
package struct MappingDesiredState: Sendable, Equatable {
    /// The source kind.
    package var source: MappingSource
    /// Every setting, defaults filled in (stream-only members nil on SQS and the reverse).
    package var settings: EventSourceMappingSettings
    /// Streams: `LATEST` or `TRIM_HORIZON`; nil on SQS.
    package var startingPosition: String?

    /// AWS's default batch size for the source.
    package static func defaultBatchSize(_ source: MappingSource) -> Int { source.isStream ? 100 : 10 }

    /// The desired state for `options` on `source`.
    package init(_ options: MappingOptions, source: MappingSource) {
        self.source = source
        var settings = EventSourceMappingSettings(
            batchSize: options.batchSize ?? Self.defaultBatchSize(source),
            maximumBatchingWindowInSeconds: options.batchWindowSeconds ?? 0,
            functionResponseTypes: options.reportBatchFailures == true ? ["ReportBatchItemFailures"] : [],
            filterCriteria: FilterCriteria(patterns: options.filters),
            enabled: options.disabled != true)
        if source.isStream {
            settings.parallelizationFactor = options.parallelization ?? 1
            settings.bisectBatchOnFunctionError = options.bisectOnError ?? false
            settings.maximumRetryAttempts = options.maxRetries ?? -1
            settings.maximumRecordAgeInSeconds = options.maxRecordAgeSeconds ?? -1
            settings.destinationConfig = DestinationConfig(onFailure: Destination(options.onFailure))
            startingPosition = MappingRules.startingPositions[options.startingPosition ?? "latest"] ?? "LATEST"
        } else {
            settings.scalingConfig = ScalingConfig(maximumConcurrency: options.maxConcurrency)
            startingPosition = nil
        }
        self.settings = settings
    }

    /// What a create sends: the desired settings without members that say "none" (an empty
    /// filter list, no destination, no maximum concurrency), which AWS's defaults already are.
    package var createSettings: EventSourceMappingSettings {
        var create = settings
        if create.filterCriteria?.filters.isEmpty == true { create.filterCriteria = nil }
        if create.functionResponseTypes?.isEmpty == true { create.functionResponseTypes = nil }
        if create.scalingConfig?.maximumConcurrency == nil { create.scalingConfig = nil }
        if create.destinationConfig?.onFailure?.destination == nil { create.destinationConfig = nil }
        return create
    }

    /// What differs from `current`: the update to send (only the differing members) and one
    /// `name: old → new` line each; empty when the mapping is as asked.
    package func difference(from current: EventSourceMapping) -> (update: EventSourceMappingSettings, changes: [String]) {
        let have = current.settings
        var update = EventSourceMappingSettings()
        var changes: [String] = []
        func compare<T: Equatable>(_ name: String, _ old: T, _ new: T, _ text: (T) -> String, apply: () -> Void) {
            guard old != new else { return }
            changes.append("\(name): \(text(old)) → \(text(new))")
            apply()
        }
        let number: (Int?) -> String = { $0.map(String.init) ?? "none" }
        compare("batch size", have.batchSize ?? Self.defaultBatchSize(source), settings.batchSize!, String.init) {
            update.batchSize = settings.batchSize
        }
        compare("batching window", have.maximumBatchingWindowInSeconds ?? 0, settings.maximumBatchingWindowInSeconds!, { "\($0)s" }) {
            update.maximumBatchingWindowInSeconds = settings.maximumBatchingWindowInSeconds
        }
        compare("report batch failures", Set(have.functionResponseTypes ?? []), Set(settings.functionResponseTypes ?? []),
                { $0.isEmpty ? "off" : "on" }) { update.functionResponseTypes = settings.functionResponseTypes }
        let oldFilters = (have.filterCriteria?.patterns ?? []).map { TriggerIdentity.canonicalJSON($0) ?? $0 }
        let newFilters = (settings.filterCriteria?.patterns ?? []).map { TriggerIdentity.canonicalJSON($0) ?? $0 }
        compare("filters", Set(oldFilters), Set(newFilters), { "\($0.count)" }) { update.filterCriteria = settings.filterCriteria }
        compare("enabled", have.enabled ?? (current.state != "Disabled"), settings.enabled!, { $0 ? "yes" : "no" }) {
            update.enabled = settings.enabled
        }
        if source.isStream {
            compare("parallelization", have.parallelizationFactor ?? 1, settings.parallelizationFactor!, String.init) {
                update.parallelizationFactor = settings.parallelizationFactor
            }
            compare("bisect on error", have.bisectBatchOnFunctionError ?? false, settings.bisectBatchOnFunctionError!,
                    { $0 ? "on" : "off" }) { update.bisectBatchOnFunctionError = settings.bisectBatchOnFunctionError }
            compare("max retries", have.maximumRetryAttempts ?? -1, settings.maximumRetryAttempts!, String.init) {
                update.maximumRetryAttempts = settings.maximumRetryAttempts
            }
            compare("max record age", have.maximumRecordAgeInSeconds ?? -1, settings.maximumRecordAgeInSeconds!, { "\($0)s" }) {
                update.maximumRecordAgeInSeconds = settings.maximumRecordAgeInSeconds
            }
            compare("on failure", have.destinationConfig?.onFailure?.destination, settings.destinationConfig?.onFailure?.destination,
                    { $0 ?? "none" }) {
                update.destinationConfig = DestinationConfig(onFailure: Destination(settings.destinationConfig?.onFailure?.destination))
            }
        } else {
            compare("max concurrency", have.scalingConfig?.maximumConcurrency, settings.scalingConfig?.maximumConcurrency, number) {
                update.scalingConfig = ScalingConfig(maximumConcurrency: settings.scalingConfig?.maximumConcurrency)
            }
        }
        return (update, changes)
    }

    /// Whether an existing stream mapping started elsewhere than asked (AWS cannot change it).
    package func startingPositionDiffers(from current: EventSourceMapping) -> Bool {
        guard let wanted = startingPosition, let have = current.startingPosition else { return false }
        return wanted != have
    }
}
