import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The local AWS stand-in started by `Scripts/moto start`: moto behind the verifying,
/// fault-injecting proxy (see docs/harness.md). Read from the environment `Scripts/test` sets.
struct Harness: Sendable {
    /// The proxy's URL: point every AWS client here.
    let endpoint: URL
    /// The control API's base URL (`…/__proxy`).
    let control: URL
    /// The static test access key id the proxy knows.
    let accessKeyID: String
    /// The static test secret access key.
    let secretAccessKey: String
    /// The region to sign for.
    let region: String

    /// Environment variables of the harness.
    enum Variable {
        static let endpoint = "LAMBDACTL_TEST_ENDPOINT"
        static let control = "LAMBDACTL_TEST_CONTROL"
        static let accessKeyID = "LAMBDACTL_TEST_ACCESS_KEY_ID"
        static let secretAccessKey = "LAMBDACTL_TEST_SECRET_ACCESS_KEY"
        static let region = "LAMBDACTL_TEST_REGION"
        /// Set to 1 by `Scripts/test`: integration tests then run and fail without the harness.
        static let require = "LAMBDACTL_TEST_REQUIRE_HARNESS"
    }

    /// Whether integration tests should run: the harness is up, or `Scripts/test` demands it.
    /// Use as `.enabled(if: Harness.shouldRun, "needs Scripts/moto start (or Scripts/test)")`.
    static var shouldRun: Bool {
        let env = ProcessInfo.processInfo.environment
        return env[Variable.endpoint] != nil || env[Variable.require] == "1"
    }

    /// The harness described by the environment, or nil when it is not set.
    static var current: Harness? {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = env[Variable.endpoint].flatMap(URL.init(string:)) else { return nil }
        return Harness(
            endpoint: endpoint,
            control: env[Variable.control].flatMap(URL.init(string:))
                ?? endpoint.appendingPathComponent("__proxy"),
            accessKeyID: env[Variable.accessKeyID] ?? "AKIDLAMBDACTLTEST01",
            secretAccessKey: env[Variable.secretAccessKey] ?? "",
            region: env[Variable.region] ?? "us-east-1")
    }

    /// Environment for a child process (`lambdactl`, `aws`) that must use the harness and the
    /// test keys and nothing from the user's own AWS configuration.
    var childEnvironment: [String: String?] {
        [
            "AWS_ACCESS_KEY_ID": accessKeyID, "AWS_SECRET_ACCESS_KEY": secretAccessKey,
            "AWS_REGION": region, "AWS_DEFAULT_REGION": region, "AWS_SESSION_TOKEN": nil,
            "AWS_PROFILE": nil, "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_ENDPOINT_URL": endpoint.absoluteString,
        ]
    }

    // MARK: Control API

    /// Merges `faults` into the proxy's fault settings (nil fields are left as they are).
    func setFaults(_ faults: HarnessFaults) async throws {
        _ = try await call("POST", "faults", body: try JSONEncoder().encode(faults))
    }

    /// Refuses every request for each operation (by its log name) with 403 and the given error
    /// code (`AccessDeniedException`, …), as AWS refuses a call the caller may not make.
    func refuse(_ operations: [String: String]) async throws {
        let refusals = operations.mapValues { ["code": $0] }
        _ = try await call("POST", "faults", body: try JSONEncoder().encode(["refuse_operations": refusals]))
    }

