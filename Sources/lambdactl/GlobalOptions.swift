import ArgumentParser

/// How results are printed on stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
    /// One JSON object per line: each step's events as they happen, then a summary line
    /// (`deploy` and `destroy` only).
    case ndjson

    /// The refusal of `--output ndjson` by a command that prints one result.
    static let ndjsonRefusal = ValidationError(
        "--output ndjson is for deploy, destroy and rollout (one event per line); use --output json here")
}

/// Options every command accepts (`@OptionGroup var global: GlobalOptions`).
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(GlobalOptionsHelp.region))
    var region: String?

    @Option(help: ArgumentHelp(GlobalOptionsHelp.profile))
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp(GlobalOptionsHelp.endpointURL))
    var endpointURL: String?

    @Option(help: ArgumentHelp(GlobalOptionsHelp.output))
    var output: OutputFormat = .text

    @Flag(help: ArgumentHelp(GlobalOptionsHelp.debug))
    var debug = false

    @Flag(name: .customLong("no-color"), help: ArgumentHelp(GlobalOptionsHelp.noColor))
    var noColor = false

    func validate() throws {
        if let endpointURL, !(endpointURL.hasPrefix("http://") || endpointURL.hasPrefix("https://")) {
            throw ValidationError("--endpoint-url must start with http:// or https://, e.g. --endpoint-url http://127.0.0.1:5000")
        }
    }
}
