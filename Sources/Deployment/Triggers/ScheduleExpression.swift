/// An EventBridge Scheduler schedule expression, checked the way Scheduler checks it (its User
/// Guide, "Schedule types on EventBridge Scheduler"): `rate(value unit)` with a positive integer
/// and `minute`/`hour`/`day` singular for 1, plural otherwise; `cron(…)` with six fields
/// (`ScheduleExpression+Cron.swift`); `at(yyyy-mm-ddThh:mm:ss)`. Problems come back as values
/// that carry the corrected form where there is one. Pure.
package enum ScheduleExpression: Sendable, Equatable {
    /// `rate(value unit)`.
    case rate(value: Int, unit: RateUnit)
    /// `cron(minutes hours day-of-month month day-of-week year)`, fields as written.
    case cron(fields: [String])
    /// `at(yyyy-mm-ddThh:mm:ss)`, the text between the parentheses.
    case at(String)

    /// A rate's unit.
    package enum RateUnit: String, Sendable, Equatable, CaseIterable {
        /// Minutes.
        case minute
        /// Hours.
        case hour
        /// Days.
        case day

        /// `minute` for 1, `minutes` otherwise.
        package func word(for value: Int) -> String { value == 1 ? rawValue : rawValue + "s" }
    }

    /// The expression as Scheduler stores it.
    package var text: String {
        switch self {
        case .rate(let value, let unit): "rate(\(value) \(unit.word(for: value)))"
        case .cron(let fields): "cron(\(fields.joined(separator: " ")))"
        case .at(let time): "at(\(time))"
        }
    }

    /// Parses and checks `text`.
    package static func parse(_ text: String) -> Result<ScheduleExpression, ScheduleProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else {
            return .failure(.unknownForm(text, suggestion: suggestion(forBare: trimmed)))
        }
        let kind = trimmed[..<open].lowercased()
        let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            .trimmingCharacters(in: .whitespaces)
        switch kind {
        case "rate": return rate(inner, original: text, exactKind: trimmed.hasPrefix("rate("))
        case "cron": return cron(inner, original: text, exactKind: trimmed.hasPrefix("cron("))
        case "at": return at(inner, original: text, exactKind: trimmed.hasPrefix("at("))
        default: return .failure(.unknownForm(text, suggestion: nil))
        }
    }

    /// The first problem with `text`, or nil when Scheduler would take it.
    package static func problem(_ text: String) -> ScheduleProblem? {
        if case .failure(let problem) = parse(text) { return problem }
        return nil
    }

    /// The units people write instead of Scheduler's, to the unit and a multiplier.
    static let unitSpellings: [String: (RateUnit, Int)] = [
        "minute": (.minute, 1), "minutes": (.minute, 1), "min": (.minute, 1), "mins": (.minute, 1), "m": (.minute, 1),
        "hour": (.hour, 1), "hours": (.hour, 1), "hr": (.hour, 1), "hrs": (.hour, 1), "h": (.hour, 1),
        "day": (.day, 1), "days": (.day, 1), "d": (.day, 1), "week": (.day, 7), "weeks": (.day, 7), "w": (.day, 7),
    ]

    static func rate(_ inner: String, original: String, exactKind: Bool) -> Result<ScheduleExpression, ScheduleProblem> {
        let words = inner.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var value: Int?
        var unitText: String?
        if words.count == 2 {
            value = Int(words[0])
            unitText = words[1]
        } else if words.count == 1, let digits = words[0].firstIndex(where: { !$0.isNumber }) {
            value = Int(words[0][..<digits])  // rate(5minutes), rate(5m)
            unitText = String(words[0][digits...])
        }
        guard let unitText, let spelled = unitSpellings[unitText.lowercased()] else {
            if let unitText, ["second", "seconds", "sec", "secs", "s"].contains(unitText.lowercased()) {
                return .failure(.rateUnit(original, suggestion: "rate(1 minute)"))
            }
            return .failure(.rateShape(original))
        }
        guard let value, value > 0 else {
            if words.count == 2, let fraction = fractionalSuggestion(words[0], spelled) {
                return .failure(.rateValue(original, suggestion: fraction))
            }
            return .failure(.rateValue(original, suggestion: "rate(1 \(spelled.0.word(for: 1)))"))
        }
        let (multiplied, overflow) = value.multipliedReportingOverflow(by: spelled.1)
        guard !overflow else { return .failure(.rateValue(original, suggestion: nil)) }
        let expression = ScheduleExpression.rate(value: multiplied, unit: spelled.0)
        guard exactKind, words.count == 2, words[1] == spelled.0.word(for: multiplied), words[0] == String(value),
            inner == words.joined(separator: " ")
        else {
            return .failure(.rateUnit(original, suggestion: expression.text))
        }
        return .success(expression)
    }

    /// `rate(1.5 hours)` → `rate(90 minutes)`: a fraction that is a whole number of a smaller unit.
    static func fractionalSuggestion(_ number: String, _ spelled: (RateUnit, Int)) -> String? {
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        let minutes = value * Double(spelled.1) * (spelled.0 == .day ? 1440 : spelled.0 == .hour ? 60 : 1)
        for unit in [RateUnit.day, .hour, .minute] {
            let size: Double = unit == .day ? 1440 : unit == .hour ? 60 : 1
            let count = minutes / size
            if count >= 1, count == count.rounded(), count < Double(Int.max) {
                return ScheduleExpression.rate(value: Int(count), unit: unit).text
            }
        }
        return nil
    }

    static func at(_ inner: String, original: String, exactKind: Bool) -> Result<ScheduleExpression, ScheduleProblem> {
        var candidate = inner.replacingOccurrences(of: " ", with: "T")
        if candidate.hasSuffix("Z") || candidate.hasSuffix("z") { candidate.removeLast() }
        if candidate.count == 16 { candidate += ":00" }  // yyyy-mm-ddThh:mm
        guard let parts = AtTime(candidate) else { return .failure(.atShape(original, suggestion: nil)) }
        guard parts.isValid else { return .failure(.atDate(original)) }
        guard exactKind, candidate == inner else { return .failure(.atShape(original, suggestion: "at(\(candidate))")) }
        return .success(.at(inner))
    }

    static func suggestion(forBare text: String) -> String? {
        let words = text.split(separator: " ")
        if words.count == 5 || words.count == 6 { return "cron(\(text))" }  // a cron line without cron(…)
        if words.count == 2, Int(words[0]) != nil { return "rate(\(text))" }
        return nil
    }
}

/// `yyyy-mm-ddThh:mm:ss`, split and checked against the calendar (leap years included).
struct AtTime {
    let year, month, day, hour, minute, second: Int

    init?(_ text: String) {
        let chars = Array(text)
        guard chars.count == 19, chars[4] == "-", chars[7] == "-", chars[10] == "T", chars[13] == ":", chars[16] == ":"
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            let slice = chars[range]
            return slice.allSatisfy(\.isASCII) && slice.allSatisfy(\.isNumber) ? Int(String(slice)) : nil
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    var isValid: Bool {
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
