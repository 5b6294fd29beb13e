import Foundation

/// ArgumentParser's usage errors as one line: its message plus where the help is, e.g.
/// `Missing expected argument '<name>'; see 'lambdactl create-function --help'`. Pure.
enum ParserErrorText {
    /// Folds ArgumentParser's multi-line `fullMessage` (Error / Help / Usage / See lines) into
    /// one line; nil when there is nothing to say.
    /// `arguments` (without the program name) let it explain a value that starts with `-`,
    /// which ArgumentParser reads as the next option (`--level -1` → "Missing value").
    static func oneLine(_ fullMessage: String, arguments: [String] = []) -> String? {
        let lines = fullMessage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard var message = lines.first(where: { !$0.isEmpty }) else { return nil }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        if message.hasSuffix(".") { message.removeLast() }
        if let hint = dashValueHint(message, arguments: arguments) { message = hint }
        guard let see = lines.first(where: { $0.hasPrefix("See '") }),
            let open = see.firstIndex(of: "'"),
            let close = see[see.index(after: open)...].firstIndex(of: "'")
        else { return message }
        let command = see[see.index(after: open)..<close]
        return "\(message); see '\(command)'"
    }

    /// "Missing value for '--x <x>'" when the argument after `--x` starts with `-` and a digit:
    /// the value is there but was taken for an option.
    static func dashValueHint(_ message: String, arguments: [String]) -> String? {
        guard message.hasPrefix("Missing value for '--"),
            let name = message.dropFirst("Missing value for '".count).split(separator: " ").first.map(String.init),
            let index = arguments.firstIndex(of: name), index + 1 < arguments.count
        else { return nil }
        let value = arguments[index + 1]
        guard value.count > 1, value.hasPrefix("-"), value.dropFirst().first?.isNumber == true else { return nil }
        return "\(name) \(value): a value starting with - is read as an option; write \(name)=\(value)"
    }
}
