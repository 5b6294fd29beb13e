import AWSCore
import Foundation

/// One event of a deploy or destroy as it happens — a step's start, its finish or failure, a
/// wait's progress — for CI systems that parse progress (one JSON object per line).
package struct DeployEvent: Sendable, Encodable, Equatable {
    package enum Kind: String, Sendable, Encodable {
        case start, progress, finish, fail
    }

    package var event: Kind
    /// `function`, `layer`, `role`, `api`, `trigger`, `route`, `log-group`.
    package var resource: String?
    /// The resource's name.
    package var name: String?
    /// What is done: a step's action (`update-configuration`), `attach`, `remove`, …
    package var action: String?
    /// How it turned out (finish): `create`, `update`, `unchanged`, `remove`, …
    package var change: String?
    /// Fields changed, as AWS names them.
    package var fields: [String]?
    /// Since the step started (finish, fail).
    package var elapsedMs: Int?
    /// A progress line, or the failure's one line.
    package var message: String?
    /// AWS's error code and request id (fail).
    package var errorCode: String?
    package var requestID: String?

    enum CodingKeys: String, CodingKey {
        case event, resource, name, action, change, fields, elapsedMs, message, errorCode, requestID = "requestId"
    }

    package init(
        _ event: Kind, resource: String? = nil, name: String? = nil, action: String? = nil, change: String? = nil,
        fields: [String]? = nil, elapsedMs: Int? = nil, message: String? = nil
    ) {
        self.event = event
        self.resource = resource
        self.name = name
        self.action = action
        self.change = change
        self.fields = fields
        self.elapsedMs = elapsedMs
        self.message = message
    }
}

/// Where events go; `none` drops them (text and JSON output).
package struct DeployEvents: Sendable {
    package var sink: @Sendable (DeployEvent) -> Void

    package init(sink: @escaping @Sendable (DeployEvent) -> Void) {
        self.sink = sink
    }

    /// Drops every event.
    package static let none = DeployEvents { _ in }

    /// Sends one event.
    package func send(_ event: DeployEvent) {
        sink(event)
    }

    /// Runs `work` between a start and a finish event (or a fail event with AWS's code and
    /// request id, rethrowing); `outcome` words the finish from the result.
    package func around<Result>(
        resource: String, name: String, action: String, clock: TimeSource,
        _ work: () async throws -> Result, outcome: (Result) -> (change: String, fields: [String]?)
    ) async throws -> Result {
        send(DeployEvent(.start, resource: resource, name: name, action: action))
        let start = clock.now()
        let elapsed = { Int((clock.now().timeIntervalSince(start) * 1000).rounded()) }
        do {
            let result = try await work()
            let finish = outcome(result)
            send(DeployEvent(.finish, resource: resource, name: name, action: action, change: finish.change, fields: finish.fields,
                elapsedMs: elapsed()))
            return result
        } catch {
            send(Self.failure(error, resource: resource, name: name, action: action, elapsedMs: elapsed()))
            throw error
        }
    }

    /// A fail event for `error`.
    package static func failure(_ error: any Error, resource: String?, name: String?, action: String?, elapsedMs: Int?)
        -> DeployEvent
    {
        var event = DeployEvent(.fail, resource: resource, name: name, action: action, elapsedMs: elapsedMs,
            message: DeployFailure.oneLine(error))
        if let service = (error as? AWSServiceError) ?? ((error as? DeployFailure)?.underlying as? AWSServiceError) {
            event.errorCode = service.code
            event.requestID = service.requestID
        }
        return event
    }
}
