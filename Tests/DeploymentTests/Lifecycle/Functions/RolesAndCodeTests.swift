import AWSCore
import AWSIAM
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Execution roles and code inputs")
struct RolesAndCodeTests {
    func attachedPage(_ arns: [String], marker: String?) -> HTTPResponse {
        let members = arns.map { "<member><PolicyName>p</PolicyName><PolicyArn>\($0)</PolicyArn></member>" }.joined()
        let truncation = marker.map { "<IsTruncated>true</IsTruncated><Marker>\($0)</Marker>" } ?? "<IsTruncated>false</IsTruncated>"
        return xml(200, """
            <ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><AttachedPolicies>\(members)</AttachedPolicies>\
            \(truncation)</ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>
            """)
    }

    @Test("ListAttachedRolePolicies follows Marker while IsTruncated")
    func iamPaging() async throws {
        let harness = Harness()
        harness.transport.on("ListAttachedRolePolicies", attachedPage(["arn:a"], marker: "m1"), attachedPage(["arn:b"], marker: nil))
        let arns = try await harness.services().iam.listAttachedRolePolicies(roleName: "r")
        #expect(arns == ["arn:a", "arn:b"])
        guard case .data(let second) = harness.transport.sent[1].body else { Issue.record("no body"); return }
        #expect(String(decoding: second, as: UTF8.self).contains("Marker=m1"))
    }

    @Test("a role tagged lambdactl:created=true is detached and deleted")
    func deletesOwnRole() async throws {
        let harness = Harness()
        harness.transport.on("ListRoleTags", xml(200, """
            <ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>lambdactl:created</Key><Value>true</Value></member>\
            </Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>
            """))
        harness.transport.on("ListAttachedRolePolicies", attachedPage([RoleProvisioner.basicExecutionPolicy], marker: nil))
        harness.transport.on("DetachRolePolicy", xml(200, "<DetachRolePolicyResponse/>"))
        harness.transport.on("DeleteRole", xml(200, "<DeleteRoleResponse/>"))
        let deleted = try await RoleProvisioner(iam: harness.services().iam).deleteIfCreatedByLambdactl("r")
        #expect(deleted)
        #expect(harness.transport.routes == ["ListRoleTags", "ListAttachedRolePolicies", "DetachRolePolicy", "DeleteRole"])
    }

