import AWSCore
import AWSIAM
import AWSLambda
import AWSS3
import AWSSTS
import Foundation
import Synchronization
@testable import Deployment

/// A transport that answers by route (`METHOD /path`, or `Action` for the query protocol) from
/// per-route queues (the last answer repeats) and records every request. Unrouted requests get
/// a 400 `UnexpectedRequest`, so a test sees calls it did not expect.
final class RoutedTransport: HTTPTransport {
    private let state: Mutex<(routes: [String: [HTTPResponse]], sent: [HTTPRequest])>

    init(_ routes: [String: [HTTPResponse]] = [:]) {
        state = Mutex((routes, []))
    }

    /// Adds answers to a route.
    func on(_ route: String, _ answers: HTTPResponse...) {
        state.withLock { $0.routes[route, default: []].append(contentsOf: answers) }
    }

    /// Requests sent so far.
    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    /// The routes of the requests sent, in order.
    var routes: [String] { sent.map(Self.route) }

    /// How many requests went to `route`.
    func count(_ route: String) -> Int { routes.filter { $0 == route }.count }

    /// `METHOD /path`, or the query protocol's `Action`.
    static func route(_ request: HTTPRequest) -> String {
        if request.method == "POST", request.path == "/", case .data(let body) = request.body,
            let text = String(data: body, encoding: .utf8), let action = text.split(separator: "&").first,
            action.hasPrefix("Action=")
        {
            return String(action.dropFirst("Action=".count))
        }
        return "\(request.method) \(request.path)"
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        state.withLock { state in
            state.sent.append(request)
            let route = Self.route(request)
            guard var answers = state.routes[route], let first = answers.first else {
                return HTTPResponse(
                    status: 400, body: Data(#"{"__type":"UnexpectedRequest","message":"\#(route)"}"#.utf8))
            }
            if answers.count > 1 {
                answers.removeFirst()
                state.routes[route] = answers
            }
            return first
        }
    }
}

/// Fixed credentials.
struct TestCredentials: CredentialProvider {
    var name: String { "test" }
    func credentials() async throws -> Credentials {
        Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", source: "test")
    }
}

/// A clock that only moves when slept on, recording the sleeps.
final class TestClock: Sendable {
    private let state = Mutex<(now: Date, sleeps: [Duration])>((Date(timeIntervalSince1970: 1_700_000_000), []))
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    var elapsed: Double { state.withLock { $0.now.timeIntervalSince1970 - 1_700_000_000 } }
    var timeSource: TimeSource {
        TimeSource(
            now: { self.state.withLock { $0.now } },
            sleep: { duration in
                self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += FunctionWaiter.seconds(duration)
                }
            })
    }
}

/// Collects progress lines.
final class ProgressLog: Sendable {
    private let state = Mutex<[String]>([])
    var lines: [String] { state.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { line in self.state.withLock { $0.append(line) } } }
}

/// One fake AWS: transport, clock, progress and the services over them.
struct Harness {
    let transport = RoutedTransport()
    let clock = TestClock()
    let progress = ProgressLog()
    let warnings = ProgressLog()

    func services(stagingLimit: Int64 = CodeStager.directUploadLimit, timeout: Duration = .seconds(600)) -> LifecycleServices {
        let context = ClientContext(
            transport: transport, credentials: TestCredentials(), retryPolicy: RetryPolicy(maxAttempts: 1),
            time: clock.timeSource, jitter: { 0 })
        func endpoint(_ name: String) -> ServiceEndpoint {
            ServiceEndpoint(host: "\(name).us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: name)
        }
        let lambda = LambdaClient(context: context, endpoint: endpoint("lambda"))
        return LifecycleServices(
            lambda: lambda, iam: IAMClient(context: context, endpoint: endpoint("iam")),
            stager: CodeStager(
                s3: S3Client(context: context, endpoint: endpoint("s3")),
                sts: STSClient(context: context, endpoint: endpoint("sts")), region: "eu-west-1", limit: stagingLimit,
                progress: progress.sink),
            loader: CodeLoader(packager: nil),
            waiter: FunctionWaiter(lambda: lambda, time: clock.timeSource, timeout: timeout, progress: progress.sink),
            time: clock.timeSource, progress: progress.sink, warn: warnings.sink)
    }
}

/// A JSON answer.
func json(_ status: Int = 200, _ body: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data(body.utf8))
}

/// An XML answer.
func xml(_ status: Int = 200, _ body: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/xml")]), body: Data(body.utf8))
}

/// A Lambda error answer.
func lambdaError(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
    HTTPResponse(
        status: status, headers: HTTPHeaders([("X-Amzn-ErrorType", code)]),
        body: Data(#"{"Type":"User","message":"\#(message)"}"#.utf8))
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
    return (path, try CodeArtifact.load(zipAt: path))
}

/// The body of a request as a JSON object.
func body(_ request: HTTPRequest) -> [String: Any] {
    guard case .data(let data) = request.body,
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
}
