import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The lifecycle commands against moto behind the verifying proxy, with real Lambda's busy
/// states, role propagation delay and failed updates emulated by the proxy.
@Suite(
    "Function lifecycle against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct LifecycleTests {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    @Test("create, then at once update-code and update-config, succeed while Lambda is busy")
    func createThenUpdate() async throws {
        try await proxy.faults(#"{"lambda_busy_seconds": 2, "role_propagation_seconds": 3}"#)
        let first = try LifecycleZip.write(comment: "one")
        let second = try LifecycleZip.write(comment: "two")
        let create = try proxy.lambdactl(["create-function", "busy", "--code", first, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        #expect(create.stdout.contains("State:       Active"))
        let update = try proxy.lambdactl(["update-code", "busy", "--code", second])
        #expect(update.exitCode == 0, "\(update.stderr)")
        let config = try proxy.lambdactl(["update-config", "busy", "--memory", "256", "--env", "A=1"])
        #expect(config.exitCode == 0, "\(config.stderr)")
        #expect(config.stdout.contains("MemorySize, Environment"))
        let log = try await proxy.log()
        #expect(log.allSatisfy { $0.verified })
        #expect(log.filter { $0.operation == "CreateFunction" }.count >= 2, "the role-propagation error was retried")
        #expect(!log.contains { $0.operation == "UpdateFunctionConfiguration" && $0.status == 409 })
    }

    @Test("create-function --publish waits for $LATEST itself, not the version in the create answer")
    func createPublishWaits() async throws {
        try await proxy.faults(#"{"lambda_busy_seconds": 2}"#)
        let zip = try LifecycleZip.write(comment: "published")
        let create = try proxy.lambdactl(["create-function", "pub", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler", "--publish"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        #expect(create.stderr.contains("waiting for update… Pending"), "it waited while $LATEST was Pending")
        let log = try await proxy.log()
        #expect(log.contains { $0.operation == "GetFunctionConfiguration" })
    }

    @Test("update-code with unchanged code uploads nothing")
    func unchangedUploadsNothing() async throws {
        let zip = try LifecycleZip.write(comment: "same")
        let create = try proxy.lambdactl(["create-function", "same", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        try await proxy.control("DELETE", "log")
        let update = try proxy.lambdactl(["update-code", "same", "--code", zip, "--output", "json"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(update.stdout.contains(#""changed" : false"#))
        let log = try await proxy.log()
        #expect(!log.contains { $0.operation == "UpdateFunctionCode" })
        #expect(log.allSatisfy { $0.bodySize == 0 })
    }

    @Test("publish-layer skips a version whose code is already published")
    func layersDedupe() async throws {
        let zip = try LifecycleZip.write(comment: "layer")
        for _ in 0..<2 {
            let result = try proxy.lambdactl(["publish-layer", "deps", "--code", zip, "--compatible-runtime", "python3.12"])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let log = try await proxy.log()
        #expect(log.filter { $0.operation == "PublishLayerVersion" }.count == 1)
    }

    @Test("publish-version, alias and rollback move the alias between versions")
    func publishAliasRollback() async throws {
        let one = try LifecycleZip.write(comment: "v1")
        let two = try LifecycleZip.write(comment: "v2")
        let create = try proxy.lambdactl(["create-function", "ver", "--code", one, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        let publish = try proxy.lambdactl(["publish-version", "ver"])
        #expect(publish.stdout.contains("version 1"), "\(publish.stderr)")
        let alias = try proxy.lambdactl(["alias", "ver", "live", "--to-version", "1"])
        #expect(alias.exitCode == 0, "\(alias.stderr)")
        let update = try proxy.lambdactl(["update-code", "ver", "--code", two, "--alias", "live"])
        #expect(update.stdout.contains("Alias:   live → 2"), "\(update.stderr)")
        let rollback = try proxy.lambdactl(["rollback", "ver", "--alias", "live"])
        #expect(rollback.stdout.contains("ver:live → 1 (was 2)"), "\(rollback.stderr)")
    }

    @Test("a Failed update stops the waiter with its reason and exit code 7")
    func failedUpdateStops() async throws {
        let zip = try LifecycleZip.write(comment: "fail")
        let create = try proxy.lambdactl(["create-function", "fails", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        try await proxy.faults(#"{"lambda_busy_seconds": 1, "fail_next_update": "Runtime is deprecated"}"#)
        let started = Date()
        let update = try proxy.lambdactl(["update-config", "fails", "--timeout", "30", "--wait-timeout", "60"])
        #expect(update.exitCode == 7)
        #expect(update.stderr.contains("LastUpdateStatus Failed"))
        #expect(update.stderr.contains("Runtime is deprecated"))
        #expect(Date().timeIntervalSince(started) < 30)
    }
}

/// The harness's proxy and control API, as these tests need them.
struct LifecycleProxy: Sendable {
    let endpoint: String
    let control: String
    let environment: [String: String?]

    static var current: LifecycleProxy? {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = env["LAMBDACTL_TEST_ENDPOINT"] else { return nil }
        return LifecycleProxy(
            endpoint: endpoint, control: env["LAMBDACTL_TEST_CONTROL"] ?? endpoint + "/__proxy",
            environment: [
                "AWS_ACCESS_KEY_ID": env["LAMBDACTL_TEST_ACCESS_KEY_ID"] ?? "AKIDLAMBDACTLTEST01",
                "AWS_SECRET_ACCESS_KEY": env["LAMBDACTL_TEST_SECRET_ACCESS_KEY"] ?? "",
                "AWS_REGION": env["LAMBDACTL_TEST_REGION"] ?? "us-east-1",
                // Missing files are a soft miss; /dev/null is refused by the config loader.
                "AWS_CONFIG_FILE": "/nonexistent/lambdactl-test/config",
                "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/lambdactl-test/credentials", "NO_PROXY": "127.0.0.1,localhost",
            ])
    }

    /// Runs lambdactl against the proxy.
    func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--endpoint-url", endpoint], environment: environment)
    }

    /// Merges fault settings.
    func faults(_ json: String) async throws {
        try await control("POST", "faults", body: json)
    }

    /// Calls the control API.
    @discardableResult
    func control(_ method: String, _ route: String, body: String? = nil) async throws -> Data {
        var request = URLRequest(url: URL(string: control + "/" + route)!)
        request.httpMethod = method
        if let body { request.httpBody = Data(body.utf8) }
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }

    /// One request the proxy saw.
    struct Entry: Decodable {
        let operation: String
        let verified: Bool
        let status: Int?
        let bodySize: Int
        enum CodingKeys: String, CodingKey {
            case operation, verified, status
            case bodySize = "body_size"
        }
    }

    /// The proxy's request log.
    func log() async throws -> [Entry] {
        try JSONDecoder().decode([Entry].self, from: try await control("GET", "log"))
    }
}

/// Tiny valid zips: an empty archive whose comment makes each one's CodeSha256 distinct.
enum LifecycleZip {
    static func write(comment: String) throws -> String {
        var bytes: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 16)
        let text = Array(comment.utf8)
        bytes += [UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycle-\(comment)-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
