import Foundation

/// The `rollout:` section: move the alias to each newly published version step by step,
/// watching alarms, instead of at once. Needs `alias:`.
package struct RolloutSpec: Sendable, Equatable, Decodable {
    /// The new version's share at each step, in percent (nil: 10, 50).
    package var steps: [Double]?
    /// How long each step is watched (`DurationSpec`; nil: 2m).
    package var interval: String?
    /// Alarms to watch: names of the function's `alarms:` entries (`errors`, a `name:`), or the
    /// names of existing CloudWatch alarms.
    package var alarms: [String]?
    /// Also roll back on errors of the new version through the alias.
    package var watchErrors: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case steps, interval, alarms
        case watchErrors = "watch_errors"
    }

    /// Creates a spec (tests).
    package init(steps: [Double]? = nil, interval: String? = nil, alarms: [String]? = nil, watchErrors: Bool? = nil) {
        self.steps = steps
        self.interval = interval
        self.alarms = alarms
        self.watchErrors = watchErrors
    }

    /// The schedule; nil when `interval` does not parse (DeployValidation refuses it first).
    package var schedule: RolloutSchedule? {
        guard let duration = interval.map(DurationSpec.parse) ?? RolloutSchedule.defaultInterval else { return nil }
        return RolloutSchedule(steps: steps ?? RolloutSchedule.defaultSteps, interval: duration)
    }

    /// The CloudWatch alarm names to watch: a word naming one of `entries` (its `name:`, its
    /// metric for the `errors` and `throttles` shorthands, `metric-statistic`, or its full name)
    /// is that alarm's name for the function (`base` as `AlarmEntry.alarmName` takes it); any
    /// other word is an existing alarm's name.
    package func alarmNames(entries: [AlarmEntry], base: String) -> [String] {
        (alarms ?? []).map { word in
            let lowered = word.lowercased()
            let entry = entries.first { $0.name == word || $0.alarmName(function: base) == word }
                ?? entries.first { $0.name == nil && "\($0.metric)-\($0.statistic)".lowercased() == lowered }
                ?? entries.first { $0.name == nil && $0.metric.lowercased() == lowered }
            return entry?.alarmName(function: base) ?? word
        }
    }
}
