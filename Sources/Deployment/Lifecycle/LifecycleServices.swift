import AWSCore
import AWSIAM
import AWSLambda
import AWSS3
import AWSSTS
import Foundation

/// The clients and settings every lifecycle use case shares, built once by the composition root.
package struct LifecycleServices: Sendable {
    /// Lambda.
    package var lambda: LambdaClient
    /// IAM, for execution roles.
    package var iam: IAMClient
    /// S3 and STS, for staging large packages.
    package var stager: CodeStager
    /// Turns `--code` into a zip artifact.
    package var loader: CodeLoader
    /// The waiter around every mutating call.
    package var waiter: FunctionWaiter
    /// The clock and sleep (the client context's).
    package var time: TimeSource
    /// Progress lines for stderr.
    package var progress: @Sendable (String) -> Void
    /// Warnings for stderr (a deprecated runtime, …); the command goes on.
    package var warn: @Sendable (String) -> Void
    /// How the caller names inputs in sentences it does not word later (runtime warnings).
    package var naming: any InputNaming
    /// Step events of deploys and destroys (NDJSON output); dropped by default.
    package var events: DeployEvents = .none

    /// Creates the services.
    package init(
        lambda: LambdaClient, iam: IAMClient, stager: CodeStager, loader: CodeLoader, waiter: FunctionWaiter,
        time: TimeSource, naming: any InputNaming, progress: @escaping @Sendable (String) -> Void,
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
        self.naming = naming
    }

    /// Today (UTC, `YYYY-MM-DD`) by the injected clock, for the runtime table.
    var today: String { RuntimeRules.day(time.now()) }
}