    @Test("delete-function --delete-role keeps a lambdactl role that belongs to another function")
    func keepsSharedRole() async throws {
        let harness = Harness()
        let shared = #","Role":"arn:aws:iam::123456789012:role/lambdactl-other-role""#
        harness.transport.on(
            "GET /2015-03-31/functions/f/configuration",
            json(200, configuration().replacingOccurrences(of: #","Role":"arn:aws:iam::123456789012:role/r""#, with: shared)))
        harness.transport.on("DELETE /2015-03-31/functions/f", HTTPResponse(status: 204, body: Data()))
        let result = try await FunctionInspector(services: harness.services()).delete("f", deleteRole: true)
        #expect(result.deleted && !result.roleDeleted)
        #expect(result.roleKeptBecause?.contains("lambdactl-f-role") == true)
        #expect(!harness.transport.routes.contains("DeleteRole") && !harness.transport.routes.contains("ListRoleTags"))
    }

    @Test("delete-function --delete-role deletes the function's own lambdactl-NAME-role")
    func deletesFunctionsOwnRole() async throws {
        let harness = Harness()
        let own = #","Role":"arn:aws:iam::123456789012:role/lambdactl-f-role""#
        harness.transport.on(
            "GET /2015-03-31/functions/f/configuration",
            json(200, configuration().replacingOccurrences(of: #","Role":"arn:aws:iam::123456789012:role/r""#, with: own)))
        harness.transport.on("DELETE /2015-03-31/functions/f", HTTPResponse(status: 204, body: Data()))
        harness.transport.on("ListRoleTags", xml(200, """
            <ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>lambdactl:created</Key><Value>true</Value></member>\
            </Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>
            """))
        harness.transport.on("ListAttachedRolePolicies", attachedPage([], marker: nil))
        harness.transport.on("DeleteRole", xml(200, "<DeleteRoleResponse/>"))
        let result = try await FunctionInspector(services: harness.services()).delete("f", deleteRole: true)
        #expect(result.roleDeleted)
        #expect(harness.transport.routes.contains("DeleteRole"))
    }

    @Test("an existing default role is reused, not created")
    func reusesRole() async throws {
        let harness = Harness()
        harness.transport.on("GetRole", xml(200, """
            <GetRoleResponse><GetRoleResult><Role><RoleName>lambdactl-f-role</RoleName>\
            <Arn>arn:aws:iam::123456789012:role/lambdactl-f-role</Arn></Role></GetRoleResult></GetRoleResponse>
            """))
        let role = try await RoleProvisioner(iam: harness.services().iam).resolve(role: nil, function: "f", now: Date())
        #expect(role == .init(arn: "arn:aws:iam::123456789012:role/lambdactl-f-role", name: "lambdactl-f-role", created: false))
        #expect(harness.transport.count("CreateRole") == 0)
    }

    @Test("CodeSha256 is the base64 SHA-256 of the zip bytes")
    func codeSHA256() throws {
        let zip = try temporaryZip("abc", signature: false)
        #expect(zip.artifact.codeSHA256 == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(zip.artifact.sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(zip.artifact.size == 3)
    }

    @Test("--code must be an existing .zip while no directory packager is wired in")
    func codeInputs() throws {
        let files = InMemoryFileSystem(
            text: ["/w/x.txt": "x", "/w/random.zip": "random bytes", "/w/app.zip": "PK\u{3}\u{4}zip bytes", "/w/empty.zip": "PK\u{5}\u{6}"],
            directories: ["/w/build"])
        let loader = CodeLoader(packager: nil, files: files)
        #expect(throws: LifecycleError(.missingPath(.code, path: "/nonexistent.zip"))) { try loader.validate("/nonexistent.zip") }
        #expect(throws: LifecycleError(.directoryUnsupported(.code, path: "/w/build"))) { try loader.validate("/w/build") }
        #expect(throws: LifecycleError(.notZip(.code, path: "/w/x.txt"))) { try loader.validate("/w/x.txt") }
        let error = #expect(throws: LifecycleError.self) { try loader.validate("/w/random.zip") }
        #expect(error?.message.contains("is not a zip archive") == true)
        try loader.validate("/w/app.zip")
        try loader.validate("/w/empty.zip")
    }

    @Test("a directory goes through the packager when one is given")
    func directoryPackager() async throws {
        struct FakePackager: CodePackager {
            func package(directory path: String, kind: PackageKind, includes: [String]) async throws -> CodeArtifact {
                CodeArtifact(path: path + "/out.zip", size: 1, sha256: [UInt8](repeating: 0, count: 32))
            }
        }
        let directory = "/w/build"
        let artifact = try await CodeLoader(packager: FakePackager(), files: InMemoryFileSystem(directories: [directory])).load(directory)
        #expect(artifact.path == directory + "/out.zip")
    }

    @Test("CreateFunction's body carries PackageType Zip, the base64 zip and only the settings given")
    func createBody() throws {
        let input = CreateFunctionInput(
            functionName: "f", runtime: "python3.13", role: "arn:r", handler: "app.handler",
            code: .zipFile(Data("zip".utf8)), memorySize: 256, environment: ["A": "1"])
        let object = try #require(try JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(input)) as? NSDictionary)
        #expect(object == [
            "FunctionName": "f", "Runtime": "python3.13", "Role": "arn:r", "Handler": "app.handler",
            "Code": ["ZipFile": "emlw"], "PackageType": "Zip", "MemorySize": 256, "Environment": ["Variables": ["A": "1"]],
        ] as NSDictionary)
    }
}
