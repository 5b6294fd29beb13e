import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSIAM

/// IAMClient on the wire: query-protocol form bodies, XML answers, `NoSuchEntity`, and paging by
/// `IsTruncated`/`Marker`.
@Suite("IAM client")
struct IAMClientTests {
    let transport = ScriptedTransport()
    var iam: IAMClient { IAMClient(context: testContext(transport), endpoint: testEndpoint("iam")) }

    static func role(_ name: String) -> String {
        """
        <Role><RoleName>\(name)</RoleName><Arn>arn:aws:iam::123456789012:role/\(name)</Arn>\
        <CreateDate>2026-11-23T12:00:00Z</CreateDate></Role>
        """
    }

    @Test("CreateRole sends name, trust policy, description and sorted tags as members, and reads the role")
    func createRole() async throws {
        transport.on("CreateRole", xml(200, "<CreateRoleResponse><CreateRoleResult>\(Self.role("r"))</CreateRoleResult></CreateRoleResponse>"))
        let role = try await iam.createRole(
            name: "r", assumeRolePolicy: #"{"Version":"2012-10-17"}"#, description: "d", tags: ["z": "2", "a": "1"])
        #expect(role.name == "r")
        #expect(role.arn == "arn:aws:iam::123456789012:role/r")
        #expect(role.createDate == Date(timeIntervalSince1970: 1_795_435_200))
        let request = try #require(transport.sent.first)
        #expect(request.method == "POST" && request.path == "/")
        #expect(request.headers["Authorization"]?.contains("/us-east-1/iam/aws4_request") == true)
        #expect(
            formParameters(request) == [
                "Action": "CreateRole", "Version": "2010-05-08", "RoleName": "r",
                "AssumeRolePolicyDocument": #"{"Version":"2012-10-17"}"#, "Description": "d",
                "Tags.member.1.Key": "a", "Tags.member.1.Value": "1", "Tags.member.2.Key": "z", "Tags.member.2.Value": "2",
            ])
    }

    @Test("GetRole answers nil for NoSuchEntity and throws other errors with their code")
    func getRole() async throws {
        transport.on("GetRole", queryError(404, "NoSuchEntity", "The role with name r cannot be found."), queryError(403, "AccessDenied", "no"))
        #expect(try await iam.getRole(name: "r") == nil)
        let error = await #expect(throws: AWSServiceError.self) { try await iam.getRole(name: "r") }
        #expect(error?.code == "AccessDenied")
        #expect(error?.requestID == "req-1")
        #expect(formParameters(transport.sent[0])["RoleName"] == "r")
    }

    @Test("ListAttachedRolePolicies follows Marker while IsTruncated, and stops on a repeated marker")
    func attachedPoliciesPaging() async throws {
        func page(_ arn: String, marker: String?) -> HTTPResponse {
            let tail = marker.map { "<IsTruncated>true</IsTruncated><Marker>\($0)</Marker>" } ?? "<IsTruncated>false</IsTruncated>"
            return xml(
                200,
                """
                <ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><AttachedPolicies>\
                <member><PolicyArn>\(arn)</PolicyArn></member></AttachedPolicies>\(tail)\
                </ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>
                """)
        }
        transport.on("ListAttachedRolePolicies", page("p1", marker: "m1"), page("p2", marker: "m1"), page("p3", marker: nil))
        let arns = try await iam.listAttachedRolePolicies(roleName: "r")
        #expect(arns == ["p1", "p2"])
        #expect(transport.sent.map { formParameters($0)["Marker"] } == [nil, "m1"])
    }

    @Test("ListRoleTags reads every page's members into one map")
    func roleTags() async throws {
        transport.on(
            "ListRoleTags",
            xml(200, "<R><ListRoleTagsResult><Tags><member><Key>a</Key><Value>1</Value></member></Tags><IsTruncated>true</IsTruncated><Marker>n</Marker></ListRoleTagsResult></R>"),
            xml(200, "<R><ListRoleTagsResult><Tags><member><Key>b</Key><Value>2</Value></member></Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></R>"))
        #expect(try await iam.listRoleTags(name: "r") == ["a": "1", "b": "2"])
        #expect(formParameters(transport.sent[1])["Marker"] == "n")
    }

    @Test("attach, detach and delete are one form POST each with the right parameters")
    func writes() async throws {
        for action in ["AttachRolePolicy", "DetachRolePolicy", "DeleteRole"] { transport.on(action, xml(200, "<R/>")) }
        try await iam.attachRolePolicy(roleName: "r", policyARN: "arn:p")
        try await iam.detachRolePolicy(roleName: "r", policyARN: "arn:p")
        try await iam.deleteRole(name: "r")
        #expect(transport.routes == ["AttachRolePolicy", "DetachRolePolicy", "DeleteRole"])
        #expect(formParameters(transport.sent[0])["PolicyArn"] == "arn:p")
        #expect(formParameters(transport.sent[2]) == ["Action": "DeleteRole", "Version": "2010-05-08", "RoleName": "r"])
    }
}
