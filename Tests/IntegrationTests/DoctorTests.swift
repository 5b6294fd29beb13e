import Foundation
import Testing

/// `doctor` through the built binary against moto behind the proxy (which answers GetAccountSettings).
@Suite(
    "doctor against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct DoctorTests {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    @discardableResult
    func run(_ arguments: [String], exit code: Int32 = 0) throws -> CommandResult {
        let result = try proxy.lambdactl(arguments)
        #expect(result.exitCode == code, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func makeFunction(_ name: String, _ extra: [String] = []) throws {
        let zip = try LifecycleZip.write(comment: name)
        try run(["create-function", name, "--code", zip, "--runtime", "python3.13", "--handler", "app.handler"] + extra)
    }

    func codes(_ stdout: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { $0["code"] as? String }
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
}
