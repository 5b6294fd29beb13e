import AWSLambda
import Foundation
import Testing
@testable import Deployment

@Suite("DeployPlan: what a deploy will do")
struct DeployPlanTests {
    static let layerARN = "arn:aws:lambda:us-east-1:123456789012:layer:deps"

    static func function(sha: String = "SHA", memory: Int = 256, env: [String: String]? = ["STAGE": "prod"], layers: [String]? = nil)
        -> FunctionConfiguration
    {
        FunctionConfiguration(
            functionName: "hello", runtime: "python3.12", handler: "app.handler", codeSHA256: sha, description: "d",
            timeout: 10, memorySize: memory, environment: env.map { EnvironmentResponse(variables: $0) },
            layers: layers?.map { LayerReference(arn: $0) })
    }

    static func target(
        sha: String = "SHA", memory: Int = 256, env: [String: String]? = ["STAGE": "prod"],
        layers: [(name: String, codeSHA256: String)] = [], publish: Bool = false, alias: String? = nil
    ) -> DeployTarget {
        DeployTarget(
            name: "hello", codeSHA256: sha,
            configuration: DesiredConfiguration(
                memorySize: memory, timeout: 10, handler: "app.handler", runtime: "python3.12", description: "d"),
            environment: env, layers: layers, publish: publish, alias: alias)
    }

    func summary(_ plan: DeployPlan) -> [String] {
        plan.steps.map { "\($0.action.rawValue) \($0.target) \($0.change.rawValue)" + ($0.fields.map { " " + $0.joined(separator: ",") } ?? "") }
    }

    @Test("a new function is created, then published and the alias created")
    func newFunction() {
        let plan = DeployPlan(current: DeployState(), desired: Self.target(publish: true, alias: "live"))
        #expect(summary(plan) == ["create-function hello create", "publish-version hello publish", "move-alias live create"])
        #expect(!plan.isEmpty)
    }

