/// Spellings that changed meaning: `alias F A --version 3` used to choose the version; now
/// `--version` prints lambdactl's version everywhere and `--to-version N` chooses one. Without this
/// check the old spelling would print the version and exit 0, and a script would think the alias
/// moved. Pure.
enum LegacyOptions {
    /// The commands whose `--version N` became `--to-version N`.
    static let renamed: Set<String> = ["alias", "rollback"]

    /// A one-line usage error for `arguments` (without the program name; the command comes first),
    /// or nil when they are fine.
    static func check(_ arguments: [String]) -> String? {
        guard let command = arguments.first, renamed.contains(command) else {
            return nil
        }
        for (index, argument) in arguments.enumerated() {
            let value: String?
            if argument.hasPrefix("--version=") {
                value = String(argument.dropFirst("--version=".count))
            } else if argument == "--version", index + 1 < arguments.count {
                value = arguments[index + 1]
            } else {
                value = nil
            }
            if let value, value == "$LATEST" || Int(value) != nil {
                return "\(command) --version \(value): --version prints lambdactl's version; "
                    + "choose the version with --to-version \(value)"
            }
        }
        return nil
    }
}
