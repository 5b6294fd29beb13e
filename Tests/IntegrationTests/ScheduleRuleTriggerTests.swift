import Foundation
import Testing

/// Creates a function named argv[1] with a throwaway execution role.
private let makeFunction = """
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z: z.writestr("h.py", "def handler(e, c):\\n    return e\\n")
    iam = client("iam")
    try:
        role = iam.create_role(RoleName="lambdactl-sched-test", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName="lambdactl-sched-test")["Role"]["Arn"]
    client("lambda").create_function(FunctionName=sys.argv[1], Runtime="python3.12", Handler="h.handler", Role=role,
        Code={"ZipFile": buffer.getvalue()})
    print("ok")
    """

/// Prints the function argv[1]'s schedules, scheduler role, rules, targets and policy as JSON.
private let describe = """
    s = client("scheduler"); iam = client("iam"); ev = client("events"); fn = sys.argv[1]
    out = {"schedules": [], "role": None, "rules": [], "policy": []}
    try:
        for x in s.list_schedules(GroupName="lambdactl")["Schedules"]:
            if x["Target"]["Arn"].split(":")[6] == fn:
                g = s.get_schedule(Name=x["Name"], GroupName="lambdactl")
                out["schedules"].append({"name": x["Name"], "tz": g.get("ScheduleExpressionTimezone"), "expr": g["ScheduleExpression"], "role": g["Target"]["RoleArn"]})
    except Exception:
        pass
    try:
        out["role"] = iam.get_role(RoleName="lambdactl-" + fn + "-scheduler")["Role"]["Arn"]
    except Exception:
        pass
    for name in ev.list_rule_names_by_target(TargetArn=client("lambda").get_function(FunctionName=fn)["Configuration"]["FunctionArn"])["RuleNames"]:
        r = ev.describe_rule(Name=name)
        out["rules"].append({"name": name, "pattern": json.loads(r["EventPattern"]), "targets": len(ev.list_targets_by_rule(Rule=name)["Targets"])})
    try:
        out["policy"] = [(x["Principal"], x["Condition"]["ArnLike"]["AWS:SourceArn"]) for x in json.loads(client("lambda").get_policy(FunctionName=fn)["Policy"])["Statement"]]
    except Exception:
        pass
    print(json.dumps(out))
    """

