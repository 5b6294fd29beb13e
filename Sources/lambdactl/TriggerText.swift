import Deployment

/// The text forms of the trigger commands' results.
enum TriggerText {
    /// One attach or detach: what happened, then what changed and what else was done.
    static func describe(_ result: TriggerResult) -> String {
        let target = result.function + (result.qualifier.map { ":\($0)" } ?? "")
        let verb: String
        switch result.action {
        case .created: verb = result.dryRun ? "would create" : "created"
        case .updated: verb = result.dryRun ? "would update" : "updated"
        case .unchanged: verb = "unchanged"
        case .removed: verb = result.dryRun ? "would remove" : "removed"
        case .absent: verb = "not attached"
        }
        var lines = ["\(verb) \(result.kind) trigger \(result.id ?? "(new)") on \(target): \(result.source)"]
        lines += result.changes.map { "  ~ \($0)" }
        lines += result.notes.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    /// `triggers NAME`: one line per way in, or a sentence when there is none.
    static func describe(_ report: TriggersReport) -> String {
        let target = report.function + (report.qualifier.map { ":\($0)" } ?? "")
        guard !report.triggers.isEmpty else { return "\(target): nothing invokes it (no trigger, route, URL or permission)" }
        return report.triggers.map { listing in
            var line = "\(listing.kind)\t\(listing.qualifier ?? "$LATEST")\t\(listing.source)"
            if let id = listing.id { line += "\t\(id)" }
            if let state = listing.state { line += "\t\(state)" }
            if listing.owned { line += "\tlambdactl" }
            let details = listing.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            if !details.isEmpty { line += "\t" + details.joined(separator: " ") }
            return line
        }.joined(separator: "\n")
    }
}

/// Words use-case errors the command line's way (mapping options as `--batch-size`).
enum TriggerCommandErrors {
    /// Runs `body`, rewording a mapping-option problem with the command line's names.
    static func worded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let problem as MappingProblem {
            throw LifecycleError(.usage, problem.message(CommandLineMappingNaming()))
        }
    }
}