    /// Lifts every refusal set with ``refuse(_:)``.
    func clearRefusals() async throws {
        _ = try await call("POST", "faults", body: Data(#"{"refuse_operations": null}"#.utf8))
    }

    /// Sets the proxy's per-API write quota (`POST /__proxy/quota`); nil lifts it. A reset clears it.
    func setWriteQuota(_ perSecond: Int?) async throws {
        let value = perSecond.map(String.init) ?? "null"
        _ = try await call("POST", "quota", body: Data(#"{"writes_per_second": \#(value)}"#.utf8))
    }

    /// How many requests the write quota admitted and throttled, per API (`"service Operation"`).
    func quota() async throws -> HarnessQuota {
        try JSONDecoder().decode(HarnessQuota.self, from: try await call("GET", "quota", body: nil))
    }

    /// Clears faults, the request log, learned keys and emulation state, and resets moto.
    func reset() async throws {
        _ = try await call("POST", "reset", body: Data("{}".utf8))
    }

    /// Every request the proxy has seen since the last reset, from index `since` on.
    func log(since: Int = 0) async throws -> [HarnessLogEntry] {
        let data = try await call("GET", "log?since=\(since)", body: nil)
        return try JSONDecoder().decode([HarnessLogEntry].self, from: data)
    }

    /// The operations since index `since` that change something: not GET/HEAD, and not named
    /// Get/List/Head/Describe (IAM's and EventBridge's reads are POSTs).
    func writes(since: Int) async throws -> [String] {
        try await log(since: since)
            .filter { $0.method != "GET" && $0.method != "HEAD" }
            .map(\.operation)
            .filter { op in !["Get", "List", "Head", "Describe"].contains { op.hasPrefix($0) } }
    }

    /// Headers botocore (inside the proxy) would add to sign a request: a second, independent
    /// signer for tests that need a correct signature to tamper with. `date` is `YYYYMMDDTHHMMSSZ`.
    func signedHeaders(
        method: String, path: String, headers: [String: String], body: String, service: String,
        date: String? = nil
    ) async throws -> [String: String] {
        struct Spec: Encodable {
            let method, url, body, service, region: String
            let accessKeyID: String
            let date: String?
            let headers: [String: String]
            enum CodingKeys: String, CodingKey {
                case method, url, body, service, region, date, headers, accessKeyID = "access_key_id"
            }
        }
        let spec = Spec(
            method: method, url: endpoint.absoluteString + path, body: body, service: service,
            region: region, accessKeyID: accessKeyID, date: date, headers: headers)
        let data = try await call("POST", "sign", body: try JSONEncoder().encode(spec))
        struct Answer: Decodable { let headers: [String: String] }
        return try JSONDecoder().decode(Answer.self, from: data).headers
    }

    /// Sends one raw request to the proxy and returns status, headers and body.
    func send(
        _ method: String, _ path: String, headers: [String: String], body: Data
    ) async throws -> (status: Int, headers: [String: String], body: String) {
        var request = URLRequest(url: URL(string: endpoint.absoluteString + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try (response as? HTTPURLResponse).orThrow()
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }

    /// Teaches the proxy a key pair (and the session token that must come with it).
    func addKey(accessKeyID: String, secretAccessKey: String, sessionToken: String?) async throws {
        var document = ["access_key_id": accessKeyID, "secret_access_key": secretAccessKey]
        if let sessionToken { document["session_token"] = sessionToken }
        _ = try await call("POST", "keys", body: try JSONEncoder().encode(document))
    }

    private func call(_ method: String, _ route: String, body: Data?) async throws -> Data {
        var request = URLRequest(url: URL(string: control.absoluteString + "/" + route)!)
        request.httpMethod = method
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw HarnessError.control(route, String(decoding: data, as: UTF8.self))
        }
        return data
    }
}

/// The write quota's report (`GET /__proxy/quota`).
struct HarnessQuota: Decodable, Sendable {
    let writesPerSecond: Int?
    let admitted: [String: Int]
    let throttled: [String: Int]
    enum CodingKeys: String, CodingKey {
        case writesPerSecond = "writes_per_second", admitted, throttled
    }
}

/// Fault settings for `POST /__proxy/faults`; nil fields are not sent.
struct HarnessFaults: Encodable, Sendable {
    var throttleRate: Double?
    var error5xxRate: Double?
    var resetRate: Double?
    var lostAnswerRate: Double?
    var clockOffsetSeconds: Double?
    var seed: Int?
    /// Restrict faults to these signing names (`lambda`, `logs`, `sts`, …).
    var faultServices: [String]?
    /// Restrict faults to these operations (`GetCallerIdentity`, `FilterLogEvents`, …).
    var faultOperations: [String]?
    var lambdaBusySeconds: Double?
    var rolePropagationSeconds: Double?
    var failNextUpdate: String?
    /// How long a new or changed event-source mapping stays Creating / Updating.
    var mappingBusySeconds: Double?
    /// Operations refused with their own service's AccessDenied (`ListQueues`, `ListBuckets`, …).
    var denyOperations: [String]?
    /// SIGKILL the client at its K-th write from now, after the write and before its answer.
    var killClientAfterWrites: Int?

    enum CodingKeys: String, CodingKey {
        case throttleRate = "throttle_rate", error5xxRate = "error5xx_rate", resetRate = "reset_rate"
        case lostAnswerRate = "lost_answer_rate", clockOffsetSeconds = "clock_offset_seconds", seed
        case faultServices = "fault_services", faultOperations = "fault_operations"
        case lambdaBusySeconds = "lambda_busy_seconds", rolePropagationSeconds = "role_propagation_seconds"
        case failNextUpdate = "fail_next_update", mappingBusySeconds = "mapping_busy_seconds"
        case denyOperations = "deny_operations", killClientAfterWrites = "kill_client_after_writes"
    }
}

/// One request the proxy saw (`GET /__proxy/log`).
struct HarnessLogEntry: Decodable, Sendable {
    let method: String
    let path: String
    let query: String
    let service: String
    let operation: String
    /// Whether the signature (or the unsigned exception) was accepted.
    let verified: Bool
    let verdict: String?
    let reason: String?
    let accessKeyID: String?
    let bodySize: Int
    let status: Int?
    /// `throttle`, `error5xx`, `reset`, `lost_answer`, `emulated:<code>` or nil.
    let fault: String?

    enum CodingKeys: String, CodingKey {
        case method, path, query, service, operation, verified, verdict, reason, status, fault
        case accessKeyID = "access_key_id", bodySize = "body_size"
    }
}

/// Failures talking to the harness itself.
enum HarnessError: Error, CustomStringConvertible {
    case control(String, String)
    case missing

    var description: String {
        switch self {
        case .control(let route, let body): "harness control \(route) failed: \(body)"
        case .missing: "harness not running: start it with Scripts/moto start or run Scripts/test"
        }
    }
}

extension Optional {
    /// The value, or a `HarnessError.missing`.
    fileprivate func orThrow() throws -> Wrapped {
        guard let self else { throw HarnessError.missing }
        return self
    }
}
