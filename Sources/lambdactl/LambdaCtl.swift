import ArgumentParser
import Deployment
import Foundation

/// The `lambdactl` executable: deploys AWS Lambda functions without an SDK, Python or Docker.
@main
struct LambdaCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambdactl",
        abstract: "Deploy and operate AWS Lambda functions from one native binary.",
        discussion: GlobalOptionsHelp.discussion,
        version: LambdaCtlVersion.text,
        subcommands: [
            // Keep alphabetical.
            Alarms.self,
            Alias.self,
            AsyncConfig.self,
            AttachTrigger.self,
            AttachRoutesCommand.self,
            Completions.self,
            Concurrency.self,
            CreateFunction.self,
            DeleteFunction.self,
            Deploy.self,
            Destroy.self,
            Doctor.self,
            DetachRoutesCommand.self,
            DetachTrigger.self,
            FunctionURL.self,
            GetFunction.self,
            Init.self,
            Invoke.self,
            ListFunctions.self,
            Logs.self,
            Metrics.self,
            Package.self,
            PublishLayer.self,
            PublishVersion.self,
            Request.self,
            Rollback.self,
            RoutesCommand.self,
            Triggers.self,
            UpdateCode.self,
            UpdateConfig.self,
            Versions.self,
            WhoAmI.self,
        ]
    )

    /// Runs the command and turns every error into one line on stderr and a documented exit code.
    static func main() async {
        if let line = LegacyOptions.check(Array(CommandLine.arguments.dropFirst())) {
            Console.forErrors(arguments: CommandLine.arguments).error(line)
            exit(ExitStatus.usage)
        }
        do {
            if let unknown = UnknownCommandError.check(Array(CommandLine.arguments.dropFirst()), commands: commandNames) {
                throw unknown
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            ScratchDirectory.remove()
        } catch {
            ScratchDirectory.remove()
            let code = ExitStatus.code(for: error)
            if code == 0 {
                // --help, --version: ArgumentParser's own text on stdout.
                print(fullMessage(for: error))
            } else if ExitStatus.isParserError(error) {
                if let line = ParserErrorText.oneLine(fullMessage(for: error), arguments: Array(CommandLine.arguments.dropFirst())) { Console.forErrors(arguments: CommandLine.arguments).error(line) }
            } else {
                Console.forErrors(arguments: CommandLine.arguments).error(ErrorText.oneLine(error))
            }
            exit(code)
        }
    }

    /// Every subcommand's name, as typed on the command line.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// Terminates the process with `code`.
    static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }
}
