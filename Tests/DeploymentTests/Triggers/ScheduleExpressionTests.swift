import Testing
@testable import Deployment

/// Schedule expressions as EventBridge Scheduler checks them, with the corrected form in the
/// error. Valid examples come from the Scheduler and EventBridge user guides.
@Suite("Schedule expressions")
struct ScheduleExpressionTests {
    @Test("the user guides' examples are valid", arguments: [
        "rate(5 minutes)", "rate(1 minute)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)", "rate(7 days)",
        "cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 18 ? * MON-FRI *)", "cron(0 8 1 * ? *)",
        "cron(0/15 * * * ? *)", "cron(0/10 * ? * MON-FRI *)", "cron(0/5 8-17 ? * MON-FRI *)", "cron(0 9 ? * 2#1 *)",
        "cron(0 12 * * ? 2026)", "cron(*/5 * * * ? *)", "cron(0 0 L * ? *)", "cron(0 0 ? * 6L *)", "cron(0 0 15W * ? *)",
        "cron(0 0 LW * ? *)", "cron(30 2 ? * FRI#3 2026-2030)", "cron(0 0 1,15 JAN,JUL ? *)", "cron(* * * * ? *)",
        "cron(0 2 * * ? *)", "at(2026-12-24T18:00:00)", "at(2024-02-29T00:00:00)",
        // reported valid on AWS (localstack issue 13572, pyawscron issue 61)
        "cron(0-15/1 8-8 ? * 2,3,4,5,6,7 *)", "cron(30-30 13-13 ? * 2,4,6 *)", "cron(1-31/30 1-1 ? * 1,7 *)",
        "cron(0 0 1/10,2,3/8 * ? *)",
    ])
    func valid(expression: String) {
        #expect(ScheduleExpression.problem(expression) == nil, "\(ScheduleExpression.problem(expression).map(String.init(describing:)) ?? "")")
    }

    @Test("parsed expressions read back as written")
    func parses() throws {
        #expect(try ScheduleExpression.parse("rate(5 minutes)").get() == .rate(value: 5, unit: .minute))
        #expect(try ScheduleExpression.parse("cron(0 2 * * ? *)").get().text == "cron(0 2 * * ? *)")
        #expect(try ScheduleExpression.parse("at(2026-12-24T18:00:00)").get() == .at("2026-12-24T18:00:00"))
    }

    @Test("rate units must agree with the number; the error shows the corrected form", arguments: [
        ("rate(1 minutes)", "rate(1 minute)"), ("rate(5 minute)", "rate(5 minutes)"), ("rate(1 hours)", "rate(1 hour)"),
        ("rate(2 day)", "rate(2 days)"), ("rate(5 Minutes)", "rate(5 minutes)"), ("rate(5 min)", "rate(5 minutes)"),
        ("rate(5m)", "rate(5 minutes)"), ("rate(2 weeks)", "rate(14 days)"), ("rate(1 week)", "rate(7 days)"),
        ("RATE(5 minutes)", "rate(5 minutes)"), ("rate(30 seconds)", "rate(1 minute)"), ("rate(0 minutes)", "rate(1 minute)"),
        ("rate(-5 hours)", "rate(1 hour)"), ("rate(1.5 hours)", "rate(90 minutes)"), ("rate(0.5 days)", "rate(12 hours)"),
        ("rate(2.0 days)", "rate(2 days)"),
    ])
    func rateCorrections(expression: String, corrected: String) throws {
        let problem = try #require(ScheduleExpression.problem(expression))
        #expect(problem.suggestion == corrected)
        #expect(problem.description.contains("use \(corrected)"))
    }

    @Test("a rate that is not value and unit is refused", arguments: ["rate()", "rate(minutes)", "rate(5 fortnights)", "rate(0.5 minutes)"])
    func rateShape(expression: String) {
        #expect(ScheduleExpression.problem(expression) != nil)
    }

    @Test("a five-field crontab line gets the year and the ? it needs", arguments: [
        ("cron(0 2 * * *)", "cron(0 2 * * ? *)"), ("cron(0 9 1 * *)", "cron(0 9 1 * ? *)"),
        ("cron(0 9 * * MON)", "cron(0 9 ? * MON *)"),
    ])
    func fiveFields(expression: String, corrected: String) throws {
        let problem = try #require(ScheduleExpression.problem(expression))
        #expect(problem.suggestion == corrected)
        #expect(problem.description.contains("has 5 fields"))
    }

    @Test("exactly one of day-of-month and day-of-week is ?", arguments: [
        ("cron(0 9 * * MON *)", "cron(0 9 ? * MON *)"), ("cron(0 9 1 * * *)", "cron(0 9 1 * ? *)"),
        ("cron(0 9 ? * ? *)", "cron(0 9 * * ? *)"),
    ])
    func questionMark(expression: String, corrected: String) throws {
        let problem = try #require(ScheduleExpression.problem(expression))
        #expect(problem == .cronQuestionMark(expression, suggestion: corrected))
    }

    @Test("both days given as values has no single correction")
    func bothDays() {
        #expect(ScheduleExpression.problem("cron(0 9 1 * MON *)") == .cronQuestionMark("cron(0 9 1 * MON *)", suggestion: nil))
    }

