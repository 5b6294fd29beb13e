import AWSLambda

/// A function's triggers as `triggers:` entries and its HTTP API routes (pure). Triggers
/// lambdactl made are written with every option AWS reports that differs from its default, so a
/// deploy finds each one unchanged; triggers made by others are noted (a deploy never touches them).
struct InitTriggerText {
    /// The function's name.
    var function: String
    /// The alias the file writes (the triggers' default qualifier).
    var alias: String?
    /// The function's key in the file (its name without an app's stage suffix), for `apis:`.
    var key: String

    func lines(
        _ deployed: DeployedFunction, notes: inout [String], apis: inout [String: [(route: String, function: String)]]
    ) -> [String] {
        var entries: [[String]] = []
        for listing in deployed.triggers {
            switch listing.kind {
            case "route":
                let parts = listing.source.split(separator: " ")
                let route = parts.dropLast().joined(separator: " ")
                let api = listing.details["api"] ?? parts.last.map(String.init) ?? "?"
                if listing.qualifier != alias {
                    notes.append("route \(route) on \(api) invokes \(target(listing.qualifier)), but the file's routes invoke \(target(alias)); a deploy would point a new integration there")
                }
                apis[api, default: []].append((route, key))
            case "url", "permission":
                if listing.kind == "permission" && !listing.owned {
                    notes.append("resource-policy statement \(listing.id ?? "?") (\(listing.details["principal"] ?? "?")) on \(function) was not made by lambdactl and is not described; it stays as it is")
                }
            default:
                guard listing.owned else {
                    notes.append("\(listing.kind) trigger \(listing.source) of \(function) was not made by lambdactl and is left out; a deploy leaves it as it is")
                    continue
                }
                guard var entry = entry(listing, deployed: deployed, notes: &notes) else { continue }
                if listing.qualifier != alias { entry.append("qualifier: \(YAMLText.quoted(listing.qualifier ?? ""))") }
                entries.append(entry)
            }
        }
        guard !entries.isEmpty else { return [] }
        return ["triggers:"] + entries.flatMap { entry in ["  - " + entry[0]] + entry.dropFirst().map { "    " + $0 } }
    }

    func target(_ qualifier: String?) -> String { qualifier.map { "\(function):\($0)" } ?? function }

    /// One entry's keys (the kind and source first), or nil with a note.
    func entry(_ listing: TriggerListing, deployed: DeployedFunction, notes: inout [String]) -> [String]? {
        switch listing.kind {
        case "sqs", "kinesis", "dynamodb":
            guard let uuid = listing.id, let mapping = deployed.mappings[uuid] else { return nil }
            return mappingEntry(listing.kind, mapping, notes: &notes)
        case "s3":
            let bucket = listing.source.split(separator: ":").last.map(String.init) ?? listing.source
            var keys = ["s3: \(YAMLText.scalar(bucket))"]
            let events = (listing.details["events"] ?? "").split(separator: ",").map(String.init)
            if !events.isEmpty && events != ["s3:ObjectCreated:*"] { keys.append("events: \(YAMLText.list(events))") }
            if let prefix = listing.details["prefix"] { keys.append("prefix: \(YAMLText.scalar(prefix))") }
            if let suffix = listing.details["suffix"] { keys.append("suffix: \(YAMLText.scalar(suffix))") }
            return keys
        case "schedule":
            var keys = ["schedule: \(YAMLText.scalar(listing.source))"]
            if let zone = listing.details["timezone"], !zone.isEmpty { keys.append("timezone: \(YAMLText.scalar(zone))") }
            if let input = listing.details["input"], !input.isEmpty { keys.append("input: \(YAMLText.quoted(input))") }
            if let name = listing.id, !TriggerNaming.looksOwned(name, function: function, kind: .schedule, limit: TriggerNaming.scheduleNameLimit) {
                keys.append("name: \(YAMLText.scalar(name))")
            }
            return keys
        case "rule":
            var keys = ["event_pattern: \(YAMLText.quoted(listing.details["pattern"] ?? "{}"))"]
            if let bus = listing.details["bus"], bus != "default" { keys.append("event_bus: \(YAMLText.scalar(bus))") }
            if let name = listing.id, !TriggerNaming.looksOwned(name, function: function, kind: .rule, limit: TriggerNaming.ruleNameLimit) {
                keys.append("name: \(YAMLText.scalar(name))")
            }
            return keys
        case "sns":
            var keys = ["sns: \(YAMLText.scalar(listing.source))"]
            if let id = listing.id, let policy = deployed.filterPolicies[id] { keys.append("filter_policy: \(YAMLText.quoted(policy))") }
            return keys
        default:
            notes.append("\(listing.kind) trigger \(listing.source) of \(function) has no deploy-file form and was left out")
            return nil
        }
    }

    /// A mapping's entry: the source (a DynamoDB stream by its table) and the options.
    func mappingEntry(_ kind: String, _ mapping: EventSourceMapping, notes: inout [String]) -> [String] {
        var source = mapping.eventSourceARN ?? "?"
        if kind == "dynamodb", let table = source.split(separator: "/").dropFirst().first {
            source = String(table)  // arn:…:table/NAME/stream/LABEL → the table (its latest stream)
        }
        let s = mapping.settings
        var keys = ["\(kind): \(YAMLText.scalar(source))"]
        if kind != "sqs", let position = mapping.startingPosition {
            if position == "AT_TIMESTAMP" {
                notes.append("the \(kind) mapping of \(function) starts AT_TIMESTAMP, which a deploy file cannot say; written as latest")
                keys.append("starting_position: latest")
            } else {
                keys.append("starting_position: \(position.lowercased().replacingOccurrences(of: "_", with: "-"))")
            }
        }
        if let size = s.batchSize { keys.append("batch_size: \(size)") }
        if let window = s.maximumBatchingWindowInSeconds, window > 0 { keys.append("batch_window: \(window)") }
        if kind == "sqs", let concurrency = s.scalingConfig?.maximumConcurrency { keys.append("max_concurrency: \(concurrency)") }
        if kind != "sqs" {
            if let parallel = s.parallelizationFactor, parallel != 1 { keys.append("parallelization: \(parallel)") }
            if s.bisectBatchOnFunctionError == true { keys.append("bisect_on_error: true") }
            if let retries = s.maximumRetryAttempts, retries != -1 { keys.append("max_retries: \(retries)") }
            if let age = s.maximumRecordAgeInSeconds, age != -1 { keys.append("max_record_age: \(age)") }
            if let failure = s.destinationConfig?.onFailure?.destination, !failure.isEmpty {
                keys.append("on_failure: \(YAMLText.scalar(failure))")
            }
        }
        if s.functionResponseTypes?.contains("ReportBatchItemFailures") == true { keys.append("report_batch_failures: true") }
        let filters = s.filterCriteria?.patterns ?? []
        if !filters.isEmpty { keys.append("filters: [\(filters.map(YAMLText.quoted).joined(separator: ", "))]") }
        if kind == "sqs", s.enabled == false || mapping.state == "Disabled" { keys.append("disabled: true") }
        return keys
    }
}
