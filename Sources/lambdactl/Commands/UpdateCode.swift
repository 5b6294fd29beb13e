import ArgumentParser
import Deployment
import Foundation

/// `lambdactl update-code`: upload new code only when it changed, wait, optionally publish and alias.
struct UpdateCode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-code",
        abstract: "Update a function's code when it changed (compares CodeSha256), wait, optionally publish.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: WaitOptions

    @Argument(help: "The function name or ARN.")
    var name: String

    @Option(help: "A directory or .zip with the code.")
    var code: String

    @Flag(help: "Publish a version after the update.")
    var publish = false

    @Option(help: "Create or move this alias to the published version (implies --publish).")
    var alias: String?

    @Flag(help: "Upload even when the code is unchanged.")
    var force = false

    @Option(name: .customLong("s3-bucket"), help: "Stage the package in this bucket.")
    var s3Bucket: String?

    @Option(name: .customLong("s3-key"), help: "The object key in --s3-bucket.")
    var s3Key: String?

    @Flag(name: .customLong("dry-run"), help: "Say whether the code changed; change nothing.")
    var dryRun = false

    func validate() throws {
        if s3Key != nil, s3Bucket == nil { throw ValidationError("--s3-key needs --s3-bucket") }
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let request = CodeUpdater.Request(
            name: name, codePath: code, publish: publish, alias: alias, force: force, dryRun: dryRun,
            s3Bucket: s3Bucket, s3Key: s3Key)
        let result = try await CodeUpdater(services: try app.lifecycle(waitTimeout: try wait.duration)).run(request)
        try app.output.emit(result) { UpdateCodeText.lines(result) }
    }
}

/// The text form of an update-code result (pure).
enum UpdateCodeText {
    static func lines(_ result: CodeUpdater.Result) -> String {
        let would = result.dryRun
        var lines: [String]
        if !result.changed {
            lines = ["\(result.functionName): unchanged (CodeSha256 \(result.codeSha256))"]
        } else if would {
            lines = ["\(result.functionName): would upload \(result.size) bytes (\(result.upload))"]
        } else {
            lines = ["\(result.functionName): updated (CodeSha256 \(result.codeSha256), \(result.upload) upload)"]
        }
        if let published = result.published, !(result.changed && would) {
            let version = result.version ?? "(new)"
            lines.append("Version: \(version) (" + (published ? (would ? "would publish" : "published") : "existing, same code and configuration") + ")")
        }
        if let alias = result.alias {
            let target = result.version ?? "(new)"
            if let previous = result.aliasPreviousVersion, previous == target {
                lines.append("Alias:   \(alias) → \(target) (unchanged)")
            } else {
                let change = result.aliasPreviousVersion.map { (would ? "would move; " : "") + "was \($0)" }
                    ?? (would ? "would create" : "created")
                lines.append("Alias:   \(alias) → \(target) (\(change))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
