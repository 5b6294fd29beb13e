import Foundation
import Testing

/// `doctor` through the built binary against moto behind the proxy (which answers GetAccountSettings).
@Suite(
    "doctor against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct DoctorTests: DoctorSuite {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    func makeFunction(_ name: String, _ extra: [String] = []) throws {
        let zip = try LifecycleZip.write(comment: name)
        try run(["create-function", name, "--code", zip, "--runtime", "python3.13", "--handler", "app.handler"] + extra)
    }

    @Test("the environment report lists every service's endpoint with an ok probe and the account's limits")
    func environment() throws {
        let result = try run(["doctor"])
        for operation in ["ListFunctions", "ListRoles", "GetCallerIdentity", "ListQueues", "ListTables"] {
            #expect(result.stdout.contains("\(operation) ok"), "\(result.stdout)")
        }
        #expect(result.stdout.contains("Lambda concurrentExecutions: 1000"))
        #expect(result.stdout.contains("no findings"))
    }

    @Test("a clean function has no findings and exits 0")
    func clean() throws {
        try makeFunction("doc-clean")
        #expect(try run(["doctor", "doc-clean"]).stdout.contains("no findings"))
    }

    @Test("reserved 0, a bare S3 permission, a big environment and a public URL are found; exit 12")
    func findings() throws {
        try makeFunction("doc-bad", ["--env", "BIG=" + String(repeating: "x", count: 3800)])
        try run(["concurrency", "doc-bad", "--reserved", "0"])
        try run(["function-url", "doc-bad", "--auth-type", "NONE"])
        try run(["request", "lambda", "POST", "/2015-03-31/functions/doc-bad/policy", "--data",
                 #"{"StatementId":"bare","Action":"lambda:InvokeFunction","Principal":"s3.amazonaws.com"}"#])
        let result = try run(["doctor", "doc-bad", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["reserved-concurrency-zero", "permission-without-source-account", "permission-without-source-arn",
                                              "environment-near-limit", "url-public"])
        #expect(!result.stdout.contains("xxxxxxxx"))
        let text = try run(["doctor", "doc-bad"], exit: 12).stdout
        #expect(text.contains("error: reserved concurrency is 0") && text.contains("lambdactl concurrency doc-bad --no-reserved"))
    }

    @Test("a package within 10% of the 50 MB direct-upload limit is package-near-limit, a warning (48 MB of random bytes, uploaded directly)")
    func packageNearLimit() throws {
        // The finding reads GetFunction's CodeSize, so only a real package that size shows it: random
        // bytes do not compress, and 48,000,000 of them zip to just above the 47,185,920-byte threshold.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("doc-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("def handler(event, context):\n    return event\n".utf8).write(to: directory.appendingPathComponent("app.py"))
        let random = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom"))
        try random.read(upToCount: 48_000_000)?.write(to: directory.appendingPathComponent("blob.bin"))
        try random.close()
        try run(["create-function", "doc-big", "--code", directory.path, "--runtime", "python3.13", "--handler", "app.handler"])
        let text = try run(["doctor", "doc-big"]).stdout
        #expect(text.contains("warning: the package is 480") && text.contains("close to the 52428800-byte direct-upload limit [package-near-limit]"), "\(text)")
        #expect(text.contains("→ move dependencies into a layer: lambdactl publish-layer"))
        let json = try run(["doctor", "doc-big", "--output", "json", "--strict"], exit: 12).stdout
        #expect(try codes(json) == ["package-near-limit"])
        try run(["delete-function", "doc-big"])
    }

    @Test("warnings alone exit 0, and 12 with --strict")
    func strict() throws {
        try makeFunction("doc-warn", ["--env", "BIG=" + String(repeating: "y", count: 3800)])
        try run(["doctor", "doc-warn"])
        try run(["doctor", "doc-warn", "--strict"], exit: 12)
    }

    @Test("an event-source mapping on $LATEST in a function with aliases is a warning")
    func latestMapping() throws {
        try makeFunction("doc-latest", ["--publish"])
        try run(["alias", "doc-latest", "live", "--to-version", "1"])
        try run(["request", "sqs", "POST", "/", "--target", "CreateQueue", "--data", #"{"QueueName":"doc-latest-q"}"#])
        let queue = "arn:aws:sqs:us-east-1:123456789012:doc-latest-q"
        try run(["request", "lambda", "POST", "/2015-03-31/event-source-mappings/", "--data",
                 #"{"FunctionName":"doc-latest","EventSourceArn":"\#(queue)"}"#])
        let result = try run(["doctor", "doc-latest", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["role-missing-permission", "latest-in-use"])
    }

    @Test("with ListQueues denied, sqs is reported as lacking sqs:ListQueues: a warning (exit 0, 12 with --strict)")
    func deniedProbe() async throws {
        let deny = try JSONEncoder().encode(HarnessFaults(denyOperations: ["ListQueues"]))
        try await proxy.faults(String(decoding: deny, as: UTF8.self))
        let text = try run(["doctor"]).stdout
        #expect(text.contains("warning: sqs: credentials work but lack permission sqs:ListQueues [permission-missing]"), "\(text)")
        #expect(text.contains("grant sqs:ListQueues to the caller"))
        #expect(text.contains("ListTables ok"), "other services still probed: \(text)")
        let json = try run(["doctor", "--output", "json"]).stdout
        #expect(try codes(json) == ["permission-missing"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.first { $0["service"] as? String == "sqs" }?["status"] as? String == "denied")
        #expect(json.contains("credentials work but lack permission sqs:ListQueues"))
        try run(["doctor", "--strict"], exit: 12)
        try await proxy.faults(#"{"deny_operations": null}"#)
    }

    @Test("a 60 s function behind an HTTP API route is a warning fixed by update-config --timeout 30")
    func timeoutBehindHTTPAPI() throws {
        try makeFunction("doc-slow", ["--timeout", "60"])
        try run(["attach-routes", "doc-slow", "--api", "doc-slow-api", "--route", "GET /slow"])
        let json = try run(["doctor", "doc-slow", "--output", "json"]).stdout
        #expect(try codes(json) == ["timeout-behind-http-api"])
        let text = try run(["doctor", "doc-slow"]).stdout
        #expect(text.contains("60 s timeout") && text.contains("GET /slow (doc-slow-api)"), "\(text)")
        #expect(text.contains("lambdactl update-config doc-slow --timeout 30"))
        try run(["update-config", "doc-slow", "--timeout", "30"])
        #expect(try run(["doctor", "doc-slow"]).stdout.contains("no findings"))
    }

    @Test("with an alias, the unqualified function URL is latest-in-use")
    func latestURL() throws {
        try makeFunction("doc-latest-url", ["--publish"])
        try run(["alias", "doc-latest-url", "live", "--to-version", "1"])
        try run(["function-url", "doc-latest-url", "--auth-type", "AWS_IAM"])
        let text = try run(["doctor", "doc-latest-url", "--strict"], exit: 12).stdout
        #expect(text.contains("the function URL invokes $LATEST although the function has aliases (live) [latest-in-use]"), "\(text)")
        #expect(text.contains("lambdactl function-url doc-latest-url --qualifier live"))
    }

    @Test("a clock 10 minutes off AWS's is a clock-skew warning; lambdactl's own calls still succeed (corrected time)")
    func clockOffset() async throws {
        let line = try run(["doctor"]).stdout
        #expect(line.contains("Clock:       local clock in sync with AWS's Date header"), "\(line)")
        try await proxy.faults(#"{"clock_offset_seconds": 600}"#)
        let text = try run(["doctor"]).stdout
        // The header has whole seconds: 599 to 601 s.
        let seconds = text.components(separatedBy: "Clock:       local clock ").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) }
        #expect((599...601).contains(seconds ?? 0) && text.contains("s behind AWS's Date header"), "\(text)")
        #expect(text.contains("signs with the corrected time (6") || text.contains("signs with the corrected time (59"))
        #expect(text.contains("ListQueues ok"), "probes pass after the correction: \(text)")
        let json = try run(["doctor", "--output", "json"]).stdout
        #expect(try codes(json) == ["clock-skew"])
        try run(["doctor", "--strict"], exit: 12)
        try await proxy.faults(#"{"clock_offset_seconds": 0}"#)
    }
}
