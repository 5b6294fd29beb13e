import ArgumentParser

/// How results are printed on stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}

/// Options every command accepts (`@OptionGroup var global: GlobalOptions`).
struct GlobalOptions: ParsableArguments {
    @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    var region: String?

    @Option(help: "Named profile from the shared config/credentials files (default: AWS_PROFILE).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every request to this endpoint instead of AWS's.")
    var endpointURL: String?

    @Option(help: "Result format on stdout: text or json.")
    var output: OutputFormat = .text

    @Flag(help: "Print requests and answers on stderr (secrets redacted).")
    var debug = false

    @Flag(name: .customLong("no-color"), help: "Never colour output (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        if let endpointURL, !(endpointURL.hasPrefix("http://") || endpointURL.hasPrefix("https://")) {
            throw ValidationError("--endpoint-url must start with http:// or https://, e.g. --endpoint-url http://127.0.0.1:5000")
        }
    }
}
