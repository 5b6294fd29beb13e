import AWSLambda
import Foundation
import Testing
@testable import Deployment

/// The pure parts of a rollout: the steps and their weights, what AWS would refuse, the
/// rollout record's tag, and which alarms `rollout.alarms` names.
@Suite("Rollout schedule and rules")
struct RolloutScheduleTests {
    @Test("steps parse with or without %, 100 comes last by itself, weights end at 1")
    func steps() {
        #expect(RolloutSchedule.parse(steps: "10,50") == [10, 50])
        #expect(RolloutSchedule.parse(steps: "10%, 50%") == [10, 50])
        #expect(RolloutSchedule.parse(steps: "2.5") == [2.5])
        #expect(RolloutSchedule.parse(steps: "ten") == nil)
        #expect(RolloutSchedule(steps: [10, 50, 100]).steps == [10, 50])
        #expect(RolloutSchedule(steps: [10, 50]).weights == [0.1, 0.5, 1])
        #expect(RolloutSchedule(steps: [25], interval: .seconds(90)).text == "25% → 100%, 1m30s each")
    }

    @Test(
        "a share must lie strictly between 0 and 100 and go up",
        arguments: [([0.0], true), ([100.0], false), ([120.0], true), ([50.0, 10.0], true), ([10.0, 10.0], true), ([1.0, 99.0], false)])
    func problems(steps: [Double], refused: Bool) {
        #expect((RolloutSchedule.problem(steps: steps) != nil) == refused)
    }

    @Test("a step is watched four times, never more than once a second nor less than every 10 s")
    func pollInterval() {
        #expect(RolloutSchedule(interval: .seconds(2)).pollInterval == .seconds(1))
        #expect(RolloutSchedule(interval: .seconds(20)).pollInterval == .seconds(5))
        #expect(RolloutSchedule(interval: .seconds(600)).pollInterval == .seconds(10))
    }

    @Test("percentages print without float noise")
    func percentText() {
        #expect(RolloutSchedule.percentText((1 - 0.9) * 100) == "10%")
        #expect(RolloutSchedule.percentText(2.5) == "2.5%")
    }

    static func version(role: String, dlq: String? = nil) -> FunctionConfiguration {
        var configuration = FunctionConfiguration(functionName: "hello", role: role)
        configuration.deadLetterConfig = dlq.map { DeadLetterConfig(targetARN: $0) }
        return configuration
    }

    @Test("what AWS refuses about weights is refused first: $LATEST either side, the same version, another role or dead-letter target")
    func rules() {
        let same = Self.version(role: "arn:role/a")
        func problem(_ from: String, _ to: String, _ old: FunctionConfiguration = same, _ new: FunctionConfiguration = same) -> String? {
            RolloutRules.problem(RolloutTarget(function: "hello", alias: "live", from: from, to: to), from: old, to: new)
        }
        #expect(problem("1", "2") == nil)
        #expect(problem("1", "$LATEST")?.contains("not $LATEST") == true)
        #expect(problem("$LATEST", "2")?.contains("points at $LATEST") == true)
        #expect(problem("2", "2")?.contains("points at version 2 already") == true)
        #expect(problem("1", "2", same, Self.version(role: "arn:role/b"))?.contains("different roles") == true)
        #expect(problem("1", "2", same, Self.version(role: "arn:role/a", dlq: "arn:sqs:dlq"))?.contains("dead-letter") == true)
    }

    @Test("the rollout record says from, to, when it started and how it ended; its key stays within 128 characters")
    func record() {
        let target = RolloutTarget(function: "hello", alias: "live", from: "3", to: "4")
        let start = Date(timeIntervalSince1970: 1_764_777_600)
        #expect(RolloutRecord.started(target, at: start) == "from=3 to=4 started=2025-12-03T16:00:00Z")
        #expect(RolloutRecord.ended(target, started: start, outcome: "completed", at: start.addingTimeInterval(65))
            == "from=3 to=4 started=2025-12-03T16:00:00Z completed=2025-12-03T16:01:05Z")
        #expect(RolloutRecord.tagKey(for: "live") == "lambdactl:rollout:live")
        #expect(RolloutRecord.tagKey(for: String(repeating: "a", count: 128)).count == 128)
    }

    @Test("rollout.alarms names the function's alarms: entries by shorthand, name or metric-statistic; other words stay names")
    func alarmNames() {
        let entries = [
            AlarmEntry.shorthand("errors", location: "f:1")!,
            AlarmEntry(metric: "Duration", statistic: "p99", threshold: 1000, name: "slow"),
            AlarmEntry(metric: "Throttles", threshold: 1),
        ]
        let spec = RolloutSpec(alarms: ["errors", "slow", "throttles-sum", "shop-hello-errors-sum", "team-wide-5xx"])
        #expect(spec.alarmNames(entries: entries, base: "shop-hello") == [
            "shop-hello-errors-sum", "shop-hello-slow", "shop-hello-throttles-sum", "shop-hello-errors-sum", "team-wide-5xx",
        ])
    }
}