    @Test("field ranges and syntax are checked per field", arguments: [
        ("cron(60 * * * ? *)", CronField.minutes), ("cron(0 24 * * ? *)", .hours), ("cron(0 0 0 * ? *)", .dayOfMonth),
        ("cron(0 0 32 * ? *)", .dayOfMonth), ("cron(0 0 1 13 ? *)", .month), ("cron(0 0 1 FOO ? *)", .month),
        ("cron(0 0 ? * 8 *)", .dayOfWeek), ("cron(0 0 ? * 0 *)", .dayOfWeek), ("cron(0 0 1 * ? 1969)", .year),
        ("cron(0 0 1 * ? 2200)", .year), ("cron(? 0 1 * ? *)", .minutes), ("cron(0 0 L * ? *) ", nil),
        ("cron(0 0 ? * MON/2 *)", .dayOfWeek), ("cron(0 0 ? * 2#6 *)", .dayOfWeek), ("cron(0 0 32W * ? *)", .dayOfMonth),
        ("cron(0 0 1 * ? W)", .year), ("cron(0/0 * * * ? *)", .minutes), ("cron(1-2-3 * * * ? *)", .minutes),
        ("cron(0,,5 * * * ? *)", .minutes), ("cron(0 0 ? * L# *)", .dayOfWeek),
    ] as [(String, CronField?)])
    func fields(expression: String, field: CronField?) {
        let problem = ScheduleExpression.problem(expression)
        if let field {
            guard case .cronField(_, let found, _) = problem else {
                Issue.record("expected a \(field.name) problem, got \(String(describing: problem))")
                return
            }
            #expect(found == field)
            #expect(problem?.description.contains(field.allowed) == true)
        } else {
            #expect(problem == nil)
        }
    }

    @Test("a cron with other than 5 or 6 fields says how many it has", arguments: ["cron(0 2 * *)", "cron(0 0 2 * * ? *)"])
    func fieldCount(expression: String) {
        guard case .cronFieldCount(_, let count, nil) = ScheduleExpression.problem(expression) else {
            Issue.record("expected a field count problem")
            return
        }
        #expect(count == expression.split(separator: " ").count)
    }

    @Test("extra spaces or CRON( get the canonical form")
    func spacing() {
        #expect(ScheduleExpression.problem("cron(0  2 * * ? *)")?.suggestion == "cron(0 2 * * ? *)")
        #expect(ScheduleExpression.problem("CRON(0 2 * * ? *)")?.suggestion == "cron(0 2 * * ? *)")
    }

    @Test("at takes yyyy-mm-ddThh:mm:ss with no zone; near misses get the corrected form", arguments: [
        ("at(2026-12-24 18:00:00)", "at(2026-12-24T18:00:00)"), ("at(2026-12-24T18:00)", "at(2026-12-24T18:00:00)"),
        ("at(2026-12-24T18:00:00Z)", "at(2026-12-24T18:00:00)"), ("AT(2026-12-24T18:00:00)", "at(2026-12-24T18:00:00)"),
    ])
    func atCorrections(expression: String, corrected: String) {
        #expect(ScheduleExpression.problem(expression)?.suggestion == corrected)
    }

    @Test("at refuses dates and times that do not exist", arguments: [
        "at(2026-02-29T00:00:00)", "at(2026-13-01T00:00:00)", "at(2026-04-31T00:00:00)", "at(2026-01-01T24:00:00)",
        "at(2100-02-29T00:00:00)",
    ])
    func atDates(expression: String) {
        #expect(ScheduleExpression.problem(expression) == .atDate(expression))
    }

    @Test("at refuses other shapes", arguments: ["at(tomorrow)", "at(2026-12-24)", "at(26-12-24T18:00:00)"])
    func atShapes(expression: String) {
        guard case .atShape = ScheduleExpression.problem(expression) else {
            Issue.record("expected an at shape problem for \(expression)")
            return
        }
    }

    @Test("a bare crontab line or rate gets wrapped; anything else lists the three forms")
    func unknownForms() {
        #expect(ScheduleExpression.problem("0 2 * * ? *")?.suggestion == "cron(0 2 * * ? *)")
        #expect(ScheduleExpression.problem("5 minutes")?.suggestion == "rate(5 minutes)")
        let other = ScheduleExpression.problem("every(5 minutes)")
        #expect(other?.suggestion == nil)
        #expect(other?.description.contains("rate(5 minutes), cron(0 2 * * ? *) or at(") == true)
    }

    @Test("time zones come from the names passed in; a wrong case gets the right name")
    func timezones() {
        let zones = ScheduleTimezones(["Europe/Berlin", "America/New_York"])
        #expect(zones.problem("Europe/Berlin") == nil)
        #expect(zones.problem("UTC") == nil, "Scheduler's default is always known")
        #expect(zones.problem("europe/berlin") == .unknownTimezone("europe/berlin", suggestion: "Europe/Berlin"))
        #expect(zones.problem("Mars/Olympus")?.suggestion == nil)
        #expect(zones.problem("Mars/Olympus")?.description.contains("Mars/Olympus is not a time zone name") == true)
    }
}
