import Foundation
import Testing
@testable import AWSLambda
@testable import Deployment

/// The pure cores of role permissions: documents, references, requirements and the plan.
@Suite("Role policy cores")
struct RolePolicyCoreTests {
    static let vpc = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
    static let xray = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
    static let basic = RoleProvisioner.basicExecutionPolicy
    static let dynamo = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"

    @Test(
        "a policy document needs JSON, Version and statements with Effect, Action and Resource",
        arguments: [
            ("not json", "is not valid JSON"),
            (#"[1]"#, "is not a JSON object"),
            (#"{"Statement":[]}"#, "has no \"Version\""),
            (#"{"Version":"2012-10-17"}"#, "has no \"Statement\" list"),
            (#"{"Version":"2012-10-17","Statement":[{"Action":"s3:*","Resource":"*"}]}"#, "statement 1 has no \"Effect\""),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"#, "statement 1 has no \"Action\""),
            (#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}"#, "statement 1 has no \"Resource\""),
        ])
    func documentProblems(text: String, problem: String) {
        #expect(PolicyDocument.problem(in: text)?.hasPrefix(problem) == true, "\(PolicyDocument.problem(in: text) ?? "nil")")
    }

    @Test("a valid document passes, and documents compare by meaning, not by spacing or key order")
    func documentMeaning() {
        let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}"#
        #expect(PolicyDocument.problem(in: text) == nil)
        let reordered = #"{ "Statement": [ { "Resource": "*", "Action": ["s3:GetObject"], "Effect": "Allow" } ], "Version": "2012-10-17" }"#
        #expect(PolicyDocument.sameMeaning(text, reordered))
        #expect(!PolicyDocument.sameMeaning(text, text.replacingOccurrences(of: "GetObject", with: "PutObject")))
        let built = PolicyDocument.text([IAMStatement(effect: "Allow", actions: ["s3:GetObject"], resources: ["*"])])
        #expect(PolicyDocument.problem(in: built) == nil)
        #expect(built == PolicyDocument.text([IAMStatement(effect: "Allow", actions: ["s3:GetObject"], resources: ["*"])]))
    }

    @Test("references are policy ARNs or names; names are looked up under policy/ and policy/service-role/ of the partition")
    func references() {
        #expect(PolicyReference.problem(Self.dynamo) == nil)
        #expect(PolicyReference.problem("arn:aws:iam::123456789012:policy/app/mine") == nil)
        #expect(PolicyReference.problem("arn:aws:iam::123456789012:role/x") != nil)
        #expect(PolicyReference.problem("arn:aws:s3:::bucket") != nil)
        #expect(PolicyReference.problem("AmazonDynamoDBReadOnlyAccess") == nil)
        #expect(PolicyReference.problem("has space") != nil)
        #expect(
            PolicyReference.awsManagedCandidates("X", partition: "aws-cn") == [
                "arn:aws-cn:iam::aws:policy/X", "arn:aws-cn:iam::aws:policy/service-role/X",
            ])
    }

    @Test("a VPC needs the VPC access policy, active tracing the X-Ray policy, in the role's partition")
    func managedRequirements() {
        var configuration = FunctionConfiguration()
        #expect(RoleRequirements(RoleNeeds(configuration: configuration), partition: "aws").managedPolicies.isEmpty)
        configuration.vpcConfig = VPCConfig(subnetIDs: ["subnet-1"], securityGroupIDs: ["sg-1"])
        configuration.tracingConfig = TracingConfig(mode: "Active")
        let needs = RoleNeeds(configuration: configuration)
        #expect(needs.vpc && needs.activeTracing)
        #expect(RoleRequirements(needs, partition: "aws").managedPolicies == [Self.xray, Self.vpc])
        #expect(RoleRequirements(needs, partition: "aws-us-gov").managedPolicies.allSatisfy { $0.hasPrefix("arn:aws-us-gov:") })
        configuration.vpcConfig = VPCConfig(subnetIDs: [], securityGroupIDs: [])
        configuration.tracingConfig = TracingConfig(mode: "PassThrough")
        #expect(RoleRequirements(RoleNeeds(configuration: configuration), partition: "aws").managedPolicies.isEmpty)
        #expect(RoleRequirements.partition(of: "arn:aws-cn:iam::123456789012:role/r") == "aws-cn")
    }

    @Test("destinations become one statement per action, scoped to the ARNs of its service")
    func destinations() throws {
        let needs = RoleNeeds(destinations: [
            "arn:aws:sqs:us-east-1:123456789012:dlq", "arn:aws:sns:us-east-1:123456789012:t",
            "arn:aws:lambda:us-east-1:123456789012:function:next", "arn:aws:events:us-east-1:123456789012:event-bus/default",
            "arn:aws:sqs:us-east-1:123456789012:failed",
        ])
        let document = try #require(RoleRequirements(needs, partition: "aws").destinationsDocument)
        let expected = PolicyDocument.text([
            IAMStatement(effect: "Allow", actions: ["events:PutEvents"], resources: ["arn:aws:events:us-east-1:123456789012:event-bus/default"]),
            IAMStatement(effect: "Allow", actions: ["lambda:InvokeFunction"], resources: ["arn:aws:lambda:us-east-1:123456789012:function:next"]),
            IAMStatement(effect: "Allow", actions: ["sns:Publish"], resources: ["arn:aws:sns:us-east-1:123456789012:t"]),
            IAMStatement(
                effect: "Allow", actions: ["sqs:SendMessage"],
                resources: ["arn:aws:sqs:us-east-1:123456789012:dlq", "arn:aws:sqs:us-east-1:123456789012:failed"]),
        ])
        #expect(document == expected)
        #expect(RoleRequirements(RoleNeeds(destinations: []), partition: "aws").destinationsDocument == nil)
        #expect(RoleRequirements(RoleNeeds(destinations: []), partition: "aws").destinationsKnown)
        #expect(!RoleRequirements(RoleNeeds(), partition: "aws").destinationsKnown)
    }

    static func plan(
        _ state: RolePolicyState, attach: [String] = [], detach: [String] = [], managed: [String]? = nil,
        inline: RolePolicyRequest.Inline = .leave, needs: RoleNeeds = RoleNeeds()
    ) -> RolePolicyPlan {
        RolePolicyPlan(
            current: state, attach: attach, detach: detach, managed: managed, inline: inline,
            requirements: RoleRequirements(needs, partition: "aws"))
    }

    @Test("attaching a policy already attached writes nothing; a new one is attached before and recorded")
    func attachIdempotent() {
        #expect(Self.plan(RolePolicyState(attached: [Self.basic, Self.dynamo], recorded: [Self.dynamo]), attach: [Self.dynamo]).isEmpty)
        let plan = Self.plan(RolePolicyState(attached: [Self.basic]), attach: [Self.dynamo])
        #expect(plan.before == [.attach(Self.dynamo), .record([Self.dynamo])])
        #expect(plan.after.isEmpty)
    }

    @Test("an empty policies list detaches only what lambdactl recorded, never the basic execution policy")
    func emptyListDetachesRecorded() {
        let state = RolePolicyState(attached: [Self.basic, Self.dynamo, "arn:aws:iam::aws:policy/Other"], recorded: [Self.dynamo])
        let plan = Self.plan(state, managed: [], inline: .remove)
        #expect(plan.before.isEmpty)
        #expect(plan.after == [.detach(Self.dynamo), .forget([Self.dynamo])])
        let listingBasic = Self.plan(RolePolicyState(attached: [Self.basic]), managed: [Self.basic])
        #expect(listingBasic.isEmpty, "an already attached policy the user lists is not recorded, so never detached later")
    }

    @Test("a setting's policy is attached before the update and detached after it when the setting goes, unless the user asked for it")
    func settingPolicies() {
        let attach = Self.plan(RolePolicyState(attached: [Self.basic]), needs: RoleNeeds(vpc: true))
        #expect(attach.before == [.attach(Self.vpc)] && attach.after.isEmpty)
        let gone = Self.plan(RolePolicyState(attached: [Self.basic, Self.vpc, Self.xray]), needs: RoleNeeds(activeTracing: true))
        #expect(gone.before.isEmpty && gone.after == [.detach(Self.vpc)])
        let userOwn = Self.plan(RolePolicyState(attached: [Self.basic, Self.vpc], recorded: [Self.vpc]))
        #expect(userOwn.isEmpty)
    }

    @Test("the inline policy is written only when its meaning differs, deleted only when present; unknown destinations are left")
    func inlinePolicies() {
        let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        let state = RolePolicyState(inline: ["lambdactl-policy": text.replacingOccurrences(of: ",", with: ", ")])
        #expect(Self.plan(state, inline: .set(text)).isEmpty)
        #expect(Self.plan(RolePolicyState(), inline: .set(text)).before == [.putInline(name: "lambdactl-policy", document: text)])
        #expect(Self.plan(RolePolicyState(), inline: .remove).isEmpty)
        #expect(Self.plan(state, inline: .remove).after == [.deleteInline("lambdactl-policy")])
        let destinations = RolePolicyState(inline: ["lambdactl-destinations": text])
        #expect(Self.plan(destinations).isEmpty)
        #expect(Self.plan(destinations, needs: RoleNeeds(destinations: [])).after == [.deleteInline("lambdactl-destinations")])
    }

    @Test("a user-supplied role is audited: one line per missing need; an inline grant or the policy itself counts")
    func audit() {
        let requirements = RoleRequirements(
            RoleNeeds(vpc: true, activeTracing: true, destinations: ["arn:aws:sqs:us-east-1:123456789012:dlq"]), partition: "aws")
        let lines = RoleAudit.missing(requirements, attached: [Self.basic], inlineDocuments: [])
        #expect(lines.count == 3)
        #expect(lines[0].contains("AWSXRayDaemonWriteAccess") || lines[0].contains("AWSLambdaVPCAccessExecutionRole"))
        #expect(lines.contains { $0.contains("sqs:SendMessage") })
        let covered = RoleAudit.missing(
            requirements, attached: [Self.vpc, "arn:aws:iam::aws:policy/AmazonSQSFullAccess"],
            inlineDocuments: [#"{"Statement":[{"Action":["xray:PutTraceSegments"]}]}"#])
        #expect(covered.isEmpty)
    }

    @Test("the record tag key is stable, prefixed and within IAM's 128 characters")
    func recordKey() {
        let key = RolePolicyConverger.recordKey(Self.dynamo)
        #expect(key == RolePolicyConverger.recordKey(Self.dynamo))
        #expect(key != RolePolicyConverger.recordKey(Self.xray))
        #expect(key.hasPrefix("lambdactl:policy:") && key.count == "lambdactl:policy:".count + 16)
    }

    @Test("deploy config policies: absent leaves, a list sets managed policies and the inline statements, none removes")
    func entriesToRequest() {
        #expect(PolicyEntry.request(nil).isEmpty)
        #expect(PolicyEntry.request([]) == RolePolicyRequest(managed: [], inline: .remove))
        let statement = IAMStatement(effect: "Allow", actions: ["dynamodb:PutItem"], resources: ["arn:aws:dynamodb:us-east-1:1:table/T"])
        #expect(
            PolicyEntry.request([.managed("X"), .statement(statement)])
                == RolePolicyRequest(managed: ["X"], inline: .set(PolicyDocument.text([statement]))))
    }
}

/// When the role is read at all.
@Suite("Role reads")
struct RoleReadTests {
    @Test("the role is read only for a request, a need, or a setting the function has now")
    func concernsRole() {
        var inVPC = FunctionConfiguration()
        inVPC.vpcConfig = VPCConfig(subnetIDs: ["subnet-1"])
        #expect(!RoleNeeds.concernsRole(RolePolicyRequest(), needs: RoleNeeds(), current: FunctionConfiguration()))
        #expect(RoleNeeds.concernsRole(RolePolicyRequest(attach: ["X"]), needs: RoleNeeds(), current: nil))
        #expect(RoleNeeds.concernsRole(RolePolicyRequest(), needs: RoleNeeds(activeTracing: true), current: nil))
        #expect(RoleNeeds.concernsRole(RolePolicyRequest(), needs: RoleNeeds(destinations: []), current: nil))
        #expect(RoleNeeds.concernsRole(RolePolicyRequest(), needs: RoleNeeds(), current: inVPC), "a VPC going away")
    }
}
