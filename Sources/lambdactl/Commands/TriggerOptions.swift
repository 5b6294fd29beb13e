import AWSCore
import ArgumentParser
import Deployment
import Foundation

/// SOURCE of `attach-trigger` and `detach-trigger`: exactly one of the source flags, with the
/// options that make up a trigger's identity (S3 events and key filters, a schedule's or rule's
/// name, expression and bus) and the per-kind settings of S3, schedules, rules and SNS.
struct TriggerSourceOptions: ParsableArguments {
    @Option(name: .customLong("sqs"), help: ArgumentHelp("An SQS queue: name, URL or ARN.", valueName: "queue"))
    var sqs: String?

    @Option(name: .customLong("kinesis"), help: ArgumentHelp("A Kinesis data stream: name or ARN.", valueName: "stream"))
    var kinesis: String?

    @Option(
        name: .customLong("dynamodb"),
        help: ArgumentHelp("A DynamoDB table (name or ARN); its latest stream is used.", valueName: "table"))
    var dynamodb: String?

    @Option(name: .customLong("s3"), help: ArgumentHelp("An S3 bucket in the function's region.", valueName: "bucket"))
    var s3: String?

    @Option(
        name: .customLong("schedule"),
        help: ArgumentHelp("An EventBridge Scheduler expression: rate(5 minutes), cron(0 2 * * ? *), at(2027-01-01T09:00:00).",
            valueName: "expression"))
    var schedule: String?

    @Option(
        name: .customLong("event-pattern"),
        help: ArgumentHelp("An EventBridge event pattern: JSON, or @FILE to read it from a file.", valueName: "json"))
    var eventPattern: String?

    @Option(name: .customLong("sns"), help: ArgumentHelp("An SNS topic: name or ARN.", valueName: "topic"))
    var sns: String?

    @Option(name: .customLong("events"), help: "With --s3: an event type, repeatable (default s3:ObjectCreated:*).")
    var events: [String] = []

    @Option(help: "With --s3: only keys that start with this.")
    var prefix: String?

    @Option(help: "With --s3: only keys that end with this.")
    var suffix: String?

    @Option(help: "With --schedule: the IANA time zone of a cron or at expression (default UTC).")
    var timezone: String?

    @Option(help: "With --schedule: the JSON the function receives.")
    var input: String?

    @Option(help: "With --schedule or --event-pattern: the schedule's or rule's name (default: derived from the trigger).")
    var name: String?

    @Option(name: .customLong("event-bus"), help: "With --event-pattern: the event bus (default: default).")
    var eventBus: String?

    @Option(name: .customLong("filter-policy"), help: "With --sns: the subscription's filter policy (JSON).")
    var filterPolicy: String?

