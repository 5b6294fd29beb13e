import Foundation
import Synchronization
@testable import AWSCore

/// A transport that answers from a script and records what it was sent.
final class ScriptedHTTPTransport: HTTPTransport {
    enum Step: Sendable {
        case answer(HTTPResponse)
        case fail(TransportError)
    }

    private let state: Mutex<(steps: [Step], sent: [HTTPRequest])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    /// Requests sent so far.
    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let step: Step = state.withLock {
            $0.sent.append(request)
            return $0.steps.isEmpty ? .fail(.other("script exhausted")) : $0.steps.removeFirst()
        }
        switch step {
        case .answer(let response): return response
        case .fail(let error): throw error
        }
    }
}

/// Fixed credentials.
struct StaticCredentials: CredentialProvider {
    var name: String { "test" }
    func credentials() async throws -> Credentials {
        Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "TOKEN-SECRET", source: "test")
    }
}

/// A clock that only moves when slept on, recording the sleeps.
final class ManualClock: Sendable {
    private let state = Mutex<(now: Date, sleeps: [Duration])>((Date(timeIntervalSince1970: 1_440_938_160), []))
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    var timeSource: TimeSource {
        TimeSource(
            now: { self.state.withLock { $0.now } },
            sleep: { duration in
                self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                }
            })
    }
}

func jsonAnswer(_ status: Int, _ body: String, headers: [(String, String)] = []) -> ScriptedHTTPTransport.Step {
    .answer(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)))
}

func makeClient(
    _ transport: ScriptedHTTPTransport, clock: ManualClock = ManualClock(), maxAttempts: Int = 3,
    quota: RetryQuota = RetryQuota(), jitter: Double = 0.5, debug: (@Sendable (String) -> Void)? = nil,
    protocol serviceProtocol: AWSProtocol = .restJSON
) -> AWSClient {
    let context = ClientContext(
        transport: transport, credentials: StaticCredentials(), retryPolicy: RetryPolicy(maxAttempts: maxAttempts),
        quota: quota, time: clock.timeSource, jitter: { jitter }, debug: debug)
    return AWSClient(
        context: context,
        endpoint: ServiceEndpoint(host: "lambda.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "lambda"),
        serviceProtocol: serviceProtocol)
}
