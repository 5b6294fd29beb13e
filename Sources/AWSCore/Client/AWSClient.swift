import Foundation
import SigV4

/// Sends operations to one service endpoint: signs every attempt anew, retries in the SDKs'
/// standard mode with a shared quota, corrects clock skew, and decodes errors.
package struct AWSClient: Sendable {
    /// The shared context.
    package let context: ClientContext
    /// Where requests go and how they are signed.
    package let endpoint: ServiceEndpoint
    /// How bodies and errors look.
    package let serviceProtocol: AWSProtocol
    /// The service's own throttling codes, retried like the standard ones.
    package let throttlingCodes: Set<String>
    /// How SigV4 treats this service's requests.
    package let signing: SigningRules
    /// This client's signing key, derived once per day and credentials.
    let signingKeys = SigningKeyCache()

    /// Creates a client for the service `service` describes.
    package init(context: ClientContext, endpoint: ServiceEndpoint, service: ServiceDescriptor) {
        self.init(
            context: context, endpoint: endpoint, serviceProtocol: service.wireProtocol,
            throttlingCodes: service.throttlingCodes, signing: service.signing)
    }

    /// Creates a client from a protocol alone (tests, and calls outside any descriptor).
    package init(
        context: ClientContext, endpoint: ServiceEndpoint, serviceProtocol: AWSProtocol,
        throttlingCodes: Set<String> = [], signing: SigningRules = .standard
    ) {
        self.context = context
        self.endpoint = endpoint
        self.serviceProtocol = serviceProtocol
        self.throttlingCodes = throttlingCodes
        self.signing = signing
    }

    /// Sends `operation` and returns the successful (2xx) answer, or throws `AWSServiceError`,
    /// `AWSTransportFailure` or a credentials error. Every attempt first takes a slot from the
    /// API's rate limiter (no wait until AWS throttles that API; see `SendRateLimiter`).
    package func send(_ operation: AWSOperation) async throws -> HTTPResponse {
        let api = RateLimitedAPI(endpoint: endpoint.urlString, operation: operation.name)
        var attempt = 0
        var tally = AttemptTally()
        var skewRetried = false
        var spent = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let reservedAt = try await waitForSlot(api)
            let request = try await prepare(operation)
            let failure: AttemptFailure
            let thrown: Error
            do {
                let response = try await context.transport.send(request, timeout: context.timeout)
                logAnswer(response, operation: operation.name)
                await context.skew.noteAnswer(dateHeader: response.headers["Date"], localNow: context.time.now())
                if (200..<300).contains(response.status) {
                    await noteAnswer(api, throttled: false, reservedAt: reservedAt)
                    await context.quota.release(spent > 0 ? spent : 1)
                    return response
                }
                var error = ErrorDecoder.decode(response, operation: operation.name)
                error.isServiceThrottling = throttlingCodes.contains(error.code)
                failure = .service(code: error.code, status: error.status)
                await noteAnswer(
                    api, throttled: RetryPolicy.isThrottling(failure, serviceCodes: throttlingCodes), reservedAt: reservedAt)
                if ClockSkew.isSkewError(error), !skewRetried,
                    let offset = ClockSkew.offset(fromDateHeader: response.headers["Date"], localNow: context.time.now())
                {
                    skewRetried = true
                    await context.skew.set(offset)
                    context.debug?("clock skew: local clock is \(Int(-offset)) s off AWS's; retrying with the corrected time")
                    attempt -= 1
                    continue
                }
                thrown = error
            } catch let error as TransportError {
                context.debug?("\(operation.name): transport error \(error)")
                failure = .transport(error)
                thrown = AWSTransportFailure(
                    underlying: error, operation: operation.name, endpoint: endpoint.urlString, attempts: attempt)
            }
            tally.count(failure, throttlingCodes: throttlingCodes)
            guard let delay = context.retryPolicy.delay(
                after: tally, for: failure, jitter: context.jitter(), throttlingCodes: throttlingCodes),
                let cost = await retryCost(failure)
            else { throw thrown }
            spent += cost
            context.debug?("\(operation.name): attempt \(attempt) failed (\(thrown)); retrying in \(delay)")
            if delay > .zero { try await context.time.sleep(delay) }
        }
    }

    /// The retry-quota tokens a retry after `failure` spends, nil when the quota is spent.
    /// Throttles spend none: the rate limiter paces them (see `RetryPolicy.maxThrottledAttempts`).
    private func retryCost(_ failure: AttemptFailure) async -> Int? {
        if RetryPolicy.isThrottling(failure, serviceCodes: throttlingCodes) { return 0 }
        return await context.quota.acquire(for: failure)
    }

    /// Takes the API's next send slot and sleeps until it; returns when the slot was taken (seconds).
    private func waitForSlot(_ api: RateLimitedAPI) async throws -> Double {
        let now = context.time.now().timeIntervalSince1970
        let slot = await context.rateLimiter.reserve(api, at: now)
        guard slot > now else { return now }
        context.debug?("\(api.operation): rate limited after throttling; sending in \(Self.milliseconds(slot - now)) ms")
        try await context.time.sleep(.milliseconds(Self.milliseconds(slot - now)))
        return now
    }

    private func noteAnswer(_ api: RateLimitedAPI, throttled: Bool, reservedAt: Double) async {
        let now = context.time.now().timeIntervalSince1970
        await context.rateLimiter.noteAnswer(api, throttled: throttled, reservedAt: reservedAt, at: now)
    }

    private static func milliseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded(.up))
    }

    /// Builds and signs the HTTP request for one attempt, at the skew-corrected time.
    func prepare(_ operation: AWSOperation) async throws -> HTTPRequest {
        var request = HTTPRequest(
            method: operation.method, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: endpoint.basePath + operation.path, query: operation.query, headers: operation.headers,
            body: operation.body)
        request.headers.set("Host", request.hostHeader)
        request.headers.set("User-Agent", context.userAgent)
        if !operation.unsigned {
            let credentials = try await context.credentials.credentials()
            let date = context.time.now().addingTimeInterval(await context.skew.offset)
            request = sign(request, credentials: credentials, date: date)
        }
        logRequest(request, operation: operation.name)
        return request
    }

    private func logRequest(_ request: HTTPRequest, operation: String) {
        context.debug?(DebugLog.request(request, label: operation))
    }

    private func logAnswer(_ response: HTTPResponse, operation: String) {
        context.debug?(DebugLog.answer(response, label: operation))
    }
}
