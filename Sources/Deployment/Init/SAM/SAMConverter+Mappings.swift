import Foundation
import Yams

/// The options of one event being read: each property taken is marked as known, so the rest
/// can be listed as not converted.
struct EventOptions {
    var properties: Node.Mapping
    var trigger = SAMOutputMap()
    var known: [String]

    /// The property's value, marked as read.
    mutating func take(_ property: String) -> Node? {
        known.append(property)
        return properties[property]
    }
}

extension SAMConverter {
    /// An SQS, Kinesis or DynamoDB event as a mapping trigger.
    mutating func mappingTrigger(_ event: Node, type: String, _ properties: Node.Mapping) -> SAMOutput? {
        let sourceKey = type == "SQS" ? "Queue" : "Stream"
        guard let sourceNode = properties[sourceKey], var source = text(sourceNode, .name, "\(type) \(sourceKey)") else {
            if properties[sourceKey] == nil { hand(event, "\(type) event needs \(sourceKey)") }
            return nil
        }
        // A stream ARN names its table: lambdactl reads the table's latest stream.
        if type == "DynamoDB", let cut = source.range(of: "/stream/") { source = String(source[..<cut.lowerBound]) }
        var options = EventOptions(properties: properties, known: [sourceKey])
        options.trigger.set(type.lowercased(), .text(source))
        if type == "SQS" {
            if let maximum = options.take("ScalingConfig")?.mapping?["MaximumConcurrency"] {
                options.trigger.set("max_concurrency", number(maximum, "MaximumConcurrency"))
            }
        } else {
            streamOptions(&options)
        }
        batchOptions(&options, type: type)
        leftOver(properties, known: options.known, event: event, type: type)
        return .map(options.trigger)
    }

    /// A stream's starting position, parallelization, retries and failure destination.
    mutating func streamOptions(_ options: inout EventOptions) {
        if let node = options.take("StartingPosition") {
            switch node.string {
            case "LATEST": options.trigger.set("starting_position", .text("latest"))
            case "TRIM_HORIZON": options.trigger.set("starting_position", .text("trim-horizon"))
            default: hand(node, "StartingPosition \(node.string ?? "") has no lambdactl form; use LATEST or TRIM_HORIZON")
            }
        }
        if let node = options.take("ParallelizationFactor") { options.trigger.set("parallelization", number(node, "ParallelizationFactor")) }
        if let node = options.take("BisectBatchOnFunctionError") {
            options.trigger.set("bisect_on_error", bool(node, "BisectBatchOnFunctionError").map { .plain("\($0)") })
        }
        if let node = options.take("MaximumRetryAttempts") { options.trigger.set("max_retries", number(node, "MaximumRetryAttempts")) }
        if let node = options.take("MaximumRecordAgeInSeconds") {
            options.trigger.set("max_record_age", number(node, "MaximumRecordAgeInSeconds"))
        }
        if let node = options.take("DestinationConfig") {
            guard let destination = node.mapping?["OnFailure"]?.mapping?["Destination"] else {
                return hand(node, "DestinationConfig needs OnFailure.Destination")
            }
            options.trigger.set("on_failure", text(destination, .arn, "OnFailure Destination").map(SAMOutput.text))
        }
    }

    /// Batch size and window, partial batch responses, filters and `Enabled`, for every mapping.
    mutating func batchOptions(_ options: inout EventOptions, type: String) {
        if let node = options.take("BatchSize") { options.trigger.set("batch_size", number(node, "BatchSize")) }
        if let node = options.take("MaximumBatchingWindowInSeconds") {
            options.trigger.set("batch_window", seconds(node, "MaximumBatchingWindowInSeconds"))
        }
        if let node = options.take("FunctionResponseTypes"), node.sequence?.contains(where: { $0.string == "ReportBatchItemFailures" }) == true {
            options.trigger.set("report_batch_failures", .plain("true"))
        }
        if let node = options.take("FilterCriteria") {
            let patterns = node.mapping?["Filters"]?.sequence?.compactMap { $0.mapping?["Pattern"]?.string } ?? []
            if !patterns.isEmpty { options.trigger.set("filters", .list(patterns.map(SAMOutput.text))) }
        }
        if let node = options.take("Enabled"), node.bool == false {
            if type == "SQS" {
                options.trigger.set("disabled", .plain("true"))
            } else {
                hand(node, "a disabled \(type) trigger has no lambdactl form; it is written enabled")
            }
        }
    }

    /// A number of seconds as a duration (`5s`), or a parameter reference as it is.
    mutating func seconds(_ node: Node, _ what: String) -> SAMOutput? {
        number(node, what).map { value in
            if case .plain(let seconds) = value { return .text("\(seconds)s") }
            return value
        }
    }
}
