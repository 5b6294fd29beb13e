/// The six cron fields of EventBridge Scheduler and what each takes (Scheduler User Guide,
/// "Cron-based schedules"): minutes 0–59 `, - * /`; hours 0–23 `, - * /`; day-of-month 1–31
/// `, - * ? / L W`; month 1–12 or JAN–DEC `, - * /`; day-of-week 1–7 or SUN–SAT `, - * ? L #`;
/// year 1970–2199 `, - * /`. Exactly one of day-of-month and day-of-week is `?`.
package enum CronField: Int, Sendable, Equatable, CaseIterable {
    /// Minutes.
    case minutes
    /// Hours.
    case hours
    /// Day of month.
    case dayOfMonth
    /// Month.
    case month
    /// Day of week.
    case dayOfWeek
    /// Year.
    case year

    /// The field's name in sentences.
    package var name: String {
        switch self {
        case .minutes: "minutes"
        case .hours: "hours"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        case .year: "year"
        }
    }

    /// The values the field takes.
    package var range: ClosedRange<Int> {
        switch self {
        case .minutes: 0...59
        case .hours: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 1...7
        case .year: 1970...2199
        }
    }

    /// Names the field accepts for numbers.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    /// The range as a sentence names it (`1–12 or JAN–DEC`).
    package var allowed: String {
        let numbers = "\(range.lowerBound)–\(range.upperBound)"
        guard let first = names.first, let last = names.last else { return numbers }
        return "\(numbers) or \(first)–\(last)"
    }

    /// The number a value stands for (a number, or a month or day name in any case).
    func number(_ text: Substring) -> Int? {
        if let value = Int(text), text.allSatisfy(\.isNumber) { return value }
        return names.firstIndex(of: text.uppercased()).map { $0 + range.lowerBound }
    }
}

extension ScheduleExpression {
    static func cron(_ inner: String, original: String, exactKind: Bool) -> Result<ScheduleExpression, ScheduleProblem> {
        var fields = inner.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if fields.count == 5 {  // a Unix crontab line: add the year, and `?` where AWS needs one
            var corrected = fields + ["*"]
            if corrected[4] == "*" { corrected[4] = "?" } else if corrected[2] == "*" { corrected[2] = "?" }
            let fixable = corrected[2] == "?" || corrected[4] == "?"
            return .failure(.cronFieldCount(original, count: 5, suggestion: fixable ? "cron(\(corrected.joined(separator: " ")))" : nil))
        }
        guard fields.count == 6 else { return .failure(.cronFieldCount(original, count: fields.count, suggestion: nil)) }
        for field in CronField.allCases {
            if let problem = check(fields[field.rawValue], field, original: original) { return .failure(problem) }
        }
        switch (fields[2] == "?", fields[4] == "?") {
        case (true, true):
            fields[2] = "*"
            return .failure(.cronQuestionMark(original, suggestion: "cron(\(fields.joined(separator: " ")))"))
        case (false, false):
            var suggestion: String?
            if fields[4] == "*" { fields[4] = "?" } else if fields[2] == "*" { fields[2] = "?" }
            if fields[2] == "?" || fields[4] == "?" { suggestion = "cron(\(fields.joined(separator: " ")))" }
            return .failure(.cronQuestionMark(original, suggestion: suggestion))
        default:
            break
        }
        let canonical = ScheduleExpression.cron(fields: fields)
        guard exactKind, inner == fields.joined(separator: " ") else {
            return .failure(.cronSpacing(original, suggestion: canonical.text))
        }
        return .success(canonical)
    }

    /// The problem with one field, if any.
    static func check(_ text: String, _ field: CronField, original: String) -> ScheduleProblem? {
        let bad = ScheduleProblem.cronField(original, field: field, value: text)
        if text == "?" { return field == .dayOfMonth || field == .dayOfWeek ? nil : bad }
        if field == .dayOfMonth, text == "L" || text == "LW" { return nil }
        if field == .dayOfMonth, text.hasSuffix("W") {
            return field.number(text.dropLast()).map(field.range.contains) == true ? nil : bad
        }
        if field == .dayOfWeek, text == "L" { return nil }
        if field == .dayOfWeek, text.hasSuffix("L") {  // 6L, FRIL: the last Friday
            return field.number(text.dropLast()).map(field.range.contains) == true ? nil : bad
        }
        if field == .dayOfWeek, let hash = text.firstIndex(of: "#") {  // 6#3, FRI#3: the third Friday
            let day = field.number(text[..<hash]), nth = Int(text[text.index(after: hash)...])
            return day.map(field.range.contains) == true && nth.map((1...5).contains) == true ? nil : bad
        }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        for item in items where !validItem(item, field) { return bad }
        return nil
    }

    /// `*`, `N`, `A-B`, or either with `/STEP` (not in day-of-week).
    static func validItem(_ item: Substring, _ field: CronField) -> Bool {
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 {
            guard field != .dayOfWeek, let step = Int(parts[1]), parts[1].allSatisfy(\.isNumber), step >= 1,
                step <= field.range.upperBound
            else { return false }
        }
        let base = parts[0]
        if base == "*" { return true }
        let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2 else { return false }
        return bounds.allSatisfy { field.number($0).map(field.range.contains) == true }
    }
}
