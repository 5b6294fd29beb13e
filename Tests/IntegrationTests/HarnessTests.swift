import Foundation
import Testing

/// The harness itself: the verifying proxy must accept what AWS accepts and reject what AWS
/// rejects, or no other integration test means anything.
@Suite(
    "Verifying proxy", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness: Scripts/moto start, or run Scripts/test"))
struct HarnessTests {
    let harness: Harness
    private let body = "Action=GetCallerIdentity&Version=2011-06-15"
    private let form = ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"]

    init() async throws {
        harness = try #require(Harness.current, "LAMBDACTL_TEST_ENDPOINT is not set; start the harness")
        try await harness.reset()
    }

    @Test("The AWS CLI's own signatures are accepted by the verifier")
    func awsCLIVerifies() async throws {
        let result = try AWSCLI.run(["sts", "get-caller-identity"], harness: harness)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("123456789012"))
        let lambda = try AWSCLI.run(["lambda", "list-functions"], harness: harness)
        #expect(lambda.exitCode == 0, "\(lambda.stderr)")
        let log = try await harness.log()
        #expect(log.count == 2)
        #expect(log.allSatisfy { $0.verified && $0.status == 200 })
        #expect(log.map(\.operation) == ["GetCallerIdentity", "ListFunctions"])
    }

    @Test("A request with a wrong signature gets 403 SignatureDoesNotMatch with a request id")
    func wrongSignatureIsRejected() async throws {
        var headers = try await harness.signedHeaders(
            method: "POST", path: "/", headers: form, body: body, service: "sts")
        let authorization = try #require(headers["Authorization"])
        headers["Authorization"] = String(authorization.dropLast(4)) + "0000"
        let answer = try await harness.send("POST", "/", headers: headers, body: Data(body.utf8))
        #expect(answer.status == 403)
        #expect(answer.body.contains("<Code>SignatureDoesNotMatch</Code>"))
        #expect(answer.headers["x-amzn-requestid"] != nil)
        #expect(answer.headers["date"] != nil)
    }

    @Test("A correctly signed request passes, the same one with a tampered body does not")
    func tamperedBodyIsRejected() async throws {
        let headers = try await harness.signedHeaders(
            method: "POST", path: "/", headers: form, body: body, service: "sts")
        let good = try await harness.send("POST", "/", headers: headers, body: Data(body.utf8))
        #expect(good.status == 200, "\(good.body)")
        let bad = try await harness.send("POST", "/", headers: headers, body: Data((body + "&X=1").utf8))
        #expect(bad.status == 403)
        #expect(bad.body.contains("SignatureDoesNotMatch"))
    }

    @Test("A signature dated ten minutes ago is rejected as expired")
    func expiredDateIsRejected() async throws {
        let date = Date().addingTimeInterval(-600)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let headers = try await harness.signedHeaders(
            method: "POST", path: "/", headers: form, body: body, service: "sts",
            date: formatter.string(from: date))
        let answer = try await harness.send("POST", "/", headers: headers, body: Data(body.utf8))
        #expect(answer.status == 403)
        #expect(answer.body.contains("Signature expired"))
    }

    @Test("A Lambda request without any signature gets MissingAuthenticationToken")
    func missingAuthenticationIsRejected() async throws {
        let answer = try await harness.send("GET", "/2015-03-31/functions/", headers: [:], body: Data())
        #expect(answer.status == 403)
        #expect(answer.headers["x-amzn-errortype"] == "MissingAuthenticationTokenException")
    }

    @Test("Injected throttling answers Logs calls with HTTP 400 ThrottlingException")
    func throttlingIsInjected() async throws {
        try await harness.setFaults(HarnessFaults(throttleRate: 1, seed: 1, faultServices: ["logs"]))
        let logsBody = "{}"
        let headers = try await harness.signedHeaders(
            method: "POST", path: "/",
            headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"],
            body: logsBody, service: "logs")
        let answer = try await harness.send("POST", "/", headers: headers, body: Data(logsBody.utf8))
        try await harness.reset()
        #expect(answer.status == 400)
        #expect(answer.body.contains("ThrottlingException"))
    }

    @Test("A clock offset shifts the Date header clients correct their skew by")
    func clockOffsetShiftsDate() async throws {
        try await harness.setFaults(HarnessFaults(clockOffsetSeconds: 900))
        let answer = try await harness.send("GET", "/2015-03-31/functions/", headers: [:], body: Data())
        try await harness.reset()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let served = try #require(answer.headers["date"].flatMap(formatter.date(from:)))
        #expect(abs(served.timeIntervalSinceNow - 900) < 60)
    }
}
