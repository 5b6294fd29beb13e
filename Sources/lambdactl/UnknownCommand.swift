import AWSCore

/// `lambdactl put-function-concurrency f 5`: a first argument that names no command, reported
/// as what it is, with the nearest command by edit distance, instead of ArgumentParser's
/// "3 unexpected arguments". Pure.
struct UnknownCommandError: CategorizedError, CustomStringConvertible, Equatable {
    /// What was typed.
    let typed: String
    /// The nearest command's name (nil only when there are no commands).
    let suggestion: String?
    /// Whether the suggestion is close enough to be a likely typo ("did you mean").
    let isClose: Bool

    var category: ErrorCategory { .usage }

    var description: String {
        guard let suggestion else { return "unknown command '\(typed)'; 'lambdactl --help' lists the commands" }
        let hint = isClose ? "did you mean '\(suggestion)'?" : "the nearest command is '\(suggestion)'"
        return "unknown command '\(typed)'; \(hint) ('lambdactl --help' lists the commands)"
    }

    /// The error for `arguments` (without the program name) when the first one is neither an
    /// option nor one of `commands`; nil when the command line starts with a known command.
    static func check(_ arguments: [String], commands: [String]) -> UnknownCommandError? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !commands.contains(first) else {
            return nil
        }
        let best = nearest(to: first, in: commands)
        return UnknownCommandError(typed: first, suggestion: best?.name, isClose: best?.isClose ?? false)
    }

    /// The command nearest to `typed` (ties: the first in order). The score is the edit distance,
    /// or one more than the distance of the command to the best-matching part of `typed`, so
    /// AWS CLI names such as `get-function-configuration` find `get-function`. Close (a likely
    /// typo) when the edit distance is at most a third of the command's length (at least 2), or
    /// the command is spelled out inside `typed`.
    static func nearest(to typed: String, in commands: [String]) -> (name: String, isClose: Bool)? {
        let lowered = typed.lowercased()
        let scored = commands.map { command in
            (command, distance(lowered, command), infixDistance(command, in: lowered))
        }
        guard let best = scored.min(by: { min($0.1, $0.2 + 1) < min($1.1, $1.2 + 1) }) else { return nil }
        return (best.0, best.1 <= max(2, best.0.count / 3) || best.2 == 0)
    }

    /// Levenshtein distance (insert, delete, substitute, each costing one).
    static func distance(_ a: String, _ b: String) -> Int {
        alignment(Array(a), Array(b), freeEnds: false)
    }

    /// The edit distance from `pattern` to its best match anywhere inside `text`.
    static func infixDistance(_ pattern: String, in text: String) -> Int {
        alignment(Array(pattern), Array(text), freeEnds: true)
    }

    /// Edit distance of `a` against `b`; with `freeEnds`, skipping the start and end of `b` is free.
    static func alignment(_ a: [Character], _ b: [Character], freeEnds: Bool) -> Int {
        guard !a.isEmpty else { return freeEnds ? 0 : b.count }
        var previous = freeEnds ? Array(repeating: 0, count: b.count + 1) : Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return freeEnds ? (previous.min() ?? a.count) : previous[b.count]
    }
}
