import AWSCore
import Foundation

/// Fixed credentials: the SigV4 suite's key pair and a session token (so redaction is tested).
package struct StaticCredentials: CredentialProvider {
    /// The credentials handed out.
    package let value: Credentials

    /// `AKIDEXAMPLE` with the suite's secret and `TOKEN-SECRET`, or `value`.
    package init(
        _ value: Credentials = Credentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: "TOKEN-SECRET", source: "test")
    ) {
        self.value = value
    }

    /// `test`.
    package var name: String { "test" }

    /// The fixed credentials.
    package func credentials() async throws -> Credentials { value }
}

/// A client context over `transport` with fixed credentials, `attempts` attempts, no jitter
/// unless given, and `clock`. Throttling answers get `throttledAttempts` attempts (by default
/// as many as `attempts`, so a use case's own handling of a throttle that outlasts the client's
/// retries stays testable; AWSCoreTests cover the client's default of 10).
package func testContext(
    _ transport: any HTTPTransport, clock: ManualClock = ManualClock(), attempts: Int = 1,
    throttledAttempts: Int? = nil, quota: RetryQuota = RetryQuota(), jitter: Double = 0,
    credentials: any CredentialProvider = StaticCredentials(), debug: (@Sendable (String) -> Void)? = nil
) -> ClientContext {
    ClientContext(
        transport: transport, credentials: credentials,
        retryPolicy: RetryPolicy(maxAttempts: attempts, maxThrottledAttempts: throttledAttempts ?? attempts),
        quota: quota, time: clock.timeSource, jitter: { jitter }, debug: debug)
}

/// The endpoint of signing name `name` in `region` (`name.region.amazonaws.com`).
package func testEndpoint(_ name: String, region: String = "us-east-1") -> ServiceEndpoint {
    ServiceEndpoint(host: "\(name).\(region).amazonaws.com", signingRegion: region, signingName: name)
}

/// A JSON answer.
package func json(_ status: Int = 200, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
    HTTPResponse(
        status: status, headers: HTTPHeaders([("Content-Type", "application/json")] + headers), body: Data(body.utf8))
}

/// A JSON answer of `object`, keys sorted.
package func jsonResponse(_ status: Int, _ object: Any) -> HTTPResponse {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: data)
}

/// A JSON body with no headers.
package func jsonResponse(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, body: Data(text.utf8))
}

/// A scripted step answering with a JSON body and `headers`.
package func jsonAnswer(_ status: Int, _ body: String, headers: [(String, String)] = []) -> ScriptedTransport.Step {
    .answer(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)))
}

/// A clock stopped at `date` whose sleeps return at once.
package func fixedTime(_ date: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> TimeSource {
    TimeSource(now: { date }, sleep: { _ in })
}

/// An XML answer.
package func xml(_ status: Int = 200, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/xml")] + headers), body: Data(body.utf8))
}

/// A rest-json error answer as Lambda sends it (`X-Amzn-ErrorType`, a `Type` and a message),
/// with a request id when given.
package func restJSONError(_ status: Int, _ code: String, _ message: String, requestID: String? = nil) -> HTTPResponse {
    var headers = HTTPHeaders([("X-Amzn-ErrorType", code)])
    if let requestID { headers.add("x-amzn-RequestId", requestID) }
    return HTTPResponse(status: status, headers: headers, body: Data(#"{"Type":"User","message":"\#(message)"}"#.utf8))
}

/// A query-protocol error answer as IAM and STS send it.
package func queryError(_ status: Int, _ code: String, _ message: String, requestID: String = "req-1") -> HTTPResponse {
    xml(
        status,
        """
        <ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>\
        <RequestId>\(requestID)</RequestId></ErrorResponse>
        """)
}

/// The body of a request as bytes (empty for no body or a file).
package func bodyData(_ request: HTTPRequest) -> Data {
    guard case .data(let data) = request.body else { return Data() }
    return data
}

/// The body of a request as text.
package func bodyText(_ request: HTTPRequest) -> String {
    String(decoding: bodyData(request), as: UTF8.self)
}

/// The body of a request as a JSON object (empty when it is not one).
package func jsonBody(_ request: HTTPRequest) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: bodyData(request))) as? [String: Any] ?? [:]
}

/// The form parameters of a query-protocol body, decoded.
package func formParameters(_ request: HTTPRequest) -> [String: String] {
    var parameters: [String: String] = [:]
    for pair in bodyText(request).split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        let decode = { (text: String) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text }
        parameters[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
    }
    return parameters
}
