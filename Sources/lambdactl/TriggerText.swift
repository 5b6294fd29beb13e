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
