import ArgumentParser
import Deployment
import Foundation
import Testing
@testable import lambdactl

@Suite("attach-trigger, detach-trigger and triggers: parsing into TriggerSpec, refusals, help")
struct TriggerCommandsTests {
    static let queueARN = "arn:aws:sqs:us-east-1:123456789012:orders"

    static func spec(_ arguments: [String]) throws -> TriggerSpec {
        let command = try AttachTrigger.parse(arguments)
        return try command.source.spec(mapping: try command.mapping.options(), files: AppEnvironment.fileSystem)
    }

    @Test("every SQS option reaches the mapping spec")
    func sqs() throws {
        let spec = try Self.spec([
            "f", "--sqs", "orders", "--batch-size", "100", "--batch-window", "5s", "--max-concurrency", "5",
            "--report-batch-failures", "--filter", #"{"body":{"a":["b"]}}"#, "--filter", "{}", "--disabled",
        ])
        let options = MappingOptions(
            batchSize: 100, batchWindowSeconds: 5, maxConcurrency: 5, reportBatchFailures: true,
            filters: [#"{"body":{"a":["b"]}}"#, "{}"], disabled: true)
        #expect(spec == .mapping(MappingTriggerSpec(kind: .sqs, source: "orders", options: options)))
    }

    @Test("every stream option reaches the mapping spec, for Kinesis and DynamoDB")
    func streams() throws {
        let rest = [
            "--starting-position", "trim-horizon", "--batch-size", "500", "--batch-window", "1m", "--parallelization", "4",
            "--bisect-on-error", "--max-retries", "3", "--max-record-age", "1h", "--on-failure", Self.queueARN,
            "--report-batch-failures", "--filter", "{}",
        ]
        let options = MappingOptions(
            batchSize: 500, batchWindowSeconds: 60, startingPosition: "trim-horizon", parallelization: 4, bisectOnError: true,
            maxRetries: 3, maxRecordAgeSeconds: 3600, onFailure: Self.queueARN, reportBatchFailures: true, filters: ["{}"])
        #expect(try Self.spec(["f", "--kinesis", "clicks"] + rest) == .mapping(MappingTriggerSpec(kind: .kinesis, source: "clicks", options: options)))
        #expect(try Self.spec(["f", "--dynamodb", "Users"] + rest) == .mapping(MappingTriggerSpec(kind: .dynamodb, source: "Users", options: options)))
        #expect(try Self.spec(["f", "--sqs", "q"]) == .mapping(MappingTriggerSpec(kind: .sqs, source: "q")), "nothing given: AWS's defaults")
    }

    @Test("S3, schedule, event pattern (inline and @FILE) and SNS options reach their specs")
    func otherSources() throws {
        #expect(try Self.spec(["f", "--s3", "uploads", "--events", "s3:ObjectCreated:Put", "--events", "s3:ObjectRemoved:*",
            "--prefix", "in/", "--suffix", ".jpg"])
            == .s3(S3TriggerSpec(bucket: "uploads", events: ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"], prefix: "in/", suffix: ".jpg")))
        #expect(try Self.spec(["f", "--schedule", "cron(0 2 * * ? *)", "--timezone", "Europe/Berlin", "--input", "{}", "--name", "nightly"])
            == .schedule(ScheduleTriggerSpec(expression: "cron(0 2 * * ? *)", timezone: "Europe/Berlin", input: "{}", name: "nightly")))
        let pattern = #"{"source":["aws.ec2"]}"#
        #expect(try Self.spec(["f", "--event-pattern", pattern, "--event-bus", "orders", "--name", "ec2"])
            == .rule(RuleTriggerSpec(pattern: pattern, bus: "orders", name: "ec2")))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pattern-\(UUID().uuidString).json")
        try Data(pattern.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.spec(["f", "--event-pattern", "@" + file.path]) == .rule(RuleTriggerSpec(pattern: pattern)))
        #expect(try Self.spec(["f", "--sns", "alerts", "--filter-policy", #"{"a":["b"]}"#])
            == .sns(SNSTriggerSpec(topic: "alerts", filterPolicy: #"{"a":["b"]}"#)))
    }

    @Test("a function ARN gives its name and qualifier; --qualifier agrees with it or fills it in")
    func targets() throws {
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:f"
        #expect(try TriggerTargetArgument.target(arn + ":live", qualifier: nil) == TriggerTarget(function: "f", qualifier: "live"))
        #expect(try TriggerTargetArgument.target(arn + ":live", qualifier: "live") == TriggerTarget(function: "f", qualifier: "live"))
        #expect(try TriggerTargetArgument.target(arn, qualifier: "blue") == TriggerTarget(function: "f", qualifier: "blue"))
        #expect(try TriggerTargetArgument.target("f", qualifier: "") == TriggerTarget(function: "f"))
    }

    static let refusals: [([String], String)] = [
        (["f"], "say what invokes the function: one of --sqs QUEUE, --kinesis STREAM, --dynamodb TABLE, --s3 BUCKET, "
            + "--schedule EXPR, --event-pattern JSON or --sns TOPIC"),
        (["f", "--sqs", "q", "--s3", "b"], "give one source per command, not 2 (--sqs and --s3); run the command once for each trigger"),
        (["f", "--sqs", "q", "--s3", "b", "--sns", "t"],
            "give one source per command, not 3 (--sqs, --s3 and --sns); run the command once for each trigger"),
        (["f", "--sqs", "q", "--prefix", "in/"], "--prefix applies only to --s3, not to --sqs; leave it out"),
        (["f", "--s3", "b", "--name", "n"], "--name applies only to --schedule or --event-pattern, not to --s3; leave it out"),
        (["f", "--schedule", "rate(1 hour)", "--filter-policy", "{}"], "--filter-policy applies only to --sns, not to --schedule; leave it out"),
        (["f", "--s3", "b", "--batch-size", "10"], "--batch-size applies only to --sqs, --kinesis or --dynamodb, not to --s3; leave it out"),
        (["f", "--sns", "t", "--disabled"], "--disabled applies only to --sqs, --kinesis or --dynamodb, not to --sns; leave it out"),
        (["f", "--sqs", "q", "--batch-window", "5 minutes"], "--batch-window takes a duration such as 30s, 5m or 1h, not 5 minutes"),
        (["f", "--kinesis", "s", "--max-record-age", "soon"], "--max-record-age takes a duration such as 30s, 5m or 1h, not soon"),
        (["arn:aws:lambda:us-east-1:123456789012:function:f:live", "--qualifier", "blue", "--sqs", "q"],
            "the function ARN ends in :live but --qualifier says blue; give the qualifier once, in the ARN or with --qualifier"),
    ]

    @Test("attach-trigger refuses before any call, with a sentence saying what to type, and exit code 2", arguments: refusals)
    func attachRefusals(arguments: [String], message: String) {
        do {
            _ = try AttachTrigger.parse(arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(AttachTrigger.message(for: error) == message)
            #expect(ExitStatus.code(for: error) == 2)
        }
    }

    @Test("detach-trigger refuses the same shapes, and mapping options it does not take, with exit code 2")
    func detachRefusals() {
        for (arguments, message) in Self.refusals where !arguments.contains(where: { ["--batch-size", "--disabled", "--batch-window", "--max-record-age"].contains($0) }) {
            do {
                _ = try DetachTrigger.parse(arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(DetachTrigger.message(for: error) == message)
                #expect(ExitStatus.code(for: error) == 2)
            }
        }
        do {
            _ = try DetachTrigger.parse(["f", "--sqs", "q", "--batch-size", "10"])
            Issue.record("accepted --batch-size")
        } catch {
            #expect(DetachTrigger.message(for: error)
                == "--batch-size is an attach-trigger option; detach-trigger names a queue or stream trigger by its source alone: leave --batch-size out")
            #expect(ExitStatus.code(for: error) == 2)
        }
    }

    @Test("--event-pattern @FILE that does not exist is a usage error (exit 2) saying what to give instead")
    func missingPatternFile() {
        for command in [AttachTrigger.self, DetachTrigger.self] as [any ParsableCommand.Type] {
            do {
                _ = try command.parse(["f", "--event-pattern", "@/nonexistent/p.json"])
                Issue.record("\(command) accepted a missing file")
            } catch {
                #expect(ExitStatus.code(for: error) == 2)
                #expect(command.message(for: error).hasPrefix("--event-pattern @/nonexistent/p.json: no such file"))
            }
        }
        do {
            _ = try Self.spec(["f", "--event-pattern", "@/nonexistent/pattern.json"])
            Issue.record("accepted a missing file")
        } catch {
            #expect(AttachTrigger.message(for: error)
                == "--event-pattern @/nonexistent/pattern.json: no such file; give the pattern as JSON text, or @ followed by the path of a file")
            #expect(ExitStatus.code(for: error) == 2)
        }
    }

    @Test("triggers takes a name or ARN and --qualifier, and refuses an ARN that contradicts it with exit code 2")
    func triggersParsing() throws {
        let command = try Triggers.parse(["f", "--qualifier", "live"])
        #expect(command.name == "f" && command.qualifier == "live")
        do {
            _ = try Triggers.parse(["arn:aws:lambda:us-east-1:123456789012:function:f:live", "--qualifier", "blue"])
            Issue.record("accepted")
        } catch {
            #expect(ExitStatus.code(for: error) == 2)
        }
        #expect(throws: (any Error).self) { try Triggers.parse([]) }
    }

    static let sourceFlags = ["--sqs", "--kinesis", "--dynamodb", "--s3", "--schedule", "--event-pattern", "--sns"]
    static let kindFlags = ["--events", "--prefix", "--suffix", "--timezone", "--input", "--name", "--event-bus", "--filter-policy"]
    static let mappingFlags = [
        "--batch-size", "--batch-window", "--max-concurrency", "--report-batch-failures", "--filter", "--disabled",
        "--starting-position", "--parallelization", "--bisect-on-error", "--max-retries", "--max-record-age", "--on-failure",
    ]

    @Test("each command's help lists every option it takes")
    func help() {
        let attach = AttachTrigger.helpMessage(columns: 100)
        for flag in Self.sourceFlags + Self.kindFlags + Self.mappingFlags + ["--qualifier", "--dry-run", "--output"] {
            #expect(attach.contains(flag), "attach-trigger --help lacks \(flag)")
        }
        let detach = DetachTrigger.helpMessage(columns: 100)
        for flag in Self.sourceFlags + Self.kindFlags + ["--qualifier", "--dry-run", "--output"] {
            #expect(detach.contains(flag), "detach-trigger --help lacks \(flag)")
        }
        for flag in Self.mappingFlags { #expect(!detach.contains(flag + " "), "detach-trigger --help shows \(flag)") }
        let list = Triggers.helpMessage(columns: 100)
        for flag in ["--qualifier", "--output"] { #expect(list.contains(flag)) }
    }
}
