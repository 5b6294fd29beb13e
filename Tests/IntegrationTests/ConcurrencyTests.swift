import Foundation
import Testing

/// `concurrency` and `async-config` against moto behind the proxy, which emulates provisioned
/// concurrency (IN_PROGRESS, then READY or FAILED), account settings and per-qualifier
/// event-invoke configs as AWS keeps them.
@Suite(
    "concurrency and async-config against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct ConcurrencyTests {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try proxy.lambdactl(arguments)
        #expect(result.exitCode == 0, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A function with version 1 and the alias `live` on it.
    func makeFunction(_ name: String) throws {
        let zip = try LifecycleZip.write(comment: name)
        try run(["create-function", name, "--code", zip, "--runtime", "python3.12", "--handler", "app.handler", "--publish"])
        try run(["alias", name, "live", "--to-version", "1"])
    }

    func operations() async throws -> [String] { try await proxy.log().map(\.operation) }

    func clearLog() async throws { try await proxy.control("DELETE", "log") }

    @Test("reserved concurrency is set, shown with the account's unreserved pool, left alone when equal, and removed")
    func reserved() async throws {
        try makeFunction("conc-reserved")
        let first = try run(["concurrency", "conc-reserved", "--reserved", "20"])
        #expect(first.stdout.contains("ReservedConcurrency: 20"))
        #expect(first.stdout.contains("UnreservedAccountConcurrency: 980 of 1000"))
        #expect(first.stdout.contains("changed reserved_concurrency: (none) → 20"))
        try await clearLog()
        let again = try run(["concurrency", "conc-reserved", "--reserved", "20"])
        #expect(!again.stdout.contains("changed"))
        #expect(!(try await operations()).contains("PutFunctionConcurrency"))
        let json = try run(["concurrency", "conc-reserved", "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["reservedConcurrency"] as? Int == 20)
        #expect(object["unreservedAccountConcurrency"] as? Int == 980)
        let removed = try run(["concurrency", "conc-reserved", "--no-reserved"])
        #expect(removed.stdout.contains("ReservedConcurrency: none reserved"))
        #expect((try await operations()).contains("DeleteFunctionConcurrency"))
        let zero = try run(["concurrency", "conc-reserved", "--reserved", "0"])
        #expect(zero.stderr.contains("every invocation is throttled"))
    }

    @Test("provisioned concurrency is waited on: IN_PROGRESS is seen before READY, and a rerun writes nothing")
    func provisionedReady() async throws {
        try makeFunction("conc-ready")
        try await proxy.faults(#"{"provisioned_ready_seconds": 2}"#)
        try await clearLog()
        let result = try run(["concurrency", "conc-ready", "--provisioned", "5", "--qualifier", "live"])
        #expect(result.stderr.contains("IN_PROGRESS"))
        #expect(result.stdout.contains("ProvisionedConcurrency: live requested 5, allocated 5, READY"))
        let log = try await proxy.log()
        let gets = log.filter { $0.operation == "GetProvisionedConcurrencyConfig" }
        #expect(log.filter { $0.operation == "PutProvisionedConcurrencyConfig" }.count == 1)
        #expect(gets.count >= 2, "polled until READY: \(log.map(\.operation))")
        let shown = try run(["get-function", "conc-ready", "--qualifier", "live"]).stdout
        #expect(shown.contains("ProvisionedConcurrency: 5 requested, 5 allocated, READY"), "\(shown)")
        let json = try run(["get-function", "conc-ready", "--qualifier", "live", "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["provisionedConcurrency"] as? [String: Any])?["Status"] as? String == "READY")
        try await clearLog()
        let again = try run(["concurrency", "conc-ready", "--provisioned", "5", "--qualifier", "live"])
        #expect(!again.stdout.contains("changed"))
        #expect(!(try await operations()).contains("PutProvisionedConcurrencyConfig"))
        let removed = try run(["concurrency", "conc-ready", "--no-provisioned", "--qualifier", "live"])
        #expect(removed.stdout.contains("ProvisionedConcurrency: none"))
        #expect((try await operations()).contains("DeleteProvisionedConcurrencyConfig"))
    }

    @Test("a FAILED allocation stops the wait at once with AWS's StatusReason and exit 7")
    func provisionedFailed() async throws {
        try makeFunction("conc-failed")
        let started = Date()
        let result = try proxy.lambdactl(["concurrency", "conc-failed", "--provisioned", "5000", "--qualifier", "1"])
        #expect(result.exitCode == 7, "\(result.stderr)")
        #expect(result.stderr.contains("provisioned concurrency FAILED: Insufficient unreserved concurrency"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("$LATEST, no qualifier and a negative count are refused before any request")
    func refusedLocally() async throws {
        try await clearLog()
        for arguments in [
            ["--provisioned", "5", "--qualifier", "$LATEST"], ["--provisioned", "5"], ["--no-provisioned"],
            ["--reserved=-1"], ["--provisioned", "0", "--qualifier", "live"],
        ] {
            let result = try proxy.lambdactl(["concurrency", "anything"] + arguments)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--qualifier") || result.stderr.contains("is below"), "\(result.stderr)")
        }
        #expect(try await proxy.log().isEmpty)
    }

    @Test("async-config shows, changes only what is given, keeps qualifiers apart and writes nothing when equal")
    func asyncConfig() async throws {
        try makeFunction("conc-async")
        let empty = try run(["async-config", "conc-async"])
        #expect(empty.stdout.contains("no asynchronous invocation configuration"))
        try run(["async-config", "conc-async", "--max-retries", "0", "--max-event-age", "1h"])
        let failure = "arn:aws:sqs:us-east-1:123456789012:failed"
        try run(["async-config", "conc-async", "--on-failure", failure])
        let shown = try run(["async-config", "conc-async"]).stdout
        #expect(shown.contains("max retries 0, max event age 1h, on success (none), on failure \(failure)"))
        let live = try run(["async-config", "conc-async", "--qualifier", "live"]).stdout
        #expect(live.contains("no asynchronous invocation configuration"), "the alias has its own: \(live)")
        try run(["async-config", "conc-async", "--qualifier", "live", "--max-retries", "1"])
        try await clearLog()
        try run(["async-config", "conc-async", "--max-retries", "0", "--on-failure", failure])
        #expect(!(try await operations()).contains("PutFunctionEventInvokeConfig"))
        let json = try run(["async-config", "conc-async", "--qualifier", "live", "--output", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["settings"] as? [String: Any])?["maxRetries"] as? Int == 1)
        try run(["async-config", "conc-async", "--clear"])
        #expect(try run(["async-config", "conc-async"]).stdout.contains("no asynchronous invocation configuration"))
        #expect(try run(["async-config", "conc-async", "--qualifier", "live"]).stdout.contains("max retries 1"))
        let missing = try proxy.lambdactl(["async-config", "conc-missing"])
        #expect(missing.exitCode == 4, "a missing function is not an empty configuration: \(missing.stdout)")
        #expect(missing.stderr.contains("ResourceNotFoundException"))
    }

    @Test("async-config refuses out-of-range values and bad ARNs before any request")
    func asyncRefused() async throws {
        try await clearLog()
        for arguments in [
            ["--max-retries", "3"], ["--max-event-age", "30s"], ["--max-event-age", "7h"], ["--max-event-age", "soon"],
            ["--on-success", "arn:aws:s3:::bucket"], ["--on-failure", "queue"], ["--clear", "--max-retries", "1"],
        ] {
            let result = try proxy.lambdactl(["async-config", "anything"] + arguments)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
        }
        #expect(try await proxy.log().isEmpty)
    }
}