    @Test("an identical deploy changes nothing, including the version and the alias")
    func unchanged() {
        let version = FunctionConfiguration(codeSHA256: "SHA", version: "3")
        let state = DeployState(function: Self.function(), latestVersion: version, aliasVersion: "3")
        let plan = DeployPlan(current: state, desired: Self.target(publish: true, alias: "live"))
        #expect(summary(plan) == [
            "update-code hello unchanged", "update-configuration hello unchanged", "publish-version hello unchanged",
            "move-alias live unchanged",
        ])
        #expect(plan.isEmpty)
    }

    @Test("a move off the app's shared role is its own step, before the configuration, and publishes a version")
    func roleSwitch() {
        let version = FunctionConfiguration(codeSHA256: "SHA", version: "3")
        var state = DeployState(function: Self.function(), latestVersion: version, aliasVersion: "3")
        state.roleSwitch = RoleSwitch(
            from: "lambdactl-app-shop-us-east-1", to: "lambdactl-hello-role",
            toARN: "arn:aws:iam::123456789012:role/lambdactl-hello-role")
        let plan = DeployPlan(current: state, desired: Self.target(publish: true, alias: "live"))
        #expect(summary(plan) == [
            "update-code hello unchanged", "switch-role hello update", "update-configuration hello unchanged",
            "publish-version hello publish", "move-alias live move",
        ])
        let line = DeployText.line(for: plan.steps[1], dryRun: true)
        #expect(line.contains("function hello role: would update (role: lambdactl-app-shop-us-east-1 → lambdactl-hello-role"), "\(line)")
    }

    @Test("a memory change updates only the configuration's MemorySize, then publishes and moves the alias")
    func configurationOnly() {
        let state = DeployState(
            function: Self.function(), latestVersion: FunctionConfiguration(codeSHA256: "SHA", version: "3"), aliasVersion: "3")
        let plan = DeployPlan(current: state, desired: Self.target(memory: 512, publish: true, alias: "live"))
        #expect(summary(plan) == [
            "update-code hello unchanged", "update-configuration hello update MemorySize", "publish-version hello publish",
            "move-alias live move",
        ])
    }

    @Test("a version published before a configuration change that never got published is published again")
    func configurationNotYetPublished() {
        // A previous run set MemorySize 512 on $LATEST and failed before PublishVersion.
        let published = Self.function(memory: 256)
        var version = published
        version.version = "3"
        let state = DeployState(function: Self.function(memory: 512), latestVersion: version, aliasVersion: "3")
        let plan = DeployPlan(current: state, desired: Self.target(memory: 512, publish: true, alias: "live"))
        #expect(summary(plan) == [
            "update-code hello unchanged", "update-configuration hello unchanged", "publish-version hello publish",
            "move-alias live move",
        ])
        var stale = version
        stale.environment = EnvironmentResponse(variables: ["STAGE": "dev"])
        stale.memorySize = 512
        let envPlan = DeployPlan(
            current: DeployState(function: Self.function(memory: 512), latestVersion: stale, aliasVersion: "3"),
            desired: Self.target(memory: 512, publish: true, alias: "live"))
        #expect(summary(envPlan).contains("publish-version hello publish"))
        var same = version
        same.memorySize = 512
        let upToDate = DeployPlan(
            current: DeployState(function: Self.function(memory: 512), latestVersion: same, aliasVersion: "3"),
            desired: Self.target(memory: 512, publish: true, alias: "live"))
        #expect(upToDate.isEmpty)
    }

    @Test("a published version with other settings than $LATEST (tracing set, publish failed) is published again")
    func settingsNotYetPublished() {
        var current = Self.function()
        current.tracingConfig = TracingConfig(mode: "Active")
        var version = Self.function()
        version.version = "3"
        version.tracingConfig = TracingConfig(mode: "PassThrough")
        var target = Self.target(publish: true, alias: "live")
        target.configuration.settings = FunctionSettings(tracing: .active)
        let plan = DeployPlan(current: DeployState(function: current, latestVersion: version, aliasVersion: "3"), desired: target)
        #expect(summary(plan).contains("publish-version hello publish"))
        version.tracingConfig = TracingConfig(mode: "Active")
        #expect(DeployPlan(current: DeployState(function: current, latestVersion: version, aliasVersion: "3"), desired: target).isEmpty)
    }

    @Test("new code updates only the code")
    func codeOnly() {
        let plan = DeployPlan(current: DeployState(function: Self.function()), desired: Self.target(sha: "NEW"))
        #expect(summary(plan) == ["update-code hello update", "update-configuration hello unchanged"])
    }

    @Test("variables missing from the config are removed; a config without environment leaves it alone")
    func environment() {
        let current = Self.function(env: ["STAGE": "prod", "OLD": "1"])
        let replace = DeployPlan(current: DeployState(function: current), desired: Self.target())
        #expect(summary(replace).last == "update-configuration hello update Environment")
        #expect(replace.configuration.unsetEnvironment == ["OLD"])
        let keep = DeployPlan(current: DeployState(function: current), desired: Self.target(env: nil))
        #expect(summary(keep).last == "update-configuration hello unchanged")
    }

    @Test("a layer whose latest version has the same CodeSha256 is not published and the function is unchanged")
    func layerUnchanged() {
        let latest = LayerVersion(layerVersionARN: "\(Self.layerARN):4", version: 4)
        let state = DeployState(
            function: Self.function(layers: ["\(Self.layerARN):4"]), layers: ["deps": latest],
            layerCodeSHA256: ["deps": "LAYER"])
        let plan = DeployPlan(current: state, desired: Self.target(layers: [("deps", "LAYER")]))
        #expect(summary(plan) == ["publish-layer deps unchanged", "update-code hello unchanged", "update-configuration hello unchanged"])
        #expect(plan.isEmpty)
    }

    @Test("a changed layer is published and replaces its older version on the function")
    func layerChanged() {
        let other = "arn:aws:lambda:us-east-1:123456789012:layer:other:1"
        let latest = LayerVersion(layerVersionARN: "\(Self.layerARN):4", version: 4)
        let state = DeployState(
            function: Self.function(layers: ["\(Self.layerARN):4", other]), layers: ["deps": latest],
            layerCodeSHA256: ["deps": "OLD"])
        let plan = DeployPlan(current: state, desired: Self.target(layers: [("deps", "NEW")]))
        #expect(summary(plan) == ["publish-layer deps publish", "update-code hello unchanged", "update-configuration hello update Layers"])
        #expect(plan.layerARNs == ["\(Self.layerARN):5", other])
    }

    @Test("publish is needed when the latest version holds other code, even if $LATEST is current")
    func publishCatchesUp() {
        let state = DeployState(function: Self.function(), latestVersion: FunctionConfiguration(codeSHA256: "OLD", version: "2"))
        let plan = DeployPlan(current: state, desired: Self.target(publish: true))
        #expect(summary(plan).last == "publish-version hello publish")
    }

    @Test("tags that differ are added or overwritten; tags not in the config are kept")
    func tags() {
        var desired = Self.target()
        desired.tags = ["team": "web", "cost": "7"]
        let state = DeployState(function: Self.function(), tags: ["team": "web", "owner": "ann"])
        let plan = DeployPlan(current: state, desired: desired)
        #expect(summary(plan).last == "update-tags hello update cost")
        #expect(DeployPlan.tagChanges(current: ["a": "1"], desired: ["a": "1"]).isEmpty)
        #expect(DeployPlan(current: DeployState(function: Self.function(), tags: ["team": "web", "cost": "7"]), desired: desired).isEmpty)
    }

    @Test("the layer list keeps explicit ARNs, and appends managed layers not yet there")
    func layerList() {
        #expect(DeployPlan.layerList(explicit: nil, current: ["x:1"], managed: []) == nil)
        #expect(DeployPlan.layerList(explicit: ["a:1"], current: ["x:1"], managed: []) == ["a:1"])
        #expect(DeployPlan.layerList(explicit: nil, current: ["x:1"], managed: ["\(Self.layerARN):2"]) == ["x:1", "\(Self.layerARN):2"])
    }

    @Test("each step reads as one line, in the dry-run and the applied wording")
    func lines() {
        let step = DeployStep(.updateConfiguration, "hello", .update, fields: ["MemorySize"])
        #expect(DeployText.line(for: step, dryRun: true) == "function hello configuration: would update (MemorySize)")
        #expect(DeployText.line(for: step, dryRun: false) == "function hello configuration: updated (MemorySize)")
        #expect(DeployText.line(for: DeployStep(.moveAlias, "live", .unchanged, detail: "version 3"), dryRun: false)
            == "alias live: unchanged (version 3)")
    }
}
