/// What EventBridge Scheduler would refuse about a schedule, as a value; `suggestion` is the
/// corrected expression when there is one (`use rate(1 minute)`).
package enum ScheduleProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not `rate(…)`, `cron(…)` or `at(…)`.
    case unknownForm(String, suggestion: String?)
    /// A rate that is not `rate(value unit)`.
    case rateShape(String)
    /// A rate whose value is not a positive integer.
    case rateValue(String, suggestion: String?)
    /// A rate with the wrong unit word (`rate(1 minutes)`, `rate(5 min)`, seconds).
    case rateUnit(String, suggestion: String?)
    /// A cron with other than six fields.
    case cronFieldCount(String, count: Int, suggestion: String?)
    /// A cron field with a value or syntax the field does not take.
    case cronField(String, field: CronField, value: String)
    /// A cron where day-of-month and day-of-week are both `?` or neither is.
    case cronQuestionMark(String, suggestion: String?)
    /// A cron with extra spaces, or `CRON(`.
    case cronSpacing(String, suggestion: String)
    /// An `at` that is not `at(yyyy-mm-ddThh:mm:ss)`.
    case atShape(String, suggestion: String?)
    /// An `at` naming a day or time that does not exist (`2026-02-30`).
    case atDate(String)
    /// A timezone the tz database does not name; `suggestion` is the name in the right case.
    case unknownTimezone(String, suggestion: String?)

    /// The corrected form, if any.
    package var suggestion: String? {
        switch self {
        case .unknownForm(_, let suggestion), .rateValue(_, let suggestion), .rateUnit(_, let suggestion),
            .cronFieldCount(_, _, let suggestion), .cronQuestionMark(_, let suggestion), .atShape(_, let suggestion),
            .unknownTimezone(_, let suggestion):
            suggestion
        case .cronSpacing(_, let suggestion): suggestion
        case .rateShape, .cronField, .atDate: nil
        }
    }

    /// One line: what is wrong, then what to use.
    package var description: String {
        let use = suggestion.map { "; use \($0)" }
        switch self {
        case .unknownForm(let text, _):
            return "\(text) is not a schedule expression" + (use ?? "; use rate(5 minutes), cron(0 2 * * ? *) or at(2026-12-24T18:00:00)")
        case .rateShape(let text):
            return "\(text) is not rate(value unit); use e.g. rate(1 minute), rate(5 minutes), rate(2 hours) or rate(1 day)"
        case .rateValue(let text, _):
            return "\(text) needs a whole number of at least 1" + (use ?? "")
        case .rateUnit(let text, _):
            return "\(text): the unit is minute, hour or day, singular for 1 and plural otherwise" + (use ?? "")
        case .cronFieldCount(let text, let count, _):
            return "\(text) has \(count) fields; Scheduler's cron has six (minutes hours day-of-month month day-of-week year)"
                + (use ?? "; e.g. cron(0 2 * * ? *)")
        case .cronField(let text, let field, let value):
            return "\(text): \(field.name) \(value) is not valid; \(field.name) takes \(field.allowed)" + Self.syntax(field)
        case .cronQuestionMark(let text, _):
            return "\(text): exactly one of day-of-month and day-of-week must be ?" + (use ?? "")
        case .cronSpacing(let text, _):
            return "\(text) is not written as Scheduler takes it" + (use ?? "")
        case .atShape(let text, _):
            return "\(text) is not at(yyyy-mm-ddThh:mm:ss) (the time zone is set apart)" + (use ?? "; e.g. at(2026-12-24T18:00:00)")
        case .atDate(let text):
            return "\(text) names a date or time that does not exist"
        case .unknownTimezone(let name, _):
            return "\(name) is not a time zone name" + (use ?? "; use a tz database name such as UTC or Europe/Berlin")
        }
    }

    static func syntax(_ field: CronField) -> String {
        switch field {
        case .dayOfMonth: " with , - * ? / L W"
        case .dayOfWeek: " with , - * ? L #"
        default: " with , - * /"
        }
    }
}

/// The time zones a schedule may name: the tz database names the caller passes in (the CLI
/// hands over `TimeZone.knownTimeZoneIdentifiers`; nothing here reads the system). Pure.
package struct ScheduleTimezones: Sendable {
    /// The known names.
    package let names: Set<String>
    private let byLowercase: [String: String]

    /// Creates the set; `UTC` is always known (Scheduler's default).
    package init(_ names: some Sequence<String>) {
        let all = Set(names).union(["UTC"])
        self.names = all
        byLowercase = Dictionary(all.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Nil when `name` is known; else the problem, suggesting the right case when only that is off.
    package func problem(_ name: String) -> ScheduleProblem? {
        if names.contains(name) { return nil }
        return .unknownTimezone(name, suggestion: byLowercase[name.lowercased()])
    }
}
