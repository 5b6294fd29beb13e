import AWSCore
import AWSTestSupport
import Foundation
import Synchronization
import Testing
@testable import Deployment

/// The role side of update-config and create-function through the scripted transport: what is
/// written to a role lambdactl created, what is refused or only warned about for the user's own,
/// and the retry while a new VPC permission propagates.
@Suite("Role policy converger")
struct RolePolicyConvergerTests {
    static let vpc = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
    static let dynamo = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"
    static let configurationPath = "GET /2015-03-31/functions/f/configuration"
    static let updatePath = "PUT /2015-03-31/functions/f/configuration"
    static let iamWrites = ["AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "TagRole", "UntagRole"]

    /// A function configuration with `role` and, when `vpc`, subnets.
    static func function(role: String = "lambdactl-f-role", vpc: Bool = false, memory: Int = 128) -> String {
        let extra = vpc ? #","VpcConfig":{"SubnetIds":["subnet-1"],"SecurityGroupIds":["sg-1"]}"# : ""
        return configuration(memory: memory, extra: extra).replacingOccurrences(of: "role/r\"", with: "role/\(role)\"")
    }

    static func tags(created: Bool, recorded: [String] = []) -> HTTPResponse {
        var members = created ? "<member><Key>lambdactl:created</Key><Value>true</Value></member>" : ""
        for arn in recorded {
            members += "<member><Key>\(RolePolicyConverger.recordKey(arn))</Key><Value>\(arn)</Value></member>"
        }
        return xml(200, "<R><ListRoleTagsResult><Tags>\(members)</Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></R>")
    }

    static func attached(_ arns: [String]) -> HTTPResponse {
        let members = arns.map { "<member><PolicyArn>\($0)</PolicyArn></member>" }.joined()
        return xml(200, "<R><ListAttachedRolePoliciesResult><AttachedPolicies>\(members)</AttachedPolicies><IsTruncated>false</IsTruncated></ListAttachedRolePoliciesResult></R>")
    }

    static let noSuchEntity = queryError(404, "NoSuchEntity", "not found")
    static func policy(_ arn: String) -> HTTPResponse {
        xml(200, "<R><GetPolicyResult><Policy><PolicyName>\(PolicyReference.name(of: arn))</PolicyName><Arn>\(arn)</Arn></Policy></GetPolicyResult></R>")
    }

    /// An owned role with only the basic policy, no inline policies.
    func scriptOwnedRole(_ harness: Harness, attached: [String] = [RoleProvisioner.basicExecutionPolicy]) {
        harness.transport.on("ListRoleTags", Self.tags(created: true))
        harness.transport.on("ListAttachedRolePolicies", Self.attached(attached))
        harness.transport.on("GetRolePolicy", Self.noSuchEntity)
        for write in Self.iamWrites { harness.transport.on(write, xml(200, "<R/>")) }
    }

    @Test("update-config --policy NAME on lambdactl's role looks the name up, attaches and records it; no Lambda write")
    func attachByName() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function()))
        scriptOwnedRole(harness)
        harness.transport.on("GetPolicy", Self.noSuchEntity, Self.policy("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"))
        harness.transport.on("ListPolicies", xml(200, "<R><ListPoliciesResult><Policies/><IsTruncated>false</IsTruncated></ListPoliciesResult></R>"))
        let result = try await ConfigUpdater(services: harness.services())
            .run("f", desired: DesiredConfiguration(), policies: RolePolicyRequest(attach: ["AWSLambdaRole"]))
        #expect(result.changed)
        #expect(result.roleChanges == ["attach arn:aws:iam::aws:policy/service-role/AWSLambdaRole"])
        let getPolicies = harness.transport.sent.filter { formParameters($0)["Action"] == "GetPolicy" }.map { formParameters($0)["PolicyArn"] }
        #expect(getPolicies == ["arn:aws:iam::aws:policy/AWSLambdaRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaRole"])
        #expect(harness.transport.count("AttachRolePolicy") == 1)
        #expect(harness.transport.count("TagRole") == 1)
        #expect(harness.transport.count(Self.updatePath) == 0)
        #expect(harness.transport.count("ListPolicies") == 0, "an AWS-managed match needs no look at the account's")
    }

    @Test("a name AWS does not manage is one of the account's (ListPolicies Scope=Local); two AWS-managed matches are refused")
    func accountPolicyAndAmbiguity() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function()))
        scriptOwnedRole(harness)
        harness.transport.on("GetPolicy", Self.noSuchEntity)
        harness.transport.on(
            "ListPolicies",
            xml(200, "<R><ListPoliciesResult><Policies><member><PolicyName>orders</PolicyName><Arn>arn:aws:iam::123456789012:policy/app/orders</Arn><Path>/app/</Path></member></Policies><IsTruncated>false</IsTruncated></ListPoliciesResult></R>"))
        let result = try await ConfigUpdater(services: harness.services())
            .run("f", desired: DesiredConfiguration(), policies: RolePolicyRequest(attach: ["orders"]))
        #expect(result.roleChanges == ["attach arn:aws:iam::123456789012:policy/app/orders"])
        #expect(formParameters(try #require(harness.transport.requests(to: "ListPolicies").first))["Scope"] == "Local")

        let ambiguous = Harness()
        ambiguous.transport.on(Self.configurationPath, json(200, Self.function()))
        scriptOwnedRole(ambiguous)
        ambiguous.transport.on("GetPolicy", Self.policy("arn:aws:iam::aws:policy/X"), Self.policy("arn:aws:iam::aws:policy/service-role/X"))
        let error = await #expect(throws: LifecycleError.self) {
            try await ConfigUpdater(services: ambiguous.services())
                .run("f", desired: DesiredConfiguration(), policies: RolePolicyRequest(attach: ["X"]))
        }
        #expect(error?.message.contains("several managed policies are named X") == true)
        #expect(Self.iamWrites.allSatisfy { ambiguous.transport.count($0) == 0 })
    }

    @Test("a policy already attached and recorded makes no IAM write")
    func rerunWritesNothing() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function()))
        scriptOwnedRole(harness, attached: [RoleProvisioner.basicExecutionPolicy, Self.dynamo])
        harness.transport.on("ListRoleTags", Self.tags(created: true, recorded: [Self.dynamo]))
        let result = try await ConfigUpdater(services: harness.services())
            .run("f", desired: DesiredConfiguration(), policies: RolePolicyRequest(attach: [Self.dynamo]))
        #expect(!result.changed)
        #expect(Self.iamWrites.allSatisfy { harness.transport.count($0) == 0 })
    }

    @Test("--policy on a role the user supplied is refused before any write, as a usage error")
    func userRoleRefused() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function(role: "my-role")))
        let error = await #expect(throws: LifecycleError.self) {
            try await ConfigUpdater(services: harness.services())
                .run("f", desired: DesiredConfiguration(memorySize: 256), policies: RolePolicyRequest(attach: [Self.dynamo]))
        }
        #expect(error?.category == .usage)
        #expect(error?.message.contains("was not created by lambdactl") == true)
        #expect(harness.transport.count(Self.updatePath) == 0)
        #expect(harness.transport.sent.allSatisfy { formParameters($0)["Action"] == nil }, "no IAM call at all")
    }

    @Test("a user's role missing the VPC permission gets one warning line and is left unchanged")
    func userRoleWarned() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function(role: "my-role", vpc: true)))
        harness.transport.on("ListAttachedRolePolicies", Self.attached([RoleProvisioner.basicExecutionPolicy]))
        harness.transport.on("ListRolePolicies", xml(200, "<R><ListRolePoliciesResult><PolicyNames/><IsTruncated>false</IsTruncated></ListRolePoliciesResult></R>"))
        _ = try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration())
        #expect(harness.warnings.lines.count == 1)
        #expect(harness.warnings.lines.first?.contains("AWSLambdaVPCAccessExecutionRole") == true)
        #expect(Self.iamWrites.allSatisfy { harness.transport.count($0) == 0 })
    }

    @Test("for a VPC function lambdactl attaches the VPC policy first and retries the update while it propagates")
    func vpcPropagationRetry() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function(vpc: true)), json(200, Self.function(vpc: true, memory: 256)))
        scriptOwnedRole(harness)
        let refusal = json(
            400, #"{"Type":"User","message":"The provided execution role does not have permissions to call CreateNetworkInterface on EC2"}"#,
            headers: [("X-Amzn-ErrorType", "InvalidParameterValueException")])
        harness.transport.on(Self.updatePath, refusal, refusal, json(200, Self.function(vpc: true, memory: 256)))
        let result = try await ConfigUpdater(services: harness.services())
            .run("f", desired: DesiredConfiguration(memorySize: 256))
        #expect(result.fields == ["MemorySize"])
        #expect(result.roleChanges == ["attach \(Self.vpc)"])
        #expect(harness.transport.count(Self.updatePath) == 3)
        #expect(harness.clock.sleeps.filter { $0 >= .seconds(2) } == [.seconds(2), .seconds(4)])
        let order = harness.transport.routes.filter { $0 == "AttachRolePolicy" || $0 == Self.updatePath }
        #expect(order.first == "AttachRolePolicy")
    }

    @Test("the VPC permission error is not retried for a role the user owns")
    func vpcErrorNotRetriedForUserRole() async throws {
        let harness = Harness()
        harness.transport.on(Self.configurationPath, json(200, Self.function(role: "my-role", vpc: true)))
        harness.transport.on("ListAttachedRolePolicies", Self.attached([Self.vpc]))
        harness.transport.on("ListRolePolicies", xml(200, "<R><ListRolePoliciesResult><PolicyNames/><IsTruncated>false</IsTruncated></ListRolePoliciesResult></R>"))
        harness.transport.on(
            Self.updatePath,
            json(400, #"{"message":"The provided execution role does not have permissions to call CreateNetworkInterface on EC2"}"#,
                headers: [("X-Amzn-ErrorType", "InvalidParameterValueException")]))
        await #expect(throws: AWSServiceError.self) {
            try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration(memorySize: 256))
        }
        #expect(harness.transport.count(Self.updatePath) == 1)
    }

    @Test("create-function for a VPC function attaches the VPC policy to the new role before CreateFunction and retries its refusal")
    func createInVPC() async throws {
        let harness = Harness()
        harness.transport.on("GetRole", Self.noSuchEntity)
        harness.transport.on(
            "CreateRole",
            xml(200, "<R><CreateRoleResult><Role><RoleName>lambdactl-f-role</RoleName><Arn>arn:aws:iam::123456789012:role/lambdactl-f-role</Arn></Role></CreateRoleResult></R>"))
        scriptOwnedRole(harness)
        let refusal = json(
            400, #"{"message":"The provided execution role does not have permissions to call CreateNetworkInterface on EC2"}"#,
            headers: [("X-Amzn-ErrorType", "InvalidParameterValueException")])
        harness.transport.on("POST /2015-03-31/functions", refusal, json(201, Self.function(vpc: true)))
        harness.transport.on(Self.configurationPath, json(200, Self.function(vpc: true)))
        let zip = try temporaryZip()
        var request = FunctionCreator.Request(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler")
        request.roleNeeds = RoleNeeds(vpc: true)
        _ = try await FunctionCreator(services: harness.services()).run(request)
        let order = harness.transport.routes.filter { ["AttachRolePolicy", "POST /2015-03-31/functions"].contains($0) }
        #expect(order == ["AttachRolePolicy", "AttachRolePolicy", "POST /2015-03-31/functions", "POST /2015-03-31/functions"])
        let attachedARNs = harness.transport.requests(to: "AttachRolePolicy").map { formParameters($0)["PolicyArn"] }
        #expect(attachedARNs == [RoleProvisioner.basicExecutionPolicy, Self.vpc])
    }

    @Test("PropagationRetry gives up once the next wait would pass its budget")
    func retryBudget() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 0))
        let retry = PropagationRetry(time: clock.timeSource, budget: .seconds(20), progress: { _ in })
        let attempts = Counter()
        await #expect(throws: AWSServiceError.self) {
            try await retry.run(while: PropagationRetry.isVPCPermissionError) {
                attempts.increment()
                throw AWSServiceError(
                    code: "InvalidParameterValueException", message: "… permissions to call CreateNetworkInterface on EC2",
                    requestID: nil, status: 400)
            }
        }
        #expect(clock.sleeps == [.seconds(2), .seconds(4), .seconds(8)])
        #expect(attempts.value == 4)
    }
}

/// A counter shared with a sendable closure.
final class Counter: Sendable {
    private let state = Synchronization.Mutex(0)
    func increment() { state.withLock { $0 += 1 } }
    var value: Int { state.withLock { $0 } }
}
