import Foundation

/// The one duration syntax of every option and config key that takes a length of time
/// (`--wait-timeout`, `wait_timeout`, `logs --since/--until/--interval/--idle-timeout/--max-duration`):
/// a bare number is seconds (`90`, `0.5`); otherwise one or more number-unit pairs with units
/// `ms`, `s`, `m`, `h`, `d` (and `w`), such as `500ms`, `10m`, `1d`, `1h30m`, `1.5h`. Pure.
package enum DurationSpec {
    /// The longest duration accepted (ten years), so arithmetic on it never overflows.
    package static let maximumSeconds: Double = 10 * 366 * 86_400

    /// Seconds per unit.
    static let units: [String: Double] = ["ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// The duration `text` means; nil when it is malformed, negative or longer than
    /// `maximumSeconds`. Case and surrounding spaces are ignored.
    package static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        let seconds: Double
        if let bare = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." }) {
            seconds = bare
        } else {
            guard let total = compound(trimmed) else { return nil }
            seconds = total
        }
        guard seconds.isFinite, seconds >= 0, seconds <= maximumSeconds else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// `1h30m` → 5400; nil unless the whole text is number-unit pairs.
    static func compound(_ text: String) -> Double? {
        var total = 0.0
        var rest = Substring(text)
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            guard !number.isEmpty, let value = Double(number), let scale = units[String(unit)] else { return nil }
            total += value * scale
        }
        return total
    }

    /// Whole seconds, rounded up (a 1500 ms timeout waits 2 s rather than 1).
    package static func wholeSeconds(_ duration: Duration) -> Int {
        let components = duration.components
        return Int(components.seconds) + (components.attoseconds > 0 ? 1 : 0)
    }
}
