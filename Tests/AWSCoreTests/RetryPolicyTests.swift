import Testing
@testable import AWSCore
import AWSTestSupport

@Suite("Standard-mode retry decisions")
struct RetryPolicyTests {
    @Test(
        "retryable failures",
        arguments: [
            (AttemptFailure.service(code: "ThrottlingException", status: 400), true),
            (.service(code: "Throttling", status: 400), true),
            (.service(code: "TooManyRequestsException", status: 429), true),
            (.service(code: "InternalFailure", status: 500), true),
            (.service(code: "HTTP502", status: 502), true),
            (.service(code: "ServiceUnavailableException", status: 503), true),
            (.transport(.timedOut), true),
            (.transport(.connectionLost("reset")), true),
            (.service(code: "ResourceNotFoundException", status: 404), false),
            (.service(code: "ResourceConflictException", status: 409), false),
            (.service(code: "AccessDeniedException", status: 403), false),
            (.service(code: "PreconditionFailedException", status: 412), false),
        ])
    func retryable(failure: AttemptFailure, expected: Bool) {
        #expect(RetryPolicy.isRetryable(failure) == expected)
    }

    @Test("backoff doubles from 1 s, is capped at 20 s, scaled by jitter, and stops at maxAttempts")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 8)
        let throttled = AttemptFailure.service(code: "Throttling", status: 400)
        #expect(policy.delay(after: 1, for: throttled, jitter: 1) == .seconds(1))
        #expect(policy.delay(after: 2, for: throttled, jitter: 1) == .seconds(2))
        #expect(policy.delay(after: 3, for: throttled, jitter: 0.5) == .seconds(2))
        #expect(policy.delay(after: 7, for: throttled, jitter: 1) == .seconds(20))
        #expect(policy.delay(after: 8, for: throttled, jitter: 1) == nil)
        #expect(policy.delay(after: 1, for: .service(code: "ValidationException", status: 400), jitter: 1) == nil)
    }
}

@Suite("A service's own throttling codes")
struct ServiceThrottlingTests {
    @Test("a code only the service declares is retried for it and not for others")
    func serviceCode() {
        let failure = AttemptFailure.service(code: "AWS.SimpleQueueService.RequestThrottled", status: 400)
        #expect(!RetryPolicy.isRetryable(failure))
        #expect(RetryPolicy.isRetryable(failure, serviceCodes: ["AWS.SimpleQueueService.RequestThrottled"]))
        #expect(RetryPolicy.isThrottling(failure, serviceCodes: ["AWS.SimpleQueueService.RequestThrottled"]))
        let policy = RetryPolicy()
        #expect(policy.delay(after: 1, for: failure, jitter: 1) == nil)
        #expect(policy.delay(after: 1, for: failure, jitter: 1, throttlingCodes: ["AWS.SimpleQueueService.RequestThrottled"]) == .seconds(1))
    }
}

@Suite("A client retries its service's own throttling codes")
struct ClientServiceThrottlingTests {
    @Test("a descriptor's throttling code is retried, and after the last attempt it is 'unavailable'")
    func descriptorCodes() async throws {
        let service = ServiceDescriptor(
            name: "queue", signingName: "queue", endpointPrefix: "queue", environmentSuffix: "QUEUE",
            wireProtocol: .json10(targetPrefix: "Queue"), throttlingCodes: ["QueueThrottled"])
        let throttled = jsonAnswer(400, #"{"__type":"QueueThrottled","message":"slow"}"#)
        let transport = ScriptedTransport(sequence: [throttled, throttled])
        let context = ClientContext(
            transport: transport, credentials: StaticCredentials(),
            retryPolicy: RetryPolicy(maxAttempts: 2, maxThrottledAttempts: 2), time: ManualClock().timeSource, jitter: { 0 })
        let client = AWSClient(
            context: context,
            endpoint: ServiceEndpoint(host: "queue.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "queue"),
            service: service)
        await #expect {
            _ = try await client.send(AWSOperation(name: "Send", method: "POST"))
        } throws: { error in
            (error as? AWSServiceError)?.category == .unavailable
        }
        #expect(transport.sent.count == 2)
        #expect(AWSServiceError(code: "QueueThrottled", message: "", requestID: nil, status: 400).category == .refused)
    }
}
