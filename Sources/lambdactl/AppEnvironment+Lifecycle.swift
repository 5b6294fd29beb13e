import AWSCore
import AWSIAM
import AWSLambda
import AWSS3
import Deployment
import Foundation

extension AppEnvironment {
    /// The machine's file system: the view every use case, the shared-config loader and the
    /// credential providers are handed.
    static let fileSystem: any FileSystemView = LocalFileSystem()

    /// Appended to a zip's name while it is written (`.tmp-<pid>`): unique to this process.
    static var temporarySuffix: String { ".tmp-\(ProcessInfo.processInfo.processIdentifier)" }

    /// The Lambda client.
    func lambda() throws -> LambdaClient {
        LambdaClient(context: context, endpoint: try endpoint(.lambda))
    }

    /// The IAM client (global endpoint, signs for us-east-1).
    func iam() throws -> IAMClient {
        IAMClient(context: context, endpoint: try endpoint(.iam))
    }

    /// The S3 client.
    func s3() throws -> S3Client {
        S3Client(context: context, endpoint: try endpoint(.s3))
    }

    /// The packager for `--code DIRECTORY`: the zip writer, warnings on stderr.
    var codePackager: (any CodePackager)? {
        let console = console
        return DirectoryPackager(scratch: ScratchDirectory.create, files: Self.fileSystem, temporarySuffix: Self.temporarySuffix) {
            console.warning(PackagingErrorText.line($0))
        }
    }

    /// Everything the lifecycle use cases share, with progress on stderr.
    func lifecycle(waitTimeout: Duration = .seconds(600)) throws -> LifecycleServices {
        let lambda = try lambda()
        let console = console
        let progress = progressSink
        var services = LifecycleServices(
            lambda: lambda, iam: try iam(),
            stager: CodeStager(
                s3: try s3(), sts: try sts(), region: region, files: Self.fileSystem,
                expiryDaysSetting: environment["LAMBDACTL_ARTIFACT_EXPIRY_DAYS"], progress: progress),
            loader: CodeLoader(packager: codePackager, files: Self.fileSystem),
            waiter: FunctionWaiter(lambda: lambda, time: context.time, timeout: waitTimeout, progress: progress),
            time: context.time, naming: CommandLineNaming(), progress: progress, warn: { console.warning($0) })
        services.events = events
        return services
    }

    /// Progress lines: on stderr, and with `--output ndjson` also as progress events on stdout.
    var progressSink: @Sendable (String) -> Void {
        let console = console
        guard output.format == .ndjson else { return { console.info($0) } }
        let output = output
        return { line in
            console.info(line)
            output.event(DeployEvent(.progress, message: Redactor.text(line)))
        }
    }

    /// Step events: on stdout with `--output ndjson`, else dropped.
    var events: DeployEvents {
        guard output.format == .ndjson else { return .none }
        let output = output
        return DeployEvents { output.event($0) }
    }
}
