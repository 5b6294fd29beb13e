import Foundation
import Testing

/// `lambdactl rollout` and `deploy` with `rollout:` against moto behind the verifying proxy
/// (which checks alias weights as AWS does): a rollout that completes, one rolled back by an
/// alarm set midway, one refused because an alarm already fires, Ctrl-C midway, errors of the
/// new version, what AWS would refuse refused first, and an app whose one alarm rolls back all.
@Suite(
    "Rollouts against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct RolloutTests {
    let harness: Harness
    let directory: URL
    static let function = "ro-canary"
    static let alarm = "ro-canary-watch"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    // MARK: Helpers

    /// Writes `code.zip` and `lambdactl.yml` (single-function form; `extra` lines at the top level).
    func writeFunction(code: String, extra: String = "alias: live", function: String = "") throws {
        try DeployFixture.zip(comment: code).write(to: directory.appendingPathComponent("code.zip"))
        let text = """
            function:
              name: \(Self.function)
              runtime: python3.12
              handler: app.handler
              code: code.zip
            \(function)
            \(extra)
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    func deploy(_ arguments: [String] = []) throws -> CommandResult {
        try CommandRunner.run(["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments, environment: harness.childEnvironment)
    }

    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: harness.childEnvironment)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    func json(_ result: CommandResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// The alias's version and its weights.
    func alias(_ function: String = RolloutTests.function) throws -> (version: String, weights: [String: Double]) {
        let object = json(try aws(["lambda", "get-alias", "--function-name", function, "--name", "live"]))
        let routing = object["RoutingConfig"] as? [String: Any]
        return (object["FunctionVersion"] as? String ?? "", routing?["AdditionalVersionWeights"] as? [String: Double] ?? [:])
    }

    /// Version 1 behind alias live, version 2 published beside it (the alias left on 1).
    func twoVersions() throws {
        try writeFunction(code: "v1")
        #expect(try deploy().exitCode == 0)
        try writeFunction(code: "v2", extra: "publish: true")
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(try alias().version == "1")
    }

    /// An alarm in OK (moto's first state) on the function's errors.
    func makeAlarm(_ name: String = RolloutTests.alarm, function: String = RolloutTests.function) throws {
        let made = try aws([
            "cloudwatch", "put-metric-alarm", "--alarm-name", name, "--namespace", "AWS/Lambda", "--metric-name", "Errors",
            "--dimensions", "Name=FunctionName,Value=\(function)", "--statistic", "Sum", "--period", "60",
            "--evaluation-periods", "1", "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold",
        ])
        #expect(made.exitCode == 0, "\(made.stderr)")
    }

    func setAlarm(_ name: String = RolloutTests.alarm, state: String, reason: String = "Threshold Crossed: 1 datapoint [2.0] was >= 1.0") throws {
        #expect(try aws(["cloudwatch", "set-alarm-state", "--alarm-name", name, "--state-value", state, "--state-reason", reason]).exitCode == 0)
    }

    /// Waits (up to 30 s) until the proxy has seen `count` UpdateAlias calls since `start`.
    func waitForAliasUpdates(_ count: Int, since start: Int) async throws {
        for _ in 0..<300 {
            if try await harness.log(since: start).filter({ $0.operation == "UpdateAlias" && (200..<300).contains($0.status ?? 0) }).count >= count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no \(count) UpdateAlias call(s) within 30 s")
    }

    /// The function's lambdactl tags.
    func tags(_ function: String = RolloutTests.function) throws -> [String: String] {
        let arn = "arn:aws:lambda:\(harness.region):123456789012:function:\(function)"
        let object = json(try aws(["lambda", "list-tags", "--resource", arn]))
        return (object["Tags"] as? [String: String] ?? [:]).filter { $0.key.hasPrefix("lambdactl:") }
    }

    /// Runs lambdactl in the background with the harness's environment.
    func background(_ arguments: [String]) throws -> BackgroundCommand {
        try BackgroundCommand.start(arguments, environment: harness.childEnvironment)
    }

    // MARK: lambdactl rollout

    @Test("completes step by step: weighted at 10% while watched, then the new version alone; history and record tagged")
    func completes() async throws {
        try twoVersions()
        try makeAlarm()
        let start = try await harness.log().count
        let running = try background([
            "rollout", Self.function, "--alias", "live", "--to-version", "2", "--steps", "10,50", "--interval", "2s",
            "--alarm", Self.alarm, "--output", "ndjson",
        ])
        try await waitForAliasUpdates(1, since: start)
        let during = try alias()
        #expect(during.version == "1" && during.weights == ["2": 0.1], "\(during)")
        let result = running.wait()
        #expect(result.exitCode == 0, "\(result.stderr)")
        let after = try alias()
        #expect(after.version == "2" && after.weights.isEmpty, "\(after)")
        let updates = try await harness.log(since: start).filter { $0.operation == "UpdateAlias" }
        #expect(updates.count == 3, "10%, 50%, 100%: \(updates.count)")
        let lines = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(lines.filter { $0["action"] as? String == "rollout" }.compactMap { $0["change"] as? String }
            == ["10%", "50%", "100%", "completed"], "\(result.stdout)")
        #expect(lines.last?["event"] as? String == "summary", "\(result.stdout)")
        let tagged = try tags()
        #expect(tagged["lambdactl:previous:live"] == "1", "\(tagged)")
        #expect(tagged["lambdactl:rollout:live"]?.hasPrefix("from=1 to=2 started=") == true
            && tagged["lambdactl:rollout:live"]?.contains(" completed=") == true, "\(tagged)")
        // rollback goes back to where the rollout started.
        let back = try lambdactl(["rollback", Self.function, "--alias", "live"])
        #expect(back.exitCode == 0, "\(back.stderr)")
        #expect(try alias().version == "1")
    }

    @Test("an alarm set to ALARM midway puts the alias back on the old version entirely: exit 11 with the alarm's reason")
    func alarmRollsBack() async throws {
        try twoVersions()
        try makeAlarm()
        let start = try await harness.log().count
        let running = try background([
            "rollout", Self.function, "--alias", "live", "--to-version", "2", "--steps", "20,60", "--interval", "20s", "--alarm", Self.alarm,
        ])
        try await waitForAliasUpdates(1, since: start)
        try setAlarm(state: "ALARM")
        let result = running.wait(limit: 30)
        #expect(result.exitCode == 11, "\(result.stderr)")
        #expect(result.stderr.contains("rolled back: alarm \(Self.alarm) is ALARM (Threshold Crossed"), "\(result.stderr)")
        #expect(result.stdout.contains("\(Self.function):live back at 1: rollout to 2 rolled back after 20%"), "\(result.stdout)")
        let after = try alias()
        #expect(after.version == "1" && after.weights.isEmpty, "\(after)")
        #expect(try tags()["lambdactl:rollout:live"]?.contains(" rolled-back=") == true)
    }

    @Test("an alarm already in ALARM: nothing moves, exit 11, not started")
    func firingAlarmRefuses() async throws {
        try twoVersions()
        try makeAlarm()
        try setAlarm(state: "ALARM", reason: "already broken")
        let start = try await harness.log().count
        let result = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "2", "--interval", "1s", "--alarm", Self.alarm])
        #expect(result.exitCode == 11, "\(result.stderr)")
        #expect(result.stderr.contains("rollout not started: alarm \(Self.alarm) is ALARM (already broken); nothing was moved"), "\(result.stderr)")
        #expect(try await harness.writes(since: start).isEmpty)
        #expect(try alias().version == "1")
    }

    @Test("Ctrl-C midway puts the alias back, says so, exit 130")
    func interruptRollsBack() async throws {
        try twoVersions()
        let start = try await harness.log().count
        let running = try background(["rollout", Self.function, "--alias", "live", "--to-version", "2", "--interval", "30s"])
        try await waitForAliasUpdates(1, since: start)
        running.interrupt()
        let result = running.wait(limit: 30)
        #expect(result.exitCode == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted: putting \(Self.function):live back on the old version"), "\(result.stderr)")
        let after = try alias()
        #expect(after.version == "1" && after.weights.isEmpty, "\(after)")
    }

    @Test("--watch-errors: errors of the new version through the alias roll back")
    func errorsRollBack() async throws {
        try twoVersions()
        let start = try await harness.log().count
        let running = try background([
            "rollout", Self.function, "--alias", "live", "--to-version", "2", "--interval", "20s", "--watch-errors",
        ])
        try await waitForAliasUpdates(1, since: start)
        let put = try aws([
            "cloudwatch", "put-metric-data", "--namespace", "AWS/Lambda", "--metric-name", "Errors", "--value", "2",
            "--dimensions", "FunctionName=\(Self.function),Resource=\(Self.function):live,ExecutedVersion=2",
        ])
        #expect(put.exitCode == 0, "\(put.stderr)")
        let result = running.wait(limit: 40)
        #expect(result.exitCode == 11, "\(result.stderr)")
        #expect(result.stderr.contains("version 2 had 2 error(s) through alias live"), "\(result.stderr)")
        #expect(try alias().version == "1")
    }

    @Test("refused before any write: $LATEST, the version it is at, a missing alarm, versions with different roles")
    func refusals() async throws {
        try twoVersions()
        let start = try await harness.log().count
        let latest = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "$LATEST"])
        #expect(latest.exitCode == 2 && latest.stderr.contains("not $LATEST"), "\(latest.stderr)")
        let same = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "1"])
        #expect(same.exitCode == 2 && same.stderr.contains("points at version 1 already"), "\(same.stderr)")
        let steps = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "2", "--steps", "50,10"])
        #expect(steps.exitCode == 2 && steps.stderr.contains("--steps: the steps must go up"), "\(steps.stderr)")
        let missing = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "2", "--alarm", "no-such-alarm"])
        #expect(missing.exitCode == 2 && missing.stderr.contains("no CloudWatch alarm is named no-such-alarm"), "\(missing.stderr)")
        // Version 3 runs with another role: AWS cannot split the alias between 1 and 3.
        let role = try aws([
            "iam", "create-role", "--role-name", "ro-other-role", "--assume-role-policy-document",
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        ])
        #expect(role.exitCode == 0, "\(role.stderr)")
        let changed = try aws([
            "lambda", "update-function-configuration", "--function-name", Self.function,
            "--role", "arn:aws:iam::123456789012:role/ro-other-role",
        ])
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        let published = try lambdactl(["publish-version", Self.function])
        #expect(published.exitCode == 0, "\(published.stderr)")
        let writes = try await harness.writes(since: start).count
        let roles = try lambdactl(["rollout", Self.function, "--alias", "live", "--to-version", "3"])
        #expect(roles.exitCode == 2 && roles.stderr.contains("run with different roles"), "\(roles.stderr)")
        #expect(roles.stderr.contains("lambdactl alias \(Self.function) live --to-version N"), "\(roles.stderr)")
        #expect(try await harness.writes(since: start).count == writes)
        #expect(try alias().version == "1")
        // A deploy cannot roll out between those roles either: it says so and moves at once.
        try writeFunction(code: "v4", extra: "alias: live\nrollout: {steps: [50], interval: 1s}")
        let deployed = try deploy()
        #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        #expect(deployed.stderr.contains("run with different roles") && deployed.stderr.contains("moves to version 4 at once"), "\(deployed.stderr)")
        #expect(try alias().version == "4")
    }

    // MARK: deploy with rollout:

    @Test("deploy with rollout: rolls out a change, reruns with no write, rolls back when the function's alarm fires (exit 11)")
    func deployRollout() async throws {
        let rollout = "alias: live\nrollout: {steps: [50], interval: 2s, alarms: [errors]}"
        try writeFunction(code: "v1", extra: rollout, function: "  alarms: [errors]")
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        try writeFunction(code: "v2", extra: rollout, function: "  alarms: [errors]")
        let plan = try deploy(["--dry-run"])
        #expect(plan.stdout.contains("alias live: would move (version: 1 → (new); rollout 50% → 100%, 2s each)"), "\(plan.stdout)")
        let second = try deploy()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("rollout \(Self.function):live → 2 (was 1; steps 50%, 100%"), "\(second.stdout)")
        #expect(try alias().version == "2")
        let start = try await harness.log().count
        let again = try deploy()
        #expect(again.exitCode == 0 && again.stdout.contains("up to date"), "\(again.stdout)")
        #expect(try await harness.writes(since: start).isEmpty)

        try writeFunction(code: "v3", extra: rollout, function: "  alarms: [errors]")
        let third = try background(["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path])
        try await waitForAliasUpdates(1, since: start)
        try setAlarm("\(Self.function)-errors-sum", state: "ALARM")
        let stopped = third.wait(limit: 60)
        #expect(stopped.exitCode == 11, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("alias live: FAILED: rolled back: alarm \(Self.function)-errors-sum is ALARM"), "\(stopped.stdout)")
        #expect(try alias().version == "2")
        // --no-rollout moves at once, whatever the alarm says.
        let forced = try deploy(["--no-rollout"])
        #expect(forced.exitCode == 0, "\(forced.stderr)")
        #expect(try alias().version == "3")
    }

    @Test("an app deploy rolls its changed functions out in lockstep; one function's alarm rolls them all back")
    func appLockstep() async throws {
        for (index, code) in ["v1", "v2", "v3"].enumerated() {
            for key in ["a", "b"] {
                try FileManager.default.createDirectory(at: directory.appendingPathComponent(key), withIntermediateDirectories: true)
                try "def handler(e, c):\n    return '\(key)-\(code)'\n".write(
                    to: directory.appendingPathComponent("\(key)/app.py"), atomically: true, encoding: .utf8)
            }
            let text = """
                app: roapp
                alias: live
                rollout: {steps: [50], interval: 3s, alarms: [errors]}
                defaults:
                  runtime: python3.12
                  handler: app.handler
                  alarms: [errors]
                functions:
                  a: {name: roapp-a, code: a}
                  b: {name: roapp-b, code: b}
                """
            try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
            if index < 2 {
                let result = try deploy(["--output", "json"])
                #expect(result.exitCode == 0, "\(result.stderr)")
                if index == 1 {
                    let rollout = json(result)["rollout"] as? [String: Any]
                    #expect(rollout?["outcome"] as? String == "completed", "\(result.stdout)")
                    #expect((rollout?["targets"] as? [Any])?.count == 2, "\(result.stdout)")
                }
                let versions = [try alias("roapp-a").version, try alias("roapp-b").version]
                #expect(versions == ["\(index + 1)", "\(index + 1)"])
                continue
            }
            let start = try await harness.log().count
            let running = try background(["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path])
            try await waitForAliasUpdates(2, since: start)
            let weights = [try alias("roapp-a").weights, try alias("roapp-b").weights]
            #expect(weights == [["3": 0.5], ["3": 0.5]])
            try setAlarm("roapp-b-errors-sum", state: "ALARM")
            let result = running.wait(limit: 60)
            #expect(result.exitCode == 11, "\(result.stderr)")
            #expect(result.stderr.contains("rolled back: alarm roapp-b-errors-sum is ALARM"), "\(result.stderr)")
            for name in ["roapp-a", "roapp-b"] {
                let after = try alias(name)
                #expect(after.version == "2" && after.weights.isEmpty, "\(name): \(after)")
            }
        }
    }
}
