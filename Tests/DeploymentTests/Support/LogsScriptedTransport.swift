import AWSCore
import Foundation
import Synchronization

/// A transport that answers every request with a handler (a fake service) and records what it
/// was sent. Distinct from other engineers' scripted transports in this target.
final class LogsScriptedTransport: HTTPTransport {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private let handler: Handler
    private let recorded = Mutex<[HTTPRequest]>([])

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Requests sent so far.
    var sent: [HTTPRequest] { recorded.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        recorded.withLock { $0.append(request) }
        return handler(request)
    }
}

/// A clock that only moves when slept on (or advanced), recording the sleeps.
final class LogsManualClock: Sendable {
    private let state: Mutex<(now: Date, sleeps: [Duration])>
    /// Called after every sleep with the number of sleeps so far; may throw (to simulate Ctrl-C).
    private let onSleep: @Sendable (Int) throws -> Void

    init(start: Date = Date(timeIntervalSince1970: 1_790_000_000), onSleep: @escaping @Sendable (Int) throws -> Void = { _ in }) {
        state = Mutex((start, []))
        self.onSleep = onSleep
    }

    var now: Date { state.withLock { $0.now } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    var nowMilliseconds: Int64 { Int64(now.timeIntervalSince1970 * 1000) }

    func advance(_ seconds: Double) {
        state.withLock { $0.now += seconds }
    }

    var timeSource: TimeSource {
        TimeSource(
            now: { self.now },
            sleep: { duration in
                let count = self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                    return $0.sleeps.count
                }
                try self.onSleep(count)
            })
    }
}

/// Fixed credentials for unit tests.
struct LogsTestCredentials: CredentialProvider {
    var name: String { "test" }
    func credentials() async throws -> Credentials {
        Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: nil, source: "test")
    }
}

/// A client context over `transport` and `clock`, with no jitter.
func logsTestContext(_ transport: LogsScriptedTransport, clock: LogsManualClock) -> ClientContext {
    ClientContext(
        transport: transport, credentials: LogsTestCredentials(), retryPolicy: RetryPolicy(maxAttempts: 3),
        time: clock.timeSource, jitter: { 0.5 })
}

/// An HTTP answer with a JSON body.
func jsonResponse(_ status: Int, _ object: Any) -> HTTPResponse {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: data)
}

/// The JSON object a request carried.
func jsonBody(_ request: HTTPRequest) -> [String: Any] {
    guard case .data(let data) = request.body else { return [:] }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}
