import Foundation
import Testing

/// The parent of the logs and routes integration suites: serialized, because they share the
/// proxy's fault switches and request log.
@Suite(.serialized, .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct LogsRoutesIntegration {}

/// The local stand-in: the verifying proxy, its control API and moto behind it.
enum LogsRoutesHarness {
    static var env: [String: String] { ProcessInfo.processInfo.environment }
    static var endpoint: String { env["LAMBDACTL_TEST_ENDPOINT"] ?? "" }
    static var control: String { env["LAMBDACTL_TEST_CONTROL"] ?? "" }
    static var moto: String { env["LAMBDACTL_TEST_MOTO_ENDPOINT"] ?? endpoint }
    static var region: String { env["LAMBDACTL_TEST_REGION"] ?? "us-east-1" }

    /// What lambdactl needs to reach the proxy with the test key.
    static var commandEnvironment: [String: String?] {
        [
            "AWS_ACCESS_KEY_ID": env["LAMBDACTL_TEST_ACCESS_KEY_ID"], "AWS_SECRET_ACCESS_KEY": env["LAMBDACTL_TEST_SECRET_ACCESS_KEY"],
            "AWS_REGION": region, "AWS_ENDPOINT_URL": endpoint,
        ]
    }

    /// A unique name for this test's resources.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Runs a boto3 script against moto directly (setup and checks bypass the proxy's faults);
    /// `ENDPOINT` and `REGION` are defined for it. Returns stdout.
    @discardableResult
    static func python(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: env["LAMBDACTL_TEST_PYTHON"] ?? "/usr/bin/python3")
        let prelude = """
            import boto3, json, sys, time
            ENDPOINT = \(String(reflecting: moto)); REGION = \(String(reflecting: region))
            def client(name): return boto3.client(name, endpoint_url=ENDPOINT, region_name=REGION,
                aws_access_key_id="test", aws_secret_access_key="test")

            """
        process.arguments = ["-c", prelude + script] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessFailure("python helper failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends a control request to the proxy and returns the JSON answer.
    @discardableResult
    static func controlCall(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let script = """
            import urllib.request
            req = urllib.request.Request(sys.argv[1], data=(sys.argv[3].encode() if sys.argv[3] else None), method=sys.argv[2])
            req.add_header("Content-Type", "application/json")
            print(urllib.request.urlopen(req).read().decode())
            """
        let payload = try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) } ?? ""
        let text = try python(script, arguments: [control + path, method, payload])
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Proxy log entries from index `since` on.
    static func proxyLog(since: Int = 0) throws -> [[String: Any]] {
        try controlCall("GET", "/log?since=\(since)") as? [[String: Any]] ?? []
    }
}

/// lambdactl running in the background with its output going to files.
struct BackgroundCommand {
    let process: Process
    let stdoutURL: URL
    let stderrURL: URL

    /// Starts `lambdactl arguments…` with `environment` (default: the harness environment).
    static func start(_ arguments: [String], environment overrides: [String: String?]? = nil) throws -> BackgroundCommand {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        var environment: [String: String] = [:]
        for key in ["PATH", "HOME", "TMPDIR", "LANG"] { environment[key] = LogsRoutesHarness.env[key] }
        for (key, value) in overrides ?? LogsRoutesHarness.commandEnvironment { environment[key] = value }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return BackgroundCommand(process: process, stdoutURL: out, stderrURL: err)
    }

    /// Waits for the command to end (killing it after `limit` seconds) and returns what it printed.
    func wait(limit: TimeInterval = 120) -> CommandResult {
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "")
    }

    /// Terminates the command if it still runs (after a failed step).
    func stop() {
        if process.isRunning { process.terminate() }
    }

    /// Sends SIGINT (Ctrl-C).
    func interrupt() { kill(process.processIdentifier, SIGINT) }
}

/// A harness step failed.
struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The `message` of every json-format line lambdactl printed.
func printedMessages(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["message"] as? String
    }
}