@Suite("schedule and event-pattern triggers against moto", .serialized,
       .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct ScheduleRuleTriggerTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: harness.childEnvironment)
    }

    func state(_ function: String) throws -> [String: Any] {
        let text = try LogsRoutesHarness.python(describe, arguments: [function])
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func writes(since start: Int) async throws -> [String] {
        try await harness.log(since: start).filter { entry in
            entry.method != "GET" && !["Get", "List", "Describe"].contains(where: { entry.operation.hasPrefix($0) })
        }
            .map(\.operation)
    }

    @Test("a schedule is attached (group, role, schedule), re-attached with no write, updated in place, detached with its role")
    func scheduleLifecycle() async throws {
        let function = LogsRoutesHarness.unique("sched")
        _ = try LogsRoutesHarness.python(makeFunction, arguments: [function])
        let attach = ["attach-trigger", function, "--schedule", "cron(0 2 * * ? *)", "--timezone", "Europe/Berlin", "--name", "n-\(function)"]
        let first = try run(attach + ["--output", "json"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#""action" : "created""#))
        var now = try state(function)
        let schedules = now["schedules"] as? [[String: Any]] ?? []
        #expect(schedules.count == 1 && schedules.first?["tz"] as? String == "Europe/Berlin")
        #expect((now["role"] as? String)?.hasSuffix("role/lambdactl-\(function)-scheduler") == true)
        #expect((now["policy"] as? [Any])?.isEmpty == true, "Scheduler needs no resource-policy statement")

        var start = try await harness.log().count
        let again = try run(attach)
        #expect(again.exitCode == 0 && again.stdout.contains("unchanged"), "\(again.stdout)\(again.stderr)")
        #expect(try await writes(since: start).isEmpty)

        start = try await harness.log().count
        let dry = try run(["attach-trigger", function, "--schedule", "cron(0 2 * * ? *)", "--timezone", "Europe/Paris", "--name", "n-\(function)", "--dry-run"])
        #expect(dry.exitCode == 0 && dry.stdout.contains("would update"), "\(dry.stdout)")
        #expect(try await writes(since: start).isEmpty)

        start = try await harness.log().count
        let changed = try run(["attach-trigger", function, "--schedule", "cron(0 2 * * ? *)", "--timezone", "Europe/Paris", "--name", "n-\(function)"])
        #expect(changed.exitCode == 0 && changed.stdout.contains("timezone: Europe/Berlin → Europe/Paris"), "\(changed.stdout)")
        let updates = try await writes(since: start)
        #expect(updates.count == 1 && updates.first == "UpdateSchedule", "one UpdateSchedule, no delete: \(updates)")

        let detached = try run(["detach-trigger", function, "--schedule", "cron(0 2 * * ? *)", "--name", "n-\(function)"])
        #expect(detached.exitCode == 0, "\(detached.stderr)")
        now = try state(function)
        #expect((now["schedules"] as? [Any])?.isEmpty == true)
        #expect(now["role"] is NSNull, "the role goes with the function's last schedule")
    }

    @Test("rate(1 minutes) is refused locally with the corrected form and no call")
    func refusedLocally() async throws {
        let start = try await harness.log().count
        let result = try run(["attach-trigger", "any-function", "--schedule", "rate(1 minutes)"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("use rate(1 minute)"), "\(result.stderr)")
        #expect(try await harness.log(since: start).isEmpty)
    }

    @Test("a rule is attached (rule, target, permission with SourceArn), re-attached with no write, changed in place, detached to nothing")
    func ruleLifecycle() async throws {
        let function = LogsRoutesHarness.unique("rule")
        _ = try LogsRoutesHarness.python(makeFunction, arguments: [function])
        let name = "r-\(function)"
        let first = try run(["attach-trigger", function, "--event-pattern", #"{"source": ["aws.ec2"]}"#, "--name", name])
        #expect(first.exitCode == 0, "\(first.stderr)")
        var now = try state(function)
        let rules = now["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == 1 && rules.first?["targets"] as? Int == 1)
        let policy = now["policy"] as? [[Any]] ?? []
        #expect(policy.count == 1 && (policy.first?[1] as? String)?.hasSuffix(":rule/\(name)") == true)

        var start = try await harness.log().count
        let again = try run(["attach-trigger", function, "--event-pattern", #"{"source":["aws.ec2"]}"#, "--name", name])
        #expect(again.exitCode == 0 && again.stdout.contains("unchanged"), "\(again.stdout)\(again.stderr)")
        #expect(try await writes(since: start).isEmpty)

        start = try await harness.log().count
        let changed = try run(["attach-trigger", function, "--event-pattern", #"{"source":["aws.s3"]}"#, "--name", name])
        #expect(changed.exitCode == 0 && changed.stdout.contains("updated"), "\(changed.stdout)")
        #expect(try await writes(since: start) == ["PutRule"])

        let detached = try run(["detach-trigger", function, "--event-pattern", #"{"source":["aws.s3"]}"#, "--name", name])
        #expect(detached.exitCode == 0, "\(detached.stderr)")
        now = try state(function)
        #expect((now["rules"] as? [Any])?.isEmpty == true)
        #expect((now["policy"] as? [Any])?.isEmpty == true)
    }
    @Test("a second function's schedule gets its own role; the first function's role and policy are not rewritten")
    func rolePerFunction() async throws {
        let first = LogsRoutesHarness.unique("one")
        let second = LogsRoutesHarness.unique("two")
        for function in [first, second] { _ = try LogsRoutesHarness.python(makeFunction, arguments: [function]) }
        #expect(try run(["attach-trigger", first, "--schedule", "rate(5 minutes)"]).exitCode == 0)
        let start = try await harness.log().count
        #expect(try run(["attach-trigger", second, "--schedule", "rate(5 minutes)"]).exitCode == 0)
        let iamWrites = try await writes(since: start).filter { ["CreateRole", "PutRolePolicy"].contains($0) }
        #expect(iamWrites == ["CreateRole", "PutRolePolicy"], "only the second function's role is written: \(iamWrites)")
        let policy = try LogsRoutesHarness.python(
            "print(json.dumps(client('iam').get_role_policy(RoleName=sys.argv[1], PolicyName='lambdactl-invoke')['PolicyDocument']))",
            arguments: ["lambdactl-\(first)-scheduler"])
        #expect(policy.contains("function:\(first)\"") && !policy.contains(second))
        for function in [first, second] {
            #expect(try run(["detach-trigger", function, "--schedule", "rate(5 minutes)"]).exitCode == 0)
        }
    }
}
