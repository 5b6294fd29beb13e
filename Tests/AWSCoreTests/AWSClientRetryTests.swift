import AWSTestSupport
import Foundation
import Testing
@testable import AWSCore

@Suite("AWSClient retries, signing and clock skew")
struct AWSClientRetryTests {
    let get = AWSOperation(name: "GetFunction", method: "GET", path: "/2015-03-31/functions/f")

    @Test("a 2xx answer on the first attempt returns at once")
    func successFirstTry() async throws {
        let transport = ScriptedTransport(sequence: [jsonAnswer(200, "{}")])
        let response = try await makeClient(transport).send(get)
        #expect(response.status == 200)
        #expect(transport.sent.count == 1)
    }

    @Test("5xx and resets are retried with backoff and every attempt is signed anew")
    func retriesTransientFailures() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(sequence: [
            jsonAnswer(503, #"{"message":"unavailable"}"#, headers: [("X-Amzn-ErrorType", "ServiceUnavailableException")]),
            .fail(.connectionLost("reset")),
            jsonAnswer(200, "{}"),
        ])
        _ = try await makeClient(transport, clock: clock, jitter: 1).send(get)
        #expect(transport.sent.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
        let dates = transport.sent.compactMap { $0.headers["X-Amz-Date"] }
        #expect(dates.count == 3)
        #expect(Set(dates).count == 3, "each attempt carries its own signing time")
        #expect(transport.sent.allSatisfy { $0.headers["Authorization"]?.contains("Signature=") == true })
    }

    @Test("Logs' HTTP 400 ThrottlingException is retried")
    func logsThrottlingIsRetried() async throws {
        let transport = ScriptedTransport(sequence: [
            jsonAnswer(400, #"{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}"#),
            jsonAnswer(200, "{}"),
        ])
        _ = try await makeClient(transport, protocol: .json11(targetPrefix: "Logs_20140328")).send(get)
        #expect(transport.sent.count == 2)
    }

    @Test("a client error is not retried and carries code, message, request id and status")
    func clientErrorIsFinal() async throws {
        let transport = ScriptedTransport(sequence: [
            jsonAnswer(
                404, #"{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:1:function:f"}"#,
                headers: [("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"),
                          ("x-amzn-RequestId", "7c1e-42")])
        ])
        let error = await #expect(throws: AWSServiceError.self) { try await makeClient(transport).send(get) }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.requestID == "7c1e-42")
        #expect(error?.status == 404)
        #expect(error?.category == .refused)
        #expect(error?.description == "ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:1:function:f (GetFunction, HTTP 404, request id 7c1e-42)")
        #expect(transport.sent.count == 1)
    }

    @Test("after the last attempt the last error is thrown")
    func givesUpAfterMaxAttempts() async throws {
        let transport = ScriptedTransport(sequence: Array(repeating: jsonAnswer(503, "{}"), count: 5))
        await #expect(throws: AWSServiceError.self) { try await makeClient(transport, maxAttempts: 2).send(get) }
        #expect(transport.sent.count == 2)
    }

    @Test("transport failures on every attempt become one AWSTransportFailure")
    func transportFailure() async throws {
        let transport = ScriptedTransport(sequence: Array(repeating: .fail(.cannotConnect("refused")), count: 3))
        let error = await #expect(throws: AWSTransportFailure.self) { try await makeClient(transport).send(get) }
        #expect(error?.attempts == 3)
        #expect(error?.category == .unavailable)
    }

    @Test("an empty retry quota stops retries so a dead endpoint does not multiply traffic")
    func quotaStopsRetries() async throws {
        let quota = RetryQuota(capacity: 10)
        let transport = ScriptedTransport(sequence: Array(repeating: .fail(.timedOut), count: 10))
        let client = makeClient(transport, maxAttempts: 5, quota: quota)
        await #expect(throws: AWSTransportFailure.self) { try await client.send(get) }
        #expect(transport.sent.count == 2, "10 tokens pay for one timeout retry")
        await #expect(throws: AWSTransportFailure.self) { try await client.send(get) }
        #expect(transport.sent.count == 3, "no tokens left: no retry")
    }

    @Test("a signature-expired answer corrects the clock from the Date header and succeeds")
    func clockSkewIsCorrected() async throws {
        let clock = ManualClock()
        // AWS is 15 minutes ahead of the local clock.
        let awsNow = clock.timeSource.now().addingTimeInterval(900)
        let transport = ScriptedTransport(sequence: [
            jsonAnswer(
                403, #"{"message":"Signature expired: 20150830T123600Z is now earlier than 20150830T124600Z (20150830T125100Z - 5 min.)"}"#,
                headers: [("X-Amzn-ErrorType", "InvalidSignatureException"), ("Date", httpDate(awsNow))]),
            jsonAnswer(200, "{}"),
        ])
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(get)
        #expect(transport.sent.count == 2)
        #expect(clock.sleeps.isEmpty, "a skew correction retries at once")
        #expect(transport.sent[0].headers["X-Amz-Date"] == "20150830T123600Z")
        #expect(transport.sent[1].headers["X-Amz-Date"] == "20150830T125100Z")
        #expect(await client.context.skew.offset == 900)
    }

    @Test("--debug output never shows the signature, the session token or a secret in a body")
    func debugIsRedacted() async throws {
        let lines = Mutex<[String]>([])
        let transport = ScriptedTransport(sequence: [
            jsonAnswer(200, "<AssumeRoleResult><Credentials><SecretAccessKey>SECRETVALUE</SecretAccessKey><SessionToken>TOKENVALUE</SessionToken></Credentials></AssumeRoleResult>")
        ])
        let client = makeClient(transport, debug: { line in lines.withLock { $0.append(line) } })
        _ = try await client.send(get)
        let text = lines.withLock { $0.joined(separator: "\n") }
        let signature = try #require(transport.sent.first?.headers["Authorization"]?.components(separatedBy: "Signature=").last)
        #expect(!text.contains(signature))
        #expect(!text.contains("TOKEN-SECRET"))
        #expect(!text.contains("SECRETVALUE"))
        #expect(!text.contains("TOKENVALUE"))
        #expect(text.contains("Signature=****"))
    }
}

import Synchronization

func httpDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
}
