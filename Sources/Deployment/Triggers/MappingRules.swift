import Foundation

/// What Lambda refuses about a mapping's options, checked before any call (Lambda API
/// Reference, CreateEventSourceMapping; botocore's ranges): batch size 1–10000 (FIFO queues
/// 1–10) and, on SQS, over 10 only with a batching window of at least 1 s; batching window
/// 0–300 s, none on FIFO queues ("Batching window is not supported for FIFO queues"); maximum concurrency 2–1000, SQS only; starting position, parallelization 1–10,
/// bisect, retries -1–10000, record age -1 or 60–604800 s and an on-failure destination for
/// streams only; at most 5 filters, each a JSON object of at most 4096 characters. Pure.
package enum MappingRules {
    /// `BatchSize`.
    package static let batchSize = 1...10_000
    /// `BatchSize` on a FIFO queue.
    package static let fifoBatchSize = 1...10
    /// `MaximumBatchingWindowInSeconds`.
    package static let batchWindow = 0...300
    /// `ScalingConfig.MaximumConcurrency`.
    package static let maxConcurrency = 2...1000
    /// `ParallelizationFactor`.
    package static let parallelization = 1...10
    /// `MaximumRetryAttempts` (-1: until the record expires).
    package static let maxRetries = -1...10_000
    /// `MaximumRecordAgeInSeconds` when not -1 (forever).
    package static let maxRecordAge = 60...604_800
    /// Filters per mapping (Lambda's default quota).
    package static let maxFilters = 5
    /// A filter pattern's length.
    package static let maxPatternLength = 4096
    /// The starting positions lambdactl offers, as typed, to Lambda's values.
    package static let startingPositions = ["latest": "LATEST", "trim-horizon": "TRIM_HORIZON"]

    /// Every problem with `options` for `source`, in option order; empty when Lambda would take them.
    package static func problems(_ options: MappingOptions, source: MappingSource) -> [MappingProblem] {
        var found: [MappingProblem] = []
        let sizes = source == .sqs(fifo: true) ? fifoBatchSize : batchSize
        if let size = options.batchSize {
            if !sizes.contains(size) {
                found.append(.outOfRange(.batchSize, value: size, limits: sizes, unit: "records"))
            } else if case .sqs = source, size > 10, (options.batchWindowSeconds ?? 0) < 1 {
                found.append(.batchWindowRequired(batchSize: size))
            }
        }
        if let window = options.batchWindowSeconds, !batchWindow.contains(window) {
            found.append(.outOfRange(.batchWindow, value: window, limits: batchWindow, unit: "seconds"))
        } else if source == .sqs(fifo: true), (options.batchWindowSeconds ?? 0) > 0 {
            found.append(.notForFIFO(.batchWindow))
        }
        found += sourceProblems(options, source: source)
        found += filterProblems(options.filters)
        return found
    }

    /// The first problem, if any.
    package static func problem(_ options: MappingOptions, source: MappingSource) -> MappingProblem? {
        problems(options, source: source).first
    }

    static func sourceProblems(_ options: MappingOptions, source: MappingSource) -> [MappingProblem] {
        var found: [MappingProblem] = []
        let streamOnly: [(MappingOption, Bool)] = [
            (.startingPosition, options.startingPosition != nil), (.parallelization, options.parallelization != nil),
            (.bisectOnError, options.bisectOnError != nil), (.maxRetries, options.maxRetries != nil),
            (.maxRecordAge, options.maxRecordAgeSeconds != nil), (.onFailure, options.onFailure != nil),
        ]
        if source.isStream {
            if options.maxConcurrency != nil { found.append(.notForSource(.maxConcurrency, source: source)) }
        } else {
            found += streamOnly.filter(\.1).map { .notForSource($0.0, source: source) }
            if let concurrency = options.maxConcurrency, !maxConcurrency.contains(concurrency) {
                found.append(.outOfRange(.maxConcurrency, value: concurrency, limits: maxConcurrency, unit: "concurrent invocations"))
            }
            return found
        }
        if let position = options.startingPosition, startingPositions[position] == nil {
            found.append(.notOneOf(.startingPosition, value: position, allowed: startingPositions.keys.sorted()))
        }
        if let factor = options.parallelization, !parallelization.contains(factor) {
            found.append(.outOfRange(.parallelization, value: factor, limits: parallelization, unit: "batches per shard"))
        }
        if let retries = options.maxRetries, !maxRetries.contains(retries) {
            found.append(.outOfRange(.maxRetries, value: retries, limits: maxRetries, unit: "retries"))
        }
        if let age = options.maxRecordAgeSeconds, age != -1, !maxRecordAge.contains(age) {
            found.append(.recordAge(seconds: age))
        }
        if let target = options.onFailure, !EventSourcePolicy.isFailureDestination(target) {
            found.append(.onFailureTarget(target))
        }
        return found
    }

    static func filterProblems(_ filters: [String]) -> [MappingProblem] {
        var found: [MappingProblem] = []
        if filters.count > maxFilters { found.append(.tooManyFilters(count: filters.count, limit: maxFilters)) }
        for (index, pattern) in filters.enumerated() {
            if pattern.count > maxPatternLength {
                found.append(.filterTooLong(index: index, count: pattern.count, limit: maxPatternLength))
            } else if !(((try? JSONSerialization.jsonObject(with: Data(pattern.utf8))) as? [String: Any]) != nil) {
                found.append(.filterNotJSON(index: index))
            }
        }
        return found
    }
}

