import Foundation
import Testing
@testable import Deployment

@Suite("Doctor role, SourceAccount and layer rules: each finding from the facts that cause it")
struct DoctorRoleRulesTests {
    static let queue = "arn:aws:sqs:us-east-1:123456789012:jobs"
    static let topic = "arn:aws:sns:us-east-1:123456789012:alerts"

    static func facts(statements: [PolicyStatement] = [], role: AuditedRole? = nil, layers: [AuditedLayer] = []) -> AuditedFunction {
        var facts = DoctorRulesTests.facts(statements: statements)
        facts.role = role
        facts.layers = layers
        facts.architecture = "arm64"
        return facts
    }

    static func role(owned: Bool = false, attached: [String]? = [], grants: [RoleGrant], needs: [RoleNeed], unreadable: String? = nil) -> AuditedRole {
        AuditedRole(name: "app-role", owned: owned, attachedPolicies: attached, grants: grants, unreadable: unreadable, needs: needs)
    }

    @Test("An S3 or SNS statement without SourceAccount is an error whose fix reattaches the trigger; with it, nothing")
    func sourceAccount() throws {
        let bare = PolicyStatement(sid: "s3", principals: ["s3.amazonaws.com"], actions: ["lambda:InvokeFunction"],
                                   sourceARN: "arn:aws:s3:::uploads")
        var scoped = bare
        scoped.sourceAccount = "123456789012"
        let sns = PolicyStatement(sid: "sns", principals: ["sns.amazonaws.com"], actions: ["lambda:InvokeFunction"], sourceARN: Self.topic)
        let events = PolicyStatement(sid: "ev", principals: ["events.amazonaws.com"], actions: ["lambda:InvokeFunction"],
                                     sourceARN: "arn:aws:events:us-east-1:123456789012:rule/r")
        let found = FunctionFindingRules.sourceAccount(Self.facts(statements: [bare, scoped, sns, events]))
        #expect(found.map(\.code) == ["permission-without-source-account", "permission-without-source-account"])
        let first = try #require(found.first)
        #expect(first.severity == .error && first.message.contains("s3"))
        #expect(first.fix == .reattachTrigger(function: "app", kind: "s3", source: "uploads", statementID: "s3"))
        #expect(found.last?.fix == .reattachTrigger(function: "app", kind: "sns", source: Self.topic, statementID: "sns"))
        #expect(FunctionFindingRules.findings(Self.facts(statements: [scoped]), today: DoctorRulesTests.today).isEmpty)
    }

