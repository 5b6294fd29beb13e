import Foundation

/// ArgumentParser's usage errors as one line: its message plus where the help is, e.g.
/// `Missing expected argument '<name>'; see 'lambdactl create-function --help'`. Pure.
enum ParserErrorText {
    /// Folds ArgumentParser's multi-line `fullMessage` (Error / Help / Usage / See lines) into
    /// one line; nil when there is nothing to say.
    static func oneLine(_ fullMessage: String) -> String? {
        let lines = fullMessage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard var message = lines.first(where: { !$0.isEmpty }) else { return nil }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        if message.hasSuffix(".") { message.removeLast() }
        guard let see = lines.first(where: { $0.hasPrefix("See '") }),
            let open = see.firstIndex(of: "'"),
            let close = see[see.index(after: open)...].firstIndex(of: "'")
        else { return message }
        let command = see[see.index(after: open)..<close]
        return "\(message); see '\(command)'"
    }
}