    /// The source flags given, by name.
    var sourcesGiven: [String] {
        [("--sqs", sqs), ("--kinesis", kinesis), ("--dynamodb", dynamodb), ("--s3", s3), ("--schedule", schedule),
         ("--event-pattern", eventPattern), ("--sns", sns)].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// The options given that belong to one kind only, each with the source flags it goes with.
    var kindOptionsGiven: [(flag: String, sources: [String])] {
        var given: [(String, [String])] = []
        if !events.isEmpty { given.append(("--events", ["--s3"])) }
        if prefix != nil { given.append(("--prefix", ["--s3"])) }
        if suffix != nil { given.append(("--suffix", ["--s3"])) }
        if timezone != nil { given.append(("--timezone", ["--schedule"])) }
        if input != nil { given.append(("--input", ["--schedule"])) }
        if name != nil { given.append(("--name", ["--schedule", "--event-pattern"])) }
        if eventBus != nil { given.append(("--event-bus", ["--event-pattern"])) }
        if filterPolicy != nil { given.append(("--filter-policy", ["--sns"])) }
        return given
    }

    /// Exactly one source, and no option of another kind.
    func validateShape() throws {
        let sources = sourcesGiven
        guard sources.count == 1, let source = sources.first else {
            if sources.isEmpty {
                throw ValidationError(
                    "say what invokes the function: one of --sqs QUEUE, --kinesis STREAM, --dynamodb TABLE, --s3 BUCKET, "
                        + "--schedule EXPR, --event-pattern JSON or --sns TOPIC")
            }
            throw ValidationError(
                "give one source per command, not \(sources.count) (\(Self.list(sources, and: "and"))); "
                    + "run the command once for each trigger")
        }
        for option in kindOptionsGiven where !option.sources.contains(source) {
            throw ValidationError(
                "\(option.flag) applies only to \(Self.list(option.sources, and: "or")), not to \(source); leave it out")
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ items: [String], and word: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items[items.count - 1]
    }

    /// The spec, with `mapping` as the mapping options; `--event-pattern @FILE` read through `files`.
    func spec(mapping: MappingOptions, files: any FileSystemView) throws -> TriggerSpec {
        try validateShape()
        if let sqs { return .mapping(MappingTriggerSpec(kind: .sqs, source: sqs, options: mapping)) }
        if let kinesis { return .mapping(MappingTriggerSpec(kind: .kinesis, source: kinesis, options: mapping)) }
        if let dynamodb { return .mapping(MappingTriggerSpec(kind: .dynamodb, source: dynamodb, options: mapping)) }
        if let s3 { return .s3(S3TriggerSpec(bucket: s3, events: events, prefix: prefix, suffix: suffix)) }
        if let schedule {
            return .schedule(ScheduleTriggerSpec(expression: schedule, timezone: timezone, input: input, name: name))
        }
        if let eventPattern {
            return .rule(RuleTriggerSpec(pattern: try Self.patternText(eventPattern, files: files), bus: eventBus, name: name))
        }
        return .sns(SNSTriggerSpec(topic: sns ?? "", filterPolicy: filterPolicy))
    }

    /// `--event-pattern` as JSON text: the value itself, or the file `@FILE` names.
    static func patternText(_ value: String, files: any FileSystemView) throws -> String {
        guard value.hasPrefix("@") else { return value }
        let path = String(value.dropFirst())
        guard let data = files.contents(at: path) else {
            throw ValidationError(
                "--event-pattern @\(path): no such file; give the pattern as JSON text, or @ followed by the path of a file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether any option besides the source was given (for messages).
    var hasKindOptions: Bool { !kindOptionsGiven.isEmpty }
}

/// The options of an event-source mapping (`--sqs`, `--kinesis`, `--dynamodb`) on `attach-trigger`.
struct MappingTriggerOptions: ParsableArguments {
    @Option(name: .customLong("batch-size"), help: "Records per batch (SQS 1–10000, over 10 needs --batch-window; streams 1–10000).")
    var batchSize: Int?

    @Option(name: .customLong("batch-window"), help: "How long to gather a batch: 0s to 5m (e.g. 5s, 1m).")
    var batchWindow: String?

    @Option(name: .customLong("max-concurrency"), help: "SQS: at most this many concurrent invocations (2–1000).")
    var maxConcurrency: Int?

    @Flag(name: .customLong("report-batch-failures"), help: "The function reports failed items (ReportBatchItemFailures).")
    var reportBatchFailures = false

    @Option(name: .customLong("filter"), help: "An event filter pattern (JSON), repeatable.")
    var filters: [String] = []

    @Flag(help: "SQS: create the mapping disabled.")
    var disabled = false

    @Option(name: .customLong("starting-position"), help: "Streams: latest or trim-horizon (default latest).")
    var startingPosition: String?

    @Option(help: "Streams: concurrent batches per shard (1–10).")
    var parallelization: Int?

    @Flag(name: .customLong("bisect-on-error"), help: "Streams: split a failing batch in two and retry.")
    var bisectOnError = false

    @Option(name: .customLong("max-retries"), help: "Streams: retries of a failing batch (-1 for until it expires, 0–10000).")
    var maxRetries: Int?

    @Option(name: .customLong("max-record-age"), help: "Streams: discard records older than this (60s to 7d, e.g. 1h).")
    var maxRecordAge: String?

    @Option(name: .customLong("on-failure"), help: "Streams: an SQS queue or SNS topic ARN for discarded records.")
    var onFailure: String?

    /// The flags given, for refusing them on a source that is not a mapping.
    var given: [String] {
        var flags: [String] = []
        if batchSize != nil { flags.append("--batch-size") }
        if batchWindow != nil { flags.append("--batch-window") }
        if maxConcurrency != nil { flags.append("--max-concurrency") }
        if reportBatchFailures { flags.append("--report-batch-failures") }
        if !filters.isEmpty { flags.append("--filter") }
        if disabled { flags.append("--disabled") }
        if startingPosition != nil { flags.append("--starting-position") }
        if parallelization != nil { flags.append("--parallelization") }
        if bisectOnError { flags.append("--bisect-on-error") }
        if maxRetries != nil { flags.append("--max-retries") }
        if maxRecordAge != nil { flags.append("--max-record-age") }
        if onFailure != nil { flags.append("--on-failure") }
        return flags
    }

    /// The options; durations parsed as everywhere (`DurationSpec`), in whole seconds.
    func options() throws -> MappingOptions {
        MappingOptions(
            batchSize: batchSize, batchWindowSeconds: try Self.seconds(batchWindow, flag: "--batch-window"),
            maxConcurrency: maxConcurrency, startingPosition: startingPosition, parallelization: parallelization,
            bisectOnError: bisectOnError ? true : nil, maxRetries: maxRetries,
            maxRecordAgeSeconds: try Self.seconds(maxRecordAge, flag: "--max-record-age"), onFailure: onFailure,
            reportBatchFailures: reportBatchFailures ? true : nil, filters: filters, disabled: disabled ? true : nil)
    }

    static func seconds(_ text: String?, flag: String) throws -> Int? {
        guard let text else { return nil }
        guard let duration = DurationSpec.parse(text) else {
            throw ValidationError("\(flag) takes a duration such as 30s, 5m or 1h, not \(text)")
        }
        return DurationSpec.wholeSeconds(duration)
    }
}

/// How the command line names mapping options in sentences (`--batch-size 20`).
struct CommandLineMappingNaming: MappingOptionNaming {
    func subject(_ option: MappingOption) -> String {
        switch option {
        case .batchSize: "--batch-size"
        case .batchWindow: "--batch-window"
        case .maxConcurrency: "--max-concurrency"
        case .startingPosition: "--starting-position"
        case .parallelization: "--parallelization"
        case .bisectOnError: "--bisect-on-error"
        case .maxRetries: "--max-retries"
        case .maxRecordAge: "--max-record-age"
        case .onFailure: "--on-failure"
        case .reportBatchFailures: "--report-batch-failures"
        case .filter: "--filter"
        case .disabled: "--disabled"
        }
    }

    func example(_ option: MappingOption, _ value: String) -> String { "\(subject(option)) \(value)" }
}

/// A function given by name or ARN, as the trigger commands take it.
enum TriggerTargetArgument {
    /// The target for `name` (a name, or a function ARN whose qualifier `--qualifier` may not contradict).
    static func target(_ name: String, qualifier: String?) throws -> TriggerTarget {
        guard let arn = FunctionARN(name) else { return TriggerTarget(function: name, qualifier: qualifier) }
        if let own = arn.qualifier, let qualifier, own != qualifier {
            throw ValidationError(
                "the function ARN ends in :\(own) but --qualifier says \(qualifier); give the qualifier once, "
                    + "in the ARN or with --qualifier")
        }
        return TriggerTarget(function: arn.name, qualifier: qualifier ?? arn.qualifier)
    }
}