    @Test("Needs come from lambdactl's tables: VPC, tracing, each mapping's source actions, destinations' send actions")
    func needs() {
        let needs = FunctionFindingRules.roleNeeds(
            vpc: true, activeTracing: true, mappings: [(Self.queue, Self.topic)], destinations: [Self.queue], partition: "aws")
        #expect(needs.map(\.actions) == [
            ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"],
            ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            EventSourcePolicy.actions(for: .sqs(fifo: false)), ["sns:Publish"], ["sqs:SendMessage"],
        ])
        #expect(needs[0].managedPolicy == RoleRequirements.vpcPolicy(partition: "aws"))
        #expect(needs[2].resource == Self.queue && needs[3].resource == Self.topic)
        #expect(FunctionFindingRules.roleNeeds(vpc: false, activeTracing: false, mappings: [], destinations: [], partition: "aws").isEmpty)
    }

    @Test("The matcher takes action wildcards case-insensitively and resource wildcards; Deny and NotAction grant nothing")
    func matcher() {
        let grants = RoleGrant.parse(document: """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:us-east-1:123456789012:jo*"},
             {"Effect":"Deny","Action":"*","Resource":"*"},
             {"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
             {"Effect":"Allow","Action":["XRAY:Put?raceSegments"],"Resource":"*"}]}
            """)
        #expect(grants.count == 2)
        #expect(grants.contains { $0.allows("sqs:ReceiveMessage", on: Self.queue) })
        #expect(!grants.contains { $0.allows("sqs:ReceiveMessage", on: "arn:aws:sqs:us-east-1:123456789012:other") })
        #expect(grants.contains { $0.allows("xray:PutTraceSegments", on: "*") })
        #expect(!grants.contains { $0.allows("xray:PutTelemetryRecords", on: "*") })
        #expect(RoleGrant.parse(document: "not json").isEmpty)
        #expect(RoleGrant(actions: ["*"], resources: ["*"]).allows("sns:Publish", on: Self.topic))
    }

    @Test("A need the role does not grant is an error naming the missing actions; a granted or managed one is nothing")
    func missing() throws {
        let mapping = RoleNeed(reason: "the event-source mapping from \(Self.queue)",
                               actions: EventSourcePolicy.actions(for: .sqs(fifo: false)), resource: Self.queue)
        let vpcPolicy = RoleRequirements.vpcPolicy(partition: "aws")
        let vpc = RoleNeed(reason: "VPC access", actions: ["ec2:CreateNetworkInterface"], resource: "*", managedPolicy: vpcPolicy)
        let partial = RoleGrant(actions: ["sqs:ReceiveMessage"], resources: [Self.queue])
        let found = FunctionFindingRules.role(Self.facts(role: Self.role(grants: [partial], needs: [mapping, vpc])))
        #expect(found.map(\.code) == ["role-missing-permission", "role-missing-permission"])
        let first = try #require(found.first)
        #expect(first.severity == .error && first.message.contains("sqs:DeleteMessage") && !first.message.contains("ReceiveMessage"))
        #expect(first.fix == .grantRole(function: "app", role: "app-role", owned: false,
                                        actions: ["sqs:DeleteMessage", "sqs:GetQueueAttributes"], resource: Self.queue, managedPolicy: nil))
        #expect(found.last?.fix == .grantRole(function: "app", role: "app-role", owned: false, actions: ["ec2:CreateNetworkInterface"],
                                               resource: "*", managedPolicy: vpcPolicy))
        let full = RoleGrant(actions: ["sqs:*"], resources: ["*"])
        #expect(FunctionFindingRules.role(Self.facts(role: Self.role(attached: [vpcPolicy], grants: [full], needs: [mapping, vpc]))).isEmpty)
    }

    @Test("A role that cannot be read is one warning, not an error")
    func unreadable() {
        let need = RoleNeed(reason: "active tracing", actions: ["xray:PutTraceSegments"], resource: "*")
        let found = FunctionFindingRules.role(Self.facts(role: Self.role(attached: nil, grants: [], needs: [need], unreadable: "AccessDenied")))
        #expect(found.map(\.code) == ["role-unreadable"] && found.first?.severity == .warning)
        #expect(found.first?.message.contains("active tracing") == true)
    }

    @Test("A layer listing other runtimes or architectures is an error; empty lists or matching ones are fine")
    func layers() {
        let arn = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"
        let wrongRuntime = AuditedLayer(arn: arn, compatibleRuntimes: ["nodejs22.x"])
        let wrongArch = AuditedLayer(arn: arn, compatibleRuntimes: ["python3.13"], compatibleArchitectures: ["x86_64"])
        let fine = [AuditedLayer(arn: arn), AuditedLayer(arn: arn, compatibleRuntimes: ["python3.13"], compatibleArchitectures: ["arm64"])]
        let found = FunctionFindingRules.layers(Self.facts(layers: [wrongRuntime, wrongArch] + fine))
        #expect(found.map(\.code) == ["layer-incompatible", "layer-incompatible"])
        #expect(found[0].message.contains("runtime python3.13") && found[1].message.contains("architecture arm64"))
        #expect(found[0].severity == .error)
        #expect(found[0].fix == .replaceLayer(function: "app", layer: arn, runtime: "python3.13", architecture: "arm64"))
        #expect(FunctionFindingRules.findings(Self.facts(layers: fine), today: DoctorRulesTests.today).isEmpty)
    }
}
