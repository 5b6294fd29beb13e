import AWSCore
import AWSIAM
import AWSLambda
import AWSS3
import AWSSTS
import Foundation

/// The clients and settings every lifecycle use case shares, built once by the composition root.
public struct LifecycleServices: Sendable {
    /// Lambda.
    public var lambda: LambdaClient
    /// IAM, for execution roles.
    public var iam: IAMClient
    /// S3 and STS, for staging large packages.
    public var stager: CodeStager
    /// Turns `--code` into a zip artifact.
    public var loader: CodeLoader
    /// The waiter around every mutating call.
    public var waiter: FunctionWaiter
    /// The clock and sleep (the client context's).
    public var time: TimeSource
    /// Progress lines for stderr.
    public var progress: @Sendable (String) -> Void
    /// Warnings for stderr (a deprecated runtime, …); the command goes on.
    public var warn: @Sendable (String) -> Void

    /// Creates the services.
    public init(
        lambda: LambdaClient, iam: IAMClient, stager: CodeStager, loader: CodeLoader, waiter: FunctionWaiter,
        time: TimeSource, progress: @escaping @Sendable (String) -> Void,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.lambda = lambda
        self.iam = iam
        self.stager = stager
        self.loader = loader
        self.waiter = waiter
        self.time = time
        self.progress = progress
        self.warn = warn
    }

    /// Today (UTC, `YYYY-MM-DD`) by the injected clock, for the runtime table.
    var today: String { RuntimeRules.day(time.now()) }
}
