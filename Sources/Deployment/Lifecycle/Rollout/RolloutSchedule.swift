import Foundation

/// How a rollout moves traffic: the percentages the new version gets one after another (100 is
/// always the last step and is not listed), and how long each step is watched. Pure.
package struct RolloutSchedule: Sendable, Equatable {
    /// The percentages before 100, ascending, each above 0 and below 100.
    package var steps: [Double]
    /// How long each step is watched before the next.
    package var interval: Duration

    /// `--steps` and `rollout.steps` when absent: 10 %, then 50 %.
    package static let defaultSteps: [Double] = [10, 50]
    /// `--interval` and `rollout.interval` when absent: two minutes.
    package static let defaultInterval: Duration = .seconds(120)

    /// A schedule; a trailing 100 is dropped (it is always the last step).
    package init(steps: [Double] = RolloutSchedule.defaultSteps, interval: Duration = RolloutSchedule.defaultInterval) {
        self.steps = steps.last == 100 ? Array(steps.dropLast()) : steps
        self.interval = interval
    }

    /// What is wrong with `steps` (as typed, before a trailing 100 is dropped), or nil: each
    /// above 0 and below 100, ascending — AWS takes an additional version's weight between 0 and 1.
    package static func problem(steps: [Double]) -> String? {
        let listed = steps.last == 100 ? Array(steps.dropLast()) : steps
        if let bad = listed.first(where: { !($0 > 0 && $0 < 100) }) {
            return "\(percentText(bad)) is not a percentage between 0 and 100 (the new version's share of the traffic)"
        }
        if zip(listed, listed.dropFirst()).contains(where: { $0 >= $1 }) {
            return "the steps must go up, each above the one before"
        }
        return nil
    }

    /// `10,50` or `10%, 50%` → [10, 50]; nil when a part is not a number.
    package static func parse(steps text: String) -> [Double]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var values: [Double] = []
        for part in parts {
            let number = part.hasSuffix("%") ? String(part.dropLast()) : part
            guard let value = Double(number), value.isFinite else { return nil }
            values.append(value)
        }
        return values
    }

    /// Every step's weight for the new version (0–1), the final 1 included.
    package var weights: [Double] { steps.map { $0 / 100 } + [1] }

    /// How often alarms and errors are read while a step is watched: every 10 s at most, four
    /// times a step at least, never more than once a second.
    package var pollInterval: Duration {
        let quarter = interval / 4
        return min(.seconds(10), max(.seconds(1), quarter))
    }

    /// `10%`, `2.5%`.
    package static func percentText(_ value: Double) -> String {
        let value = (value * 1_000_000).rounded() / 1_000_000
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }
}

extension RolloutSchedule {
    /// `10% → 50% → 100%, 2m00s each`.
    package var text: String {
        let shares = weights.map { Self.percentText($0 * 100) }.joined(separator: " → ")
        return "\(shares), \(DurationText.format(seconds: RolloutRunner.seconds(interval))) each"
    }
}
