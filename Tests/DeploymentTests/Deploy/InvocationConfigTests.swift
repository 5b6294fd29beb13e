import AWSLambda
import Foundation
import Testing
@testable import Deployment

/// `reserved_concurrency`, `provisioned_concurrency` and `async` in the deploy config: parsing
/// (absent vs null), validation with file:line, and the plan's old → new steps.
@Suite("Deploy config: concurrency and async settings")
struct InvocationConfigTests {
    static let file = "/app/lambdactl.yml"

    func parse(_ extra: String, alias: Bool = true) throws -> DeployConfig {
        let text = """
            function:
              name: hello
              runtime: python3.12
              handler: app.handler
              code: .
            \(extra)
            \(alias ? "alias: live" : "")
            """
        return try DeployConfigParser(path: Self.file, environment: [:]).parse(text)
    }

    @Test("an absent key leaves the setting, an explicit null removes it, a value sets it")
    func absentNullValue() throws {
        #expect(try parse("").function.invocation == InvocationSpec())
        let spec = try parse(
            "  reserved_concurrency: null\n  provisioned_concurrency: 5\n  async: {max_retries: 0, on_failure: null}"
        ).function.invocation
        #expect(spec.reservedConcurrency == .remove)
        #expect(spec.provisionedConcurrency == .set(5))
        #expect(spec.async == .set(AsyncSpec(maxRetries: .set(0), onFailure: .remove)))
        #expect(try parse("  async: null").function.invocation.async == .remove)
        let url = try parse("  function_url: {auth: None, cors_origins: [\"https://a.example\"]}").function.invocation.functionURL
        #expect(url == .set(FunctionURLSpec(auth: "None", corsOrigins: ["https://a.example"])))
        #expect(FunctionURLSpec(auth: "None").authType == "NONE" && FunctionURLSpec(auth: "aws_iam").authType == "AWS_IAM")
        #expect(try parse("  function_url: null").function.invocation.functionURL == .remove)
        #expect(try parse("  async:\n    max_event_age: 1h30m").function.invocation.async?.asyncChange.maxEventAge == .set(5400))
    }

    @Test("errors name the line: provisioned concurrency without an alias, ranges, ARNs, unknown async keys")
    func refused() throws {
        let cases: [(String, Bool, String)] = [
            ("  provisioned_concurrency: 3", false, "\(Self.file):6: function.provisioned_concurrency needs an alias"),
            ("  provisioned_concurrency: 0", true, "\(Self.file):6: function.provisioned_concurrency 0 is below 1"),
            ("  reserved_concurrency: -2", true, "\(Self.file):6: function.reserved_concurrency -2 is below 0"),
            ("  async:\n    max_retries: 4", true, "\(Self.file):7: function.async.max_retries 4 is outside 0–2"),
            ("  async:\n    max_event_age: soon", true, "\(Self.file):7: function.async.max_event_age takes a duration"),
            ("  function_url: {auth: open}", true, "\(Self.file):6: function.function_url.auth must be none or aws_iam"),
            ("  function_url:\n    auth: none\n    cors_origins: [example.com]", true, "\(Self.file):8: function.function_url.cors_origins: 'example.com' is not an origin"),
            ("  async:\n    on_success: q", true, "\(Self.file):7: function.async.on_success q is not an SQS queue"),
        ]
        for (extra, alias, message) in cases {
            let config = try parse(extra, alias: alias)
            let error = #expect(throws: DeployConfigError.self) { try DeployValidation.check(config, file: Self.file) }
            #expect(error?.message.hasPrefix(message) == true, "\(extra): \(error?.message ?? "accepted")")
        }
        #expect(throws: DeployConfigError.self) { try parse("  async: {retries: 1}") }
    }

    func target(_ spec: InvocationSpec) -> DeployTarget {
        var target = DeployTarget(
            name: "hello", codeSHA256: "SHA",
            configuration: DesiredConfiguration(handler: "app.handler", runtime: "python3.12"), alias: "live")
        target.invocation = spec
        return target
    }

    func state(reserved: Int?, provisioned: ProvisionedConcurrencyConfig?, async: AsyncInvokeSettings?) -> DeployState {
        var state = DeployState(
            function: FunctionConfiguration(functionName: "hello", runtime: "python3.12", handler: "app.handler", codeSHA256: "SHA"),
            latestVersion: FunctionConfiguration(codeSHA256: "SHA", version: "1"), aliasVersion: "1")
        state.reservedConcurrency = reserved
        state.provisioned = provisioned
        state.asyncSettings = async
        return state
    }

    @Test("the function URL step compares the auth type in any case and the CORS origins as a set")
    func urlPlan() {
        let current = FunctionURLConfig(
            functionURL: "https://u", authType: "NONE", cors: CORS(allowOrigins: ["https://b", "https://a"]))
        let same = DeployPlan.urlStep(
            .set(FunctionURLSpec(auth: "none", corsOrigins: ["https://a", "https://b"])), current: current, desired: target(InvocationSpec()))
        #expect(same.change == .unchanged)
        let changed = DeployPlan.urlStep(.set(FunctionURLSpec(auth: "aws_iam")), current: current, desired: target(InvocationSpec()))
        #expect(changed.diff == [FieldChange("function_url.auth", old: "NONE", new: "AWS_IAM")])
        #expect(DeployPlan.urlStep(.remove, current: nil, desired: target(InvocationSpec())).change == .unchanged)
        #expect(DeployPlan.urlStep(.remove, current: current, desired: target(InvocationSpec())).diff?.first?.new == "(none)")
    }

    @Test("the plan shows each differing setting old → new and leaves equal ones unchanged")
    func plan() {
        let spec = InvocationSpec(
            reservedConcurrency: .set(20), provisionedConcurrency: .set(5), async: .set(AsyncSpec(maxRetries: .set(0))))
        let changed = DeployPlan(current: state(reserved: 10, provisioned: nil, async: nil), desired: target(spec))
        let steps = changed.steps.filter { [.reservedConcurrency, .provisionedConcurrency, .asyncConfig].contains($0.action) }
        #expect(steps.map(\.change) == [.update, .update, .update])
        #expect(steps[0].diff == [FieldChange("reserved_concurrency", old: "10", new: "20")])
        #expect(steps[1].diff == [FieldChange("provisioned_concurrency", old: nil, new: "5")])
        #expect(steps[2].diff == [FieldChange("async.max_retries", old: nil, new: "0")])
        let ready = ProvisionedConcurrencyConfig(requested: 5, status: "READY")
        let same = DeployPlan(
            current: state(reserved: 20, provisioned: ready, async: AsyncInvokeSettings(maxRetries: 0)), desired: target(spec))
        #expect(same.isEmpty)
        let failed = ProvisionedConcurrencyConfig(requested: 5, status: "FAILED", statusReason: "x")
        let retry = DeployPlan(
            current: state(reserved: 20, provisioned: failed, async: AsyncInvokeSettings(maxRetries: 0)), desired: target(spec))
        #expect(retry.steps.first { $0.action == .provisionedConcurrency }?.change == .update)
        let removal = DeployPlan(
            current: state(reserved: 20, provisioned: ready, async: AsyncInvokeSettings(maxRetries: 0)),
            desired: target(InvocationSpec(reservedConcurrency: .remove, provisionedConcurrency: .remove, async: .remove)))
        #expect(removal.steps.filter(\.changes).compactMap(\.diff).flatMap { $0 }.map(\.text) == [
            "reserved_concurrency: 20 → (none)", "provisioned_concurrency: 5 → (none)",
            "async: max retries 0, max event age 6h (default), on success (none), on failure (none) → (none)",
        ])
    }
}
