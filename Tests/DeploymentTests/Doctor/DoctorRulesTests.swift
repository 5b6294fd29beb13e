import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("Doctor rules: each finding from the facts that cause it, none on a clean function")
struct DoctorRulesTests {
    static func facts(
        runtime: String? = "python3.13", variables: [String: String] = [:], reserved: Int? = nil,
        statements: [PolicyStatement] = [], url: String? = nil, codeSize: Int64 = 1000
    ) -> AuditedFunction {
        AuditedFunction(name: "app", runtime: runtime, timeout: 3, codeSize: codeSize, variables: variables,
                      reservedConcurrency: reserved, statements: statements, urlAuthType: url)
    }

    static let today = "2026-12-02"

    @Test("A clean function has no findings")
    func clean() {
        #expect(FunctionFindingRules.findings(Self.facts(), today: Self.today).isEmpty)
    }

    @Test("A runtime past its deprecation date is an error naming the table's source and a successor")
    func deprecated() throws {
        let found = FunctionFindingRules.findings(Self.facts(runtime: "nodejs18.x"), today: Self.today)
        let finding = try #require(found.first)
        #expect(finding.code == "runtime-deprecated" && finding.severity == .error)
        #expect(finding.message.contains(RuntimeCatalog.source))
        #expect(finding.fix == .setRuntime(function: "app", runtime: RuntimeCatalog.successor(for: .nodejs, today: Self.today) ?? ""))
    }

    @Test("A runtime deprecated within 90 days is a warning; one further away is nothing")
    func soon() {
        let facts = Self.facts(runtime: "nodejs22.x")
        #expect(FunctionFindingRules.runtime(facts, today: "2027-03-01").map(\.code) == ["runtime-deprecation-soon"])
        #expect(FunctionFindingRules.runtime(facts, today: "2026-12-02").isEmpty)
    }

    @Test("A service statement without SourceArn is a confused-deputy warning; one with it is fine")
    func sourceArn() {
        let bare = PolicyStatement(sid: "s3", principals: ["s3.amazonaws.com"], actions: ["lambda:InvokeFunction"], sourceARN: nil)
        let scoped = PolicyStatement(sid: "ok", principals: ["sns.amazonaws.com"], actions: ["lambda:InvokeFunction"], sourceARN: "arn:aws:sns:us-east-1:1:t")
        let found = FunctionFindingRules.permissions(Self.facts(statements: [bare, scoped]))
        #expect(found.map(\.code) == ["permission-without-source-arn"])
        #expect(found[0].message.contains("s3"))
    }

    @Test("A public URL with only InvokeFunctionUrl lacks the October 2025 statement (error) and is public (info)")
    func publicURL() {
        let urlOnly = PolicyStatement(sid: "u", principals: ["*"], actions: ["lambda:InvokeFunctionUrl"], sourceARN: nil)
        let found = FunctionFindingRules.url(Self.facts(statements: [urlOnly], url: "NONE"))
        #expect(found.map(\.code) == ["url-missing-invoke-statement", "url-public"])
        #expect(found[0].message.contains("lambda:InvokeFunction "))
        let both = PolicyStatement(sid: "i", principals: ["*"], actions: ["lambda:InvokeFunction"], sourceARN: nil)
        #expect(FunctionFindingRules.url(Self.facts(statements: [urlOnly, both], url: "NONE")).map(\.code) == ["url-public"])
        #expect(FunctionFindingRules.url(Self.facts(url: "AWS_IAM")).isEmpty)
    }

    @Test("Reserved concurrency 0 is an error; environment and package near their limits are warnings, values never shown")
    func limits() {
        let big = ["BIG": String(repeating: "x", count: 3800)]
        let found = FunctionFindingRules.limits(Self.facts(variables: big, reserved: 0, codeSize: 48 * 1024 * 1024))
        #expect(found.map(\.code) == ["reserved-concurrency-zero", "environment-near-limit", "package-near-limit"])
        #expect(!found.contains { $0.message.contains("xxxx") })
        #expect(FunctionFindingRules.limits(Self.facts(variables: ["A": "b"], reserved: 5)).isEmpty)
    }

    @Test("A mapping on $LATEST warns only when the function has aliases")
    func latest() {
        var facts = Self.facts()
        facts.latestMappings = ["arn:aws:sqs:us-east-1:1:q"]
        #expect(FunctionFindingRules.latest(facts).isEmpty)
        facts.aliases = ["live"]
        #expect(FunctionFindingRules.latest(facts).map(\.code) == ["latest-in-use"])
        #expect(FunctionFindingRules.isUnqualified(functionARN: "arn:aws:lambda:us-east-1:1:function:app"))
        #expect(!FunctionFindingRules.isUnqualified(functionARN: "arn:aws:lambda:us-east-1:1:function:app:live"))
    }

    @Test("Errors fail a run; warnings only with strict; info never")
    func failing() {
        let warning = [DoctorFinding(.warning, "w", "w"), DoctorFinding(.info, "i", "i")]
        #expect(!warning.fails(strict: false))
        #expect(warning.fails(strict: true))
        #expect([DoctorFinding(.error, "e", "e")].fails(strict: false))
        #expect(![DoctorFinding(.info, "i", "i")].fails(strict: true))
    }

    @Test("Credentials expiring within 15 minutes warn, expired ones are an error, long-term ones nothing")
    func expiry() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(EnvironmentRules.expiry(now.addingTimeInterval(600), now: now)?.code == "credentials-expire-soon")
        #expect(EnvironmentRules.expiry(now.addingTimeInterval(3600), now: now) == nil)
        #expect(EnvironmentRules.expiry(now.addingTimeInterval(-1), now: now)?.severity == .error)
        #expect(EnvironmentRules.expiry(nil, now: now) == nil)
    }

    @Test("AccessDenied reads as lacking the permission; proxy passwords never shown")
    func deniedAndProxy() {
        let denied = AWSServiceError(code: "AccessDenied", message: "no", requestID: nil, status: 403)
        let judged = EnvironmentRules.probeFinding(service: "sqs", action: "sqs:ListQueues", error: denied)
        #expect(judged.status == "denied")
        #expect(judged.finding.message == "sqs: credentials work but lack permission sqs:ListQueues")
        let proxy = EnvironmentRules.proxySettings(["HTTPS_PROXY": "http://bob:s3cret@proxy:3128", "NO_PROXY": "localhost"])
        #expect(proxy == ["HTTPS_PROXY": "http://***@proxy:3128", "NO_PROXY": "localhost"])
    }
}
