import AWSCore
import Foundation
import Synchronization

/// The one scripted transport of the test targets: it answers by operation from per-route
/// queues (the last answer repeats), or from one queue in order, or through a handler (a fake
/// service), and records every request with its timeout. A request with no route gets a 400
/// `UnexpectedRequest`, so a test sees calls it did not expect.
///
/// Routes name operations, not only method and path (see ``operation(of:)``): the query
/// protocol's `Action`, the JSON protocols' `X-Amz-Target` operation, or rest-json's
/// `METHOD /path` matched against templates such as `GET /2015-03-31/functions/{name}`.
package final class ScriptedTransport: HTTPTransport {
    /// One scripted outcome: an answer, or a failure below HTTP.
    package enum Step: Sendable {
        /// The transport returns this answer.
        case answer(HTTPResponse)
        /// The transport throws this error.
        case fail(TransportError)
    }

    /// How requests are answered.
    private enum Mode {
        case routes
        case sequence
        case handler(@Sendable (HTTPRequest) throws -> HTTPResponse)
    }

    private struct State {
        var routes: [(route: RouteTemplate, steps: [Step])] = []
        var sequence: [Step] = []
        var sent: [HTTPRequest] = []
        var timeouts: [Duration] = []
    }

    private let mode: Mode
    private let state: Mutex<State>

    /// A transport that answers by route; add routes with ``on(_:_:)``.
    package init(_ routes: [String: [HTTPResponse]] = [:]) {
        mode = .routes
        var initial = State()
        for (route, answers) in routes.sorted(by: { $0.key < $1.key }) {
            initial.routes.append((RouteTemplate(route), answers.map(Step.answer)))
        }
        state = Mutex(initial)
    }

    /// A transport that answers every request with the next step, whatever it asks; when the
    /// script is exhausted it fails with `TransportError.other("script exhausted")`.
    package init(sequence steps: [Step]) {
        mode = .sequence
        state = Mutex(State(sequence: steps))
    }

    /// A transport that answers every request through `handler` (a fake service).
    package init(_ handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        mode = .handler(handler)
        state = Mutex(State())
    }

    /// A transport that fails every request as if nothing listened.
    package static func unreachable() -> ScriptedTransport {
        ScriptedTransport { _ in throw TransportError.cannotConnect("connection refused") }
    }

    /// Adds answers to a route (an operation name or a `METHOD /path/{template}`).
    package func on(_ route: String, _ answers: HTTPResponse...) {
        on(route, steps: answers.map(Step.answer))
    }

    /// Adds steps (answers or failures) to a route.
    package func on(_ route: String, steps: [Step]) {
        state.withLock { state in
            if let index = state.routes.firstIndex(where: { $0.route.text == route }) {
                state.routes[index].steps.append(contentsOf: steps)
            } else {
                state.routes.append((RouteTemplate(route), steps))
            }
        }
    }

    /// Requests sent so far, in order.
    package var sent: [HTTPRequest] { state.withLock { $0.sent } }

    /// Requests sent so far, in order (the same as ``sent``).
    package var requests: [HTTPRequest] { sent }

    /// The timeout each request was sent with, in order.
    package var timeouts: [Duration] { state.withLock { $0.timeouts } }

    /// The operations of the requests sent, in order (see ``operation(of:)``).
    package var routes: [String] { sent.map(Self.operation) }

    /// How many requests matched `route`.
    package func count(_ route: String) -> Int {
        let template = RouteTemplate(route)
        return sent.filter { template.matches($0) }.count
    }

    /// The requests that matched `route`, in order.
    package func requests(to route: String) -> [HTTPRequest] {
        let template = RouteTemplate(route)
        return sent.filter { template.matches($0) }
    }

    /// The operation a request names: the query protocol's `Action`, the operation part of
    /// `X-Amz-Target` (`Logs_20140328.FilterLogEvents` → `FilterLogEvents`), else `METHOD /path`.
    package static func operation(of request: HTTPRequest) -> String {
        if let target = request.headers["X-Amz-Target"] {
            return target.split(separator: ".").last.map(String.init) ?? target
        }
        if let action = queryAction(request) { return action }
        return "\(request.method) \(request.path)"
    }

    /// The `Action` of a query-protocol request (form body or URL query), or nil.
    static func queryAction(_ request: HTTPRequest) -> String? {
        if let item = request.query.first(where: { $0.name == "Action" }) { return item.value }
        guard request.method == "POST", case .data(let body) = request.body,
            let text = String(data: body, encoding: .utf8)
        else { return nil }
        for pair in text.split(separator: "&") where pair.hasPrefix("Action=") {
            return String(pair.dropFirst("Action=".count))
        }
        return nil
    }

    /// Records the request and answers it by the transport's mode.
    package func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let step: Step? = state.withLock { state in
            state.sent.append(request)
            state.timeouts.append(timeout)
            switch mode {
            case .handler: return nil
            case .sequence:
                return state.sequence.isEmpty ? .fail(.other("script exhausted")) : state.sequence.removeFirst()
            case .routes:
                guard let index = state.routes.firstIndex(where: { $0.route.matches(request) }),
                    let first = state.routes[index].steps.first
                else {
                    let name = Self.operation(of: request)
                    return .answer(
                        HTTPResponse(
                            status: 400, body: Data(#"{"__type":"UnexpectedRequest","message":"\#(name)"}"#.utf8)))
                }
                if state.routes[index].steps.count > 1 { state.routes[index].steps.removeFirst() }
                return first
            }
        }
        guard let step else {
            guard case .handler(let handler) = mode else { throw TransportError.other("no step") }
            return try handler(request)
        }
        switch step {
        case .answer(let response): return response
        case .fail(let error): throw error
        }
    }
}
