import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSIAM

/// Inline role policies and managed-policy look-ups on the wire.
@Suite("IAM policy operations")
struct IAMPolicyOperationsTests {
    let transport = ScriptedTransport()
    var iam: IAMClient { IAMClient(context: testContext(transport), endpoint: testEndpoint("iam")) }

    @Test("PutRolePolicy sends role, policy name and the document as form parameters")
    func putRolePolicy() async throws {
        transport.on("PutRolePolicy", xml(200, "<R/>"))
        try await iam.putRolePolicy(roleName: "r", policyName: "lambdactl-policy", document: #"{"Version":"2012-10-17"}"#)
        #expect(
            formParameters(try #require(transport.sent.first)) == [
                "Action": "PutRolePolicy", "Version": "2010-05-08", "RoleName": "r", "PolicyName": "lambdactl-policy",
                "PolicyDocument": #"{"Version":"2012-10-17"}"#,
            ])
    }

    @Test("GetRolePolicy decodes IAM's URL-encoded document, keeps plain JSON, and answers nil for NoSuchEntity")
    func getRolePolicy() async throws {
        func answer(_ document: String) -> HTTPResponse {
            xml(200, "<GetRolePolicyResponse><GetRolePolicyResult><RoleName>r</RoleName><PolicyName>p</PolicyName><PolicyDocument>\(document)</PolicyDocument></GetRolePolicyResult></GetRolePolicyResponse>")
        }
        transport.on(
            "GetRolePolicy", answer("%7B%22Version%22%3A%222012-10-17%22%7D"), answer(#"{"Version":"2012-10-17"}"#),
            queryError(404, "NoSuchEntity", "The role policy with name p cannot be found."))
        #expect(try await iam.getRolePolicy(roleName: "r", policyName: "p") == #"{"Version":"2012-10-17"}"#)
        #expect(try await iam.getRolePolicy(roleName: "r", policyName: "p") == #"{"Version":"2012-10-17"}"#)
        #expect(try await iam.getRolePolicy(roleName: "r", policyName: "p") == nil)
        #expect(formParameters(transport.sent[0])["PolicyName"] == "p")
    }

    @Test("DeleteRolePolicy is one form POST naming role and policy")
    func deleteRolePolicy() async throws {
        transport.on("DeleteRolePolicy", xml(200, "<R/>"))
        try await iam.deleteRolePolicy(roleName: "r", policyName: "p")
        #expect(formParameters(transport.sent[0]) == ["Action": "DeleteRolePolicy", "Version": "2010-05-08", "RoleName": "r", "PolicyName": "p"])
    }

    @Test("ListRolePolicies reads the policy names of every page")
    func listRolePolicies() async throws {
        transport.on(
            "ListRolePolicies",
            xml(200, "<R><ListRolePoliciesResult><PolicyNames><member>a</member></PolicyNames><IsTruncated>true</IsTruncated><Marker>m</Marker></ListRolePoliciesResult></R>"),
            xml(200, "<R><ListRolePoliciesResult><PolicyNames><member>b</member></PolicyNames><IsTruncated>false</IsTruncated></ListRolePoliciesResult></R>"))
        #expect(try await iam.listRolePolicies(roleName: "r") == ["a", "b"])
        #expect(transport.sent.map { formParameters($0)["Marker"] } == [nil, "m"])
    }

    @Test("GetPolicy reads name, ARN and path, and answers nil for NoSuchEntity")
    func getPolicy() async throws {
        transport.on(
            "GetPolicy",
            xml(200, "<R><GetPolicyResult><Policy><PolicyName>AWSXRayDaemonWriteAccess</PolicyName><Arn>arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess</Arn><Path>/</Path></Policy></GetPolicyResult></R>"),
            queryError(404, "NoSuchEntity", "Policy arn:aws:iam::aws:policy/x does not exist."))
        let found = try await iam.getPolicy(arn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess")
        #expect(found == IAMManagedPolicy(name: "AWSXRayDaemonWriteAccess", arn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"))
        #expect(try await iam.getPolicy(arn: "arn:aws:iam::aws:policy/x") == nil)
        #expect(formParameters(transport.sent[0])["PolicyArn"] == "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess")
    }

    @Test("ListPolicies sends Scope=Local and follows Marker while IsTruncated")
    func listPolicies() async throws {
        func page(_ name: String, marker: String?) -> HTTPResponse {
            let tail = marker.map { "<IsTruncated>true</IsTruncated><Marker>\($0)</Marker>" } ?? "<IsTruncated>false</IsTruncated>"
            return xml(200, "<R><ListPoliciesResult><Policies><member><PolicyName>\(name)</PolicyName><Arn>arn:aws:iam::123456789012:policy/app/\(name)</Arn><Path>/app/</Path></member></Policies>\(tail)</ListPoliciesResult></R>")
        }
        transport.on("ListPolicies", page("a", marker: "m1"), page("b", marker: nil))
        let policies = try await iam.listPolicies()
        #expect(policies.map(\.name) == ["a", "b"])
        #expect(policies[1].path == "/app/")
        #expect(transport.sent.map { formParameters($0)["Scope"] } == ["Local", "Local"])
        #expect(transport.sent.map { formParameters($0)["Marker"] } == [nil, "m1"])
    }
}

/// Role tags written by lambdactl to record what it attached.
@Suite("IAM role tags")
struct IAMRoleTagTests {
    let transport = ScriptedTransport()
    var iam: IAMClient { IAMClient(context: testContext(transport), endpoint: testEndpoint("iam")) }

    @Test("TagRole sends sorted tag members and UntagRole numbered keys")
    func tagAndUntag() async throws {
        transport.on("TagRole", xml(200, "<R/>"))
        transport.on("UntagRole", xml(200, "<R/>"))
        try await iam.tagRole(name: "r", tags: ["b": "2", "a": "1"])
        try await iam.untagRole(name: "r", keys: ["a", "b"])
        #expect(
            formParameters(transport.sent[0]) == [
                "Action": "TagRole", "Version": "2010-05-08", "RoleName": "r", "Tags.member.1.Key": "a",
                "Tags.member.1.Value": "1", "Tags.member.2.Key": "b", "Tags.member.2.Value": "2",
            ])
        #expect(
            formParameters(transport.sent[1]) == [
                "Action": "UntagRole", "Version": "2010-05-08", "RoleName": "r", "TagKeys.member.1": "a", "TagKeys.member.2": "b",
            ])
    }
}
