import Testing
@testable import Deployment

/// The local refusals of event-source mapping options, before any call.
@Suite("Mapping option rules")
struct MappingRulesTests {
    static let standard = MappingSource.sqs(fifo: false)

    @Test("the source comes from the ARN, FIFO queues included")
    func sources() {
        #expect(MappingSource(arn: "arn:aws:sqs:us-east-1:123456789012:orders") == .sqs(fifo: false))
        #expect(MappingSource(arn: "arn:aws:sqs:us-east-1:123456789012:orders.fifo") == .sqs(fifo: true))
        #expect(MappingSource(arn: "arn:aws:kinesis:us-east-1:123456789012:stream/s") == .kinesis)
        #expect(MappingSource(arn: "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026-01-01T00:00:00.000") == .dynamodb)
        #expect(MappingSource(arn: "arn:aws:s3:::bucket") == nil)
        #expect(MappingSource(arn: "orders") == nil)
    }

    @Test("AWS's defaults and in-range values pass")
    func valid() {
        #expect(MappingRules.problems(MappingOptions(), source: Self.standard).isEmpty)
        #expect(MappingRules.problems(MappingOptions(batchSize: 10_000, batchWindowSeconds: 300, maxConcurrency: 1000), source: Self.standard).isEmpty)
        let stream = MappingOptions(
            batchSize: 10_000, batchWindowSeconds: 0, startingPosition: "trim-horizon", parallelization: 10, bisectOnError: true,
            maxRetries: -1, maxRecordAgeSeconds: -1, onFailure: "arn:aws:sns:us-east-1:123456789012:t",
            filters: [#"{"eventName": ["INSERT"]}"#])
        #expect(MappingRules.problems(stream, source: .dynamodb).isEmpty)
        #expect(MappingRules.problems(MappingOptions(maxRecordAgeSeconds: 60), source: .kinesis).isEmpty)
    }

    @Test("an SQS batch over 10 needs a batching window of at least 1 s")
    func batchWindowNeeded() {
        #expect(MappingRules.problem(MappingOptions(batchSize: 11), source: Self.standard) == .batchWindowRequired(batchSize: 11))
        #expect(MappingRules.problem(MappingOptions(batchSize: 11, batchWindowSeconds: 0), source: Self.standard)
            == .batchWindowRequired(batchSize: 11))
        #expect(MappingRules.problem(MappingOptions(batchSize: 11, batchWindowSeconds: 1), source: Self.standard) == nil)
        #expect(MappingRules.problem(MappingOptions(batchSize: 100), source: .kinesis) == nil, "streams need no window")
        let message = MappingProblem.batchWindowRequired(batchSize: 11).message(PlainMappingOptionNaming())
        #expect(message.contains("batchWindow 1") && message.contains("batchSize 10"))
    }

    @Test("ranges are Lambda's", arguments: [
        (MappingOptions(batchSize: 0), MappingSource.sqs(fifo: false), MappingOption.batchSize),
        (MappingOptions(batchSize: 10_001, batchWindowSeconds: 1), .sqs(fifo: false), .batchSize),
        (MappingOptions(batchSize: 11, batchWindowSeconds: 5), .sqs(fifo: true), .batchSize),
        (MappingOptions(batchSize: 10_001), .kinesis, .batchSize),
        (MappingOptions(batchWindowSeconds: 301), .dynamodb, .batchWindow),
        (MappingOptions(maxConcurrency: 1), .sqs(fifo: false), .maxConcurrency),
        (MappingOptions(maxConcurrency: 1001), .sqs(fifo: false), .maxConcurrency),
        (MappingOptions(parallelization: 11), .kinesis, .parallelization),
        (MappingOptions(parallelization: 0), .dynamodb, .parallelization),
        (MappingOptions(maxRetries: -2), .kinesis, .maxRetries),
        (MappingOptions(maxRetries: 10_001), .kinesis, .maxRetries),
    ])
    func ranges(options: MappingOptions, source: MappingSource, option: MappingOption) throws {
        let problem = try #require(MappingRules.problem(options, source: source))
        guard case .outOfRange(let found, _, _, _) = problem else {
            Issue.record("expected a range problem, got \(problem)")
            return
        }
        #expect(found == option)
    }

    @Test("record age is -1 or 60–604800 seconds", arguments: [0, 59, 604_801, -2])
    func recordAge(seconds: Int) {
        #expect(MappingRules.problem(MappingOptions(maxRecordAgeSeconds: seconds), source: .kinesis) == .recordAge(seconds: seconds))
    }

    @Test("stream options on SQS and SQS options on streams are refused")
    func wrongSource() {
        let onQueue = MappingOptions(
            startingPosition: "latest", parallelization: 2, bisectOnError: true, maxRetries: 1, maxRecordAgeSeconds: 60,
            onFailure: "arn:aws:sqs:us-east-1:1:dlq")
        #expect(MappingRules.problems(onQueue, source: Self.standard).map { problem -> MappingOption? in
            if case .notForSource(let option, _) = problem { option } else { nil }
        } == [.startingPosition, .parallelization, .bisectOnError, .maxRetries, .maxRecordAge, .onFailure])
        #expect(MappingRules.problem(MappingOptions(maxConcurrency: 5), source: .kinesis) == .notForSource(.maxConcurrency, source: .kinesis))
        #expect(MappingProblem.notForSource(.startingPosition, source: Self.standard).message(PlainMappingOptionNaming())
            == "startingPosition does not apply to SQS queues; leave it out")
    }

    @Test("FIFO queues take no batching window (0, the default, passes)")
    func fifoWindow() {
        #expect(MappingRules.problem(MappingOptions(batchWindowSeconds: 5), source: .sqs(fifo: true)) == .notForFIFO(.batchWindow))
        #expect(MappingRules.problem(MappingOptions(batchSize: 10, batchWindowSeconds: 0), source: .sqs(fifo: true)) == nil)
        #expect(MappingProblem.notForFIFO(.batchWindow).message(PlainMappingOptionNaming())
            == "batchWindow does not apply to FIFO queues; leave it out")
    }

    @Test("a starting position is latest or trim-horizon")
    func startingPosition() {
        #expect(MappingRules.problem(MappingOptions(startingPosition: "LATEST"), source: .kinesis)
            == .notOneOf(.startingPosition, value: "LATEST", allowed: ["latest", "trim-horizon"]))
    }

    @Test("an on-failure target is an SQS queue or SNS topic ARN")
    func onFailure() {
        #expect(MappingRules.problem(MappingOptions(onFailure: "failures"), source: .kinesis) == .onFailureTarget("failures"))
        #expect(MappingRules.problem(MappingOptions(onFailure: "arn:aws:lambda:us-east-1:1:function:f"), source: .kinesis)
            == .onFailureTarget("arn:aws:lambda:us-east-1:1:function:f"))
    }

    @Test("filters are JSON objects, at most 5, each at most 4096 characters")
    func filters() {
        let good = #"{"body": {"type": ["order"]}}"#
        #expect(MappingRules.problem(MappingOptions(filters: Array(repeating: good, count: 5)), source: Self.standard) == nil)
        #expect(MappingRules.problem(MappingOptions(filters: Array(repeating: good, count: 6)), source: Self.standard)
            == .tooManyFilters(count: 6, limit: 5))
        #expect(MappingRules.problem(MappingOptions(filters: [good, "{body"]), source: Self.standard) == .filterNotJSON(index: 1))
        #expect(MappingRules.problem(MappingOptions(filters: ["[1]"]), source: Self.standard) == .filterNotJSON(index: 0))
        let long = #"{"a": ""# + String(repeating: "x", count: 4100) + #""}"#
        #expect(MappingRules.problem(MappingOptions(filters: [long]), source: Self.standard)
            == .filterTooLong(index: 0, count: long.count, limit: 4096))
    }

    @Test("range messages name the option and suggest a value inside the range")
    func rangeMessage() {
        let message = MappingProblem.outOfRange(.parallelization, value: 11, limits: 1...10, unit: "batches per shard")
            .message(PlainMappingOptionNaming())
        #expect(message == "parallelization 11 is outside 1–10 batches per shard; e.g. parallelization 10")
    }
}
