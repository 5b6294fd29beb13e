import Foundation
import Testing

/// `lambdactl deploy` converging `function.alarms` against moto behind the verifying proxy:
/// created, rerun unchanged with no write, changed in place, kept or pruned, removed by `[]`,
/// a missing topic refused at its line; an alarm lambdactl did not make is never touched.
@Suite(
    "Deploy with function.alarms against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct DeployAlarmTests {
    let harness: Harness
    let directory: URL
    static let function = "dep-alarms"

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-alarms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DeployFixture.zip(comment: "v1").write(to: directory.appendingPathComponent("code.zip"))
        #expect(try aws(["sns", "create-topic", "--name", "alerts"]).exitCode == 0)
    }

    /// Writes `lambdactl.yml` with the given `alarms:` lines (indented under `function:`).
    func writeConfig(alarms: String) throws {
        let text = """
            function:
              name: \(Self.function)
              runtime: python3.12
              handler: app.handler
              code: code.zip
            \(alarms)
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
    }

    static func alarms(threshold: Int, topic: String = "alerts", duration: Bool = true) -> String {
        var text = "  alarms:\n    - errors\n"
        if duration {
            text += """
                    - metric: Duration
                      statistic: p99
                      threshold: \(threshold)
                      comparison: ">"
                      period: 5m
                      notify: [\(topic)]
                """
        }
        return text
    }

    func deploy(_ arguments: [String] = []) throws -> CommandResult {
        try CommandRunner.run(["deploy", "-f", directory.appendingPathComponent("lambdactl.yml").path] + arguments, environment: harness.childEnvironment)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    /// The alarms named `dep-alarms-…`, by name.
    func listAlarms() throws -> [String: [String: Any]] {
        let listed = try aws(["cloudwatch", "describe-alarms", "--alarm-name-prefix", "\(Self.function)-"])
        let object = (try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [String: Any] ?? [:]
        let alarms = object["MetricAlarms"] as? [[String: Any]] ?? []
        return Dictionary(alarms.map { ($0["AlarmName"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The alarm writes the proxy saw since `start`.
    func writes(since start: Int) async throws -> [String] {
        try await harness.log(since: start).map(\.operation).filter { ["PutMetricAlarm", "DeleteAlarms"].contains($0) }
    }

    @Test("created with topic ARNs, rerun unchanged with no write, a changed threshold updated in place")
    func createRerunUpdate() async throws {
        try writeConfig(alarms: Self.alarms(threshold: 1500))
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("+ alarm dep-alarms-errors-sum") && first.stdout.contains("+ alarm dep-alarms-duration-p99"), "\(first.stdout)")
        var alarms = try listAlarms()
        #expect(alarms["dep-alarms-errors-sum"]?["Threshold"] as? Double == 1)
        #expect(alarms["dep-alarms-errors-sum"]?["TreatMissingData"] as? String == "notBreaching")
        #expect(alarms["dep-alarms-duration-p99"]?["ExtendedStatistic"] as? String == "p99")
        #expect(alarms["dep-alarms-duration-p99"]?["AlarmActions"] as? [String] == ["arn:aws:sns:us-east-1:123456789012:alerts"])

        let start = try await harness.log().count
        let rerun = try deploy()
        #expect(rerun.exitCode == 0 && rerun.stdout.contains("= alarm dep-alarms-errors-sum"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("up to date; nothing changed"), "\(rerun.stdout)")
        #expect(try await writes(since: start).isEmpty)

        try writeConfig(alarms: Self.alarms(threshold: 2000))
        let changedAt = try await harness.log().count
        let changed = try deploy()
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("~ alarm dep-alarms-duration-p99 (threshold: 1500 → 2000)"), "\(changed.stdout)")
        #expect(try await writes(since: changedAt) == ["PutMetricAlarm"])
        alarms = try listAlarms()
        #expect(alarms["dep-alarms-duration-p99"]?["Threshold"] as? Double == 2000)
    }

    @Test("one left out is kept, then pruned; [] removes the rest; an alarm lambdactl did not make stays")
    func keepPruneRemove() async throws {
        try writeConfig(alarms: Self.alarms(threshold: 1500))
        #expect(try deploy().exitCode == 0)
        let theirs = try aws([
            "cloudwatch", "put-metric-alarm", "--alarm-name", "dep-alarms-theirs", "--namespace", "AWS/Lambda", "--metric-name", "Errors",
            "--dimensions", "Name=FunctionName,Value=dep-alarms", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
            "--threshold", "5", "--comparison-operator", "GreaterThanThreshold",
        ])
        #expect(theirs.exitCode == 0, "\(theirs.stderr)")
        try writeConfig(alarms: Self.alarms(threshold: 1500, duration: false))
        let kept = try deploy()
        #expect(kept.stdout.contains("  alarm dep-alarms-duration-p99 not in the file (kept; deploy --prune removes it)"), "\(kept.stdout)")
        #expect(!kept.stdout.contains("dep-alarms-theirs"))
        let pruned = try deploy(["--prune"])
        #expect(pruned.exitCode == 0 && pruned.stdout.contains("- alarm dep-alarms-duration-p99"), "\(pruned.stdout)")
        #expect(Set(try listAlarms().keys) == ["dep-alarms-errors-sum", "dep-alarms-theirs"])
        try writeConfig(alarms: "  alarms: []\n")
        let removed = try deploy()
        #expect(removed.stdout.contains("- alarm dep-alarms-errors-sum"), "\(removed.stdout)")
        #expect(Set(try listAlarms().keys) == ["dep-alarms-theirs"])
    }

    @Test("a topic that does not exist is refused at its line, with no alarm written")
    func missingTopic() async throws {
        try writeConfig(alarms: "  alarms: []\n")
        #expect(try deploy().exitCode == 0)
        try writeConfig(alarms: Self.alarms(threshold: 1500, topic: "nope"))
        let start = try await harness.log().count
        let refused = try deploy()
        #expect(refused.exitCode == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("lambdactl.yml:8: notify: the SNS topic arn:aws:sns:us-east-1:123456789012:nope does not exist"), "\(refused.stderr)")
        #expect(try await writes(since: start).isEmpty)
    }

    @Test("the app form: defaults.alarms for every function, named with the app and stage, tagged for the app, rerun unchanged")
    func appForm() async throws {
        let text = """
            app: appalarms
            stage: t1
            defaults:
              runtime: python3.12
              code: code.zip
              alarms: [errors]
            functions:
              a:
                handler: a.handler
              b:
                handler: b.handler
                alarms: [throttles]
            """
        try text.write(to: directory.appendingPathComponent("lambdactl.yml"), atomically: true, encoding: .utf8)
        let first = try deploy()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("+ alarm appalarms-a-t1-errors-sum") && first.stdout.contains("+ alarm appalarms-b-t1-throttles-sum"), "\(first.stdout)")
        let listed = try aws(["cloudwatch", "describe-alarms", "--alarm-name-prefix", "appalarms-"])
        let names = ((try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [String: Any])?["MetricAlarms"] as? [[String: Any]] ?? []
        #expect(Set(names.compactMap { $0["AlarmName"] as? String }) == ["appalarms-a-t1-errors-sum", "appalarms-b-t1-throttles-sum"])
        let arn = try #require(names.first { $0["AlarmName"] as? String == "appalarms-a-t1-errors-sum" }?["AlarmArn"] as? String)
        let tags = try aws(["cloudwatch", "list-tags-for-resource", "--resource-arn", arn])
        #expect(tags.stdout.contains("lambdactl:app") && tags.stdout.contains("appalarms") && tags.stdout.contains("lambdactl:function"), "\(tags.stdout)")
        let start = try await harness.log().count
        let rerun = try deploy()
        #expect(rerun.exitCode == 0 && rerun.stdout.contains("= a-t1: up to date") && rerun.stdout.contains("= b-t1: up to date"), "\(rerun.stdout)")
        #expect(try await writes(since: start).isEmpty)
    }
}
