import AWSCore
import AWSIAM
import AWSLambda
import AWSS3
import AWSSTS
import AWSTestSupport
import Foundation
import Synchronization
@testable import Deployment

/// Collects progress lines.
final class ProgressLog: Sendable {
    private let state = Mutex<[String]>([])
    var lines: [String] { state.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { line in self.state.withLock { $0.append(line) } } }
}

/// Where the Logs and Routes tests' clocks start (2026-09-21T12:26:40Z).
extension Date {
    static let logsTestStart = Date(timeIntervalSince1970: 1_790_000_000)
}

/// One fake AWS: transport, clock, progress and the services over them.
struct Harness {
    let transport = ScriptedTransport()
    let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
    let progress = ProgressLog()
    let warnings = ProgressLog()

    func services(stagingLimit: Int64 = CodeStager.directUploadLimit, timeout: Duration = .seconds(600)) -> LifecycleServices {
        let context = testContext(transport, clock: clock)
        let endpoint = { (name: String) in testEndpoint(name) }
        let lambda = LambdaClient(context: context, endpoint: endpoint("lambda"))
        return LifecycleServices(
            lambda: lambda, iam: IAMClient(context: context, endpoint: endpoint("iam")),
            stager: CodeStager(
                s3: S3Client(context: context, endpoint: endpoint("s3")),
                sts: STSClient(context: context, endpoint: endpoint("sts")), region: "eu-west-1", files: LocalFileSystem(),
                limit: stagingLimit,
                progress: progress.sink),
            loader: CodeLoader(packager: nil, files: LocalFileSystem()),
            waiter: FunctionWaiter(lambda: lambda, time: clock.timeSource, timeout: timeout, progress: progress.sink),
            time: clock.timeSource, naming: FlagNaming(), progress: progress.sink, warn: warnings.sink)
    }
}

/// A function configuration as JSON.
func configuration(
    name: String = "f", state: String = "Active", update: String = "Successful", sha: String = "OLD",
    revision: String = "r1", memory: Int = 128, timeout: Int = 3, extra: String = ""
) -> String {
    """
    {"FunctionName":"\(name)","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:\(name)",\
    "Runtime":"python3.13","Handler":"app.handler","Role":"arn:aws:iam::123456789012:role/r",\
    "CodeSha256":"\(sha)","MemorySize":\(memory),"Timeout":\(timeout),"Version":"$LATEST",\
    "State":"\(state)","LastUpdateStatus":"\(update)","RevisionId":"\(revision)"\(extra)}
    """
}

/// A temporary `.zip` and its artifact: a zip local-file-header signature, then `contents`
/// (lambdactl checks the signature and hashes the bytes; it does not parse further).
func temporaryZip(_ contents: String = "zip bytes", signature: Bool = true) throws -> (path: String, artifact: CodeArtifact) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lambdactl-test-\(UUID().uuidString).zip").path
    try Data(((signature ? "PK\u{3}\u{4}" : "") + contents).utf8).write(to: URL(fileURLWithPath: path))
    return (path, try CodeArtifact.load(zipAt: path, files: LocalFileSystem()))
}

/// Inputs named as options (`--runtime`), for use cases whose sentences name the input as they
/// are made (runtime warnings).
struct FlagNaming: InputNaming {
    func subject(_ field: InputField) -> String { "--\(field.rawValue)" }
    func example(_ field: InputField, _ value: String) -> String { "\(subject(field)) \(value)" }
}
