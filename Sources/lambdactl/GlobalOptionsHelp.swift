import ArgumentParser

/// The help of the global options, in one place: the options themselves, the `package`
/// command's copies and the root `--help` all read it.
enum GlobalOptionsHelp {
    static let region = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region)."
    static let profile = "Named profile from the shared config/credentials files (default: AWS_PROFILE)."
    static let endpointURL = "Send every request to this endpoint instead of AWS's."
    static let output = "Result format on stdout: text or json (deploy, destroy and rollout also ndjson: one event per line)."
    static let debug = "Print requests and answers on stderr (secrets redacted)."
    static let noColor = "Never colour output (also: NO_COLOR)."

    /// The root command's discussion: every command takes these (lines kept under 80 columns,
    /// since the help printer re-wraps longer ones without indentation).
    static let discussion = """
        GLOBAL OPTIONS (every command takes them, after the command name):
          --region <region>       AWS region (default: AWS_REGION, AWS_DEFAULT_REGION,
                                  then the profile's region).
          --profile <profile>     Named profile from the shared config/credentials
                                  files (default: AWS_PROFILE).
          --endpoint-url <url>    Send every request to this endpoint instead of AWS's.
          --output <text|json>    Result format on stdout (default: text); deploy,
                                  destroy and rollout also take ndjson (one event per line).
          --debug                 Print requests and answers on stderr (secrets
                                  redacted).
          --no-color              Never colour output (also: NO_COLOR).
          --version               Print lambdactl's version.
          -h, --help              Show help (lambdactl help COMMAND for a command).
        """
}

/// The AWS options for a command that never calls AWS (`package`): accepted, so scripts that
/// pass them keep working, ignored, and hidden from its help.
struct IgnoredAWSOptions: ParsableArguments {
    @Option(help: ArgumentHelp(GlobalOptionsHelp.region, visibility: .hidden))
    var region: String?

    @Option(help: ArgumentHelp(GlobalOptionsHelp.profile, visibility: .hidden))
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp(GlobalOptionsHelp.endpointURL, visibility: .hidden))
    var endpointURL: String?

    @Flag(help: ArgumentHelp(GlobalOptionsHelp.debug, visibility: .hidden))
    var debug = false
}

/// `--output` and `--no-color` for a command that takes no AWS options.
struct LocalOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(GlobalOptionsHelp.output))
    var output: OutputFormat = .text

    func validate() throws {
        if output == .ndjson { throw OutputFormat.ndjsonRefusal }
    }

    @Flag(name: .customLong("no-color"), help: ArgumentHelp(GlobalOptionsHelp.noColor))
    var noColor = false
}
