import AWSLambda
import Foundation
import Testing
@testable import Deployment

@Suite("The app's shared execution role: its name, and which functions it suffices for")
struct AppExecutionRoleTests {
    static let file = """
        app: shop
        stage: dev
        defaults:
          runtime: python3.12
          code: src
        functions:
          plain:
            handler: plain.handler
          own-role:
            handler: h.handler
            role: arn:aws:iam::123456789012:role/mine
          policies:
            handler: h.handler
            policies: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
          worker:
            handler: h.handler
            triggers: [{sqs: orders}]
          nightly:
            handler: h.handler
            triggers: [{schedule: rate(1 day)}]
        """

    func config(_ key: String) throws -> DeployConfig {
        let parser = DeployConfigParser(path: "/app/lambdactl.yml", environment: [:], overrides: ConfigOverrides(option: "--set", []))
        guard case .app(let app) = try parser.parseFile(Self.file) else { throw CancellationError() }
        return try #require(app.function(key)).config
    }

    func target(_ config: DeployConfig, settings: FunctionSettings = FunctionSettings()) -> DeployTarget {
        var desired = DesiredConfiguration()
        desired.settings = settings
        var target = DeployTarget(name: config.function.name, codeSHA256: "x", configuration: desired)
        target.policies = PolicyEntry.request(config.function.policies)
        return target
    }

    @Test("one role per app, stage and region, named for them; a name over 64 characters is cut and ends in a hash")
    func names() {
        let role = AppExecutionRole(ownership: AppOwnership(app: "shop", stage: "dev"), region: "eu-west-1")
        #expect(role.name == "lambdactl-app-shop-dev-eu-west-1")
        #expect(role.tags == [
            "lambdactl:app": "shop", "lambdactl:stage": "dev", "lambdactl:region": "eu-west-1", "lambdactl:created": "true",
        ])
        #expect(role.isThis("arn:aws:iam::123456789012:role/lambdactl-app-shop-dev-eu-west-1"))
        #expect(!role.isThis("arn:aws:iam::123456789012:role/lambdactl-plain-dev-role"))
        let long = AppExecutionRole(ownership: AppOwnership(app: String(repeating: "a", count: 60), stage: nil), region: "us-east-1")
        let other = AppExecutionRole(ownership: AppOwnership(app: String(repeating: "a", count: 61), stage: nil), region: "us-east-1")
        #expect(long.name.count == 64 && other.name.count == 64)
        #expect(long.name != other.name)
        #expect(long.name.hasPrefix("lambdactl-app-aaaa"))
    }

    @Test("it suffices for a function with no role, policies, permission-needing setting or queue trigger")
    func suffices() throws {
        for key in ["plain", "nightly"] {
            let config = try config(key)
            #expect(AppExecutionRole.suffices(for: config, target: target(config)), "\(key)")
        }
        for key in ["own-role", "policies", "worker"] {
            let config = try config(key)
            #expect(!AppExecutionRole.suffices(for: config, target: target(config)), "\(key)")
        }
        let plain = try config("plain")
        #expect(!AppExecutionRole.suffices(for: plain, target: target(plain, settings: FunctionSettings(tracing: .active))))
        let vpc = FunctionSettings(vpc: .attach(subnets: ["subnet-1"], securityGroups: ["sg-1"], ipv6: nil))
        #expect(!AppExecutionRole.suffices(for: plain, target: target(plain, settings: vpc)))
        let deadLetter = FunctionSettings(deadLetter: .target("arn:aws:sqs:us-east-1:123456789012:dlq"))
        #expect(!AppExecutionRole.suffices(for: plain, target: target(plain, settings: deadLetter)))
        var current = FunctionConfiguration(functionName: "plain-dev", runtime: "python3.12")
        current.deadLetterConfig = DeadLetterConfig(targetARN: "arn:aws:sqs:us-east-1:123456789012:dlq")
        #expect(!AppExecutionRole.suffices(for: plain, target: target(plain), current: current),
            "a dead-letter queue the function already has, which the file leaves alone, needs its permission")
    }
}