/// What is wrong with a mapping option, as a value; the caller words it with its own names.
package enum MappingProblem: Error, Sendable, Equatable {
    /// A number outside Lambda's range.
    case outOfRange(MappingOption, value: Int, limits: ClosedRange<Int>, unit: String)
    /// An SQS batch over 10 without a batching window of at least 1 s.
    case batchWindowRequired(batchSize: Int)
    /// An option the source does not take (a starting position on SQS).
    case notForSource(MappingOption, source: MappingSource)
    /// An option FIFO queues do not take (a batching window).
    case notForFIFO(MappingOption)
    /// A value none of the allowed ones.
    case notOneOf(MappingOption, value: String, allowed: [String])
    /// A record age other than -1 or 60–604800 s.
    case recordAge(seconds: Int)
    /// An on-failure target that is not an SQS queue or SNS topic ARN.
    case onFailureTarget(String)
    /// More filters than Lambda allows.
    case tooManyFilters(count: Int, limit: Int)
    /// A filter (0-based) that is not a JSON object.
    case filterNotJSON(index: Int)
    /// A filter (0-based) longer than Lambda allows.
    case filterTooLong(index: Int, count: Int, limit: Int)

    /// The sentence for the user, naming options as `naming` does.
    package func message(_ naming: some MappingOptionNaming) -> String {
        switch self {
        case .outOfRange(let option, let value, let limits, let unit):
            return "\(naming.subject(option)) \(value) is outside \(limits.lowerBound)–\(limits.upperBound) \(unit); "
                + "e.g. \(naming.example(option, String(min(max(10, limits.lowerBound), limits.upperBound))))"
        case .batchWindowRequired(let size):
            return "an SQS batch of \(size) needs a batching window of at least 1 second; "
                + "add \(naming.example(.batchWindow, "1")) or use \(naming.example(.batchSize, "10"))"
        case .notForSource(let option, let source):
            let what = source.isStream ? "streams" : "SQS queues"
            return "\(naming.subject(option)) does not apply to \(what); leave it out"
        case .notForFIFO(let option):
            return "\(naming.subject(option)) does not apply to FIFO queues; leave it out"
        case .notOneOf(let option, let value, let allowed):
            return "\(naming.subject(option)) must be \(allowed.joined(separator: " or ")), not \(value)"
        case .recordAge(let seconds):
            return "\(naming.subject(.maxRecordAge)) \(seconds)s is not -1 (forever) or 60–604800 seconds; "
                + "e.g. \(naming.example(.maxRecordAge, "3600"))"
        case .onFailureTarget(let target):
            return "\(naming.subject(.onFailure)) \(target) is not an SQS queue or SNS topic ARN; "
                + "e.g. \(naming.example(.onFailure, "arn:aws:sqs:us-east-1:123456789012:failures"))"
        case .tooManyFilters(let count, let limit):
            return "\(count) \(naming.subject(.filter)) patterns given; Lambda allows at most \(limit)"
        case .filterNotJSON(let index):
            return "\(naming.subject(.filter)) #\(index + 1) is not a JSON object; "
                + "e.g. \(naming.example(.filter, #"'{"body": {"type": ["order"]}}'"#))"
        case .filterTooLong(let index, let count, let limit):
            return "\(naming.subject(.filter)) #\(index + 1) is \(count) characters; Lambda allows at most \(limit)"
        }
    }
}
