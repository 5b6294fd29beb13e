import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("create-function")
struct FunctionCreatorTests {
    static let create = "POST /2015-03-31/functions"
    static let roleError = restJSONError(
        400, "InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.")

    func roleXML(_ action: String, tags: Bool = false) -> HTTPResponse {
        xml(200, """
            <\(action)Response><\(action)Result><Role><RoleName>lambdactl-f-role</RoleName>\
            <Arn>arn:aws:iam::123456789012:role/lambdactl-f-role</Arn></Role></\(action)Result></\(action)Response>
            """)
    }

    func newRoleHarness() -> Harness {
        let harness = Harness()
        harness.transport.on("GetRole", xml(404, "<ErrorResponse><Error><Code>NoSuchEntity</Code><Message>no</Message></Error></ErrorResponse>"))
        harness.transport.on("CreateRole", roleXML("CreateRole"))
        harness.transport.on("AttachRolePolicy", xml(200, "<AttachRolePolicyResponse/>"))
        return harness
    }

    @Test("a just-created role is retried on 'cannot be assumed' until Lambda accepts it")
    func retriesNewRole() async throws {
        let zip = try temporaryZip()
        let harness = newRoleHarness()
        harness.transport.on(Self.create, Self.roleError, Self.roleError, json(201, configuration(state: "Pending")))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        let result = try await FunctionCreator(services: harness.services())
            .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler"))
        #expect(result.roleCreated)
        #expect(result.state == "Active")
        #expect(harness.transport.count(Self.create) == 3)
        #expect(harness.clock.sleeps.prefix(2) == [.seconds(2), .seconds(4)])
        let createRole = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "CreateRole" })
        guard case .data(let form) = createRole.body else { Issue.record("no body"); return }
        let text = String(decoding: form, as: UTF8.self)
        #expect(text.contains("Tags.member.1.Key=lambdactl%3Acreated"))
        #expect(text.contains("lambda.amazonaws.com"))
    }

    @Test("'already exists' after a lost answer is our own function when code, role, runtime and handler match")
    func lostAnswerIsRecognised() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let role = "arn:aws:iam::123456789012:role/r"
        let exists = restJSONError(409, "ResourceConflictException", "Function already exist: f")
        harness.transport.on(Self.create, exists)
        harness.transport.on(
            "GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: zip.artifact.codeSHA256)))
        let result = try await FunctionCreator(services: harness.services())
            .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler", role: role))
        #expect(result.state == "Active")
        #expect(harness.transport.count(Self.create) == 1)
    }

    @Test("'already exists' with other code is still an error")
    func existingOtherFunctionIsAnError() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.create, restJSONError(409, "ResourceConflictException", "Function already exist: f"))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: "OTHER")))
        await #expect(throws: AWSServiceError.self) {
            try await FunctionCreator(services: harness.services())
                .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler", role: "arn:aws:iam::123456789012:role/r"))
        }
    }

    @Test("role retries are bounded by the propagation budget")
    func retriesAreBounded() async throws {
        let zip = try temporaryZip()
        let harness = newRoleHarness()
        harness.transport.on(Self.create, Self.roleError)
        await #expect(throws: AWSServiceError.self) {
            try await FunctionCreator(services: harness.services(), rolePropagationBudget: .seconds(30))
                .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler"))
        }
        #expect(harness.clock.elapsed <= 30)
        #expect(harness.transport.count(Self.create) == 5)  // at 0, 2, 6, 14, 24 s; 24 s + 10 s would pass 30 s
    }

    @Test("a role created for a CreateFunction that Lambda refuses is deleted again")
    func refusedCreateRemovesNewRole() async throws {
        let zip = try temporaryZip()
        let harness = newRoleHarness()
        harness.transport.on(Self.create, restJSONError(400, "InvalidParameterValueException", "The runtime parameter of python3.99 is not supported."))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        harness.transport.on("ListRoleTags", xml(200, """
            <ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>lambdactl:created</Key><Value>true</Value></member>\
            </Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>
            """))
        harness.transport.on("ListAttachedRolePolicies", xml(200, """
            <ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><AttachedPolicies><member>\
            <PolicyArn>\(RoleProvisioner.basicExecutionPolicy)</PolicyArn></member></AttachedPolicies>\
            <IsTruncated>false</IsTruncated></ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>
            """))
        harness.transport.on("DetachRolePolicy", xml(200, "<DetachRolePolicyResponse/>"))
        harness.transport.on("DeleteRole", xml(200, "<DeleteRoleResponse/>"))
        let error = await #expect(throws: AWSServiceError.self) {
            try await FunctionCreator(services: harness.services())
                .run(.init(name: "f", codePath: zip.path, runtime: "python3.99", handler: "app.handler"))
        }
        #expect(error?.code == "InvalidParameterValueException")
        #expect(harness.transport.count("DeleteRole") == 1)
    }

    @Test("a role is kept when the function exists after all (its CreateFunction answer was lost)")
    func keepsRoleWhenFunctionExists() async throws {
        let zip = try temporaryZip()
        let harness = newRoleHarness()
        harness.transport.on(Self.create, restJSONError(409, "ResourceConflictException", "Function already exist: f"))
        harness.transport.on(
            "GET /2015-03-31/functions/f/configuration",
            json(200, configuration().replacingOccurrences(of: "role/r", with: "role/lambdactl-f-role")))
        await #expect(throws: AWSServiceError.self) {
            try await FunctionCreator(services: harness.services())
                .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler"))
        }
        #expect(harness.transport.count("DeleteRole") == 0)
    }

    @Test("an existing role's 'cannot be assumed' error is not retried")
    func noRetryForExistingRole() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.create, Self.roleError)
        await #expect(throws: AWSServiceError.self) {
            try await FunctionCreator(services: harness.services()).run(
                .init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler",
                    role: "arn:aws:iam::123456789012:role/existing"))
        }
        #expect(harness.transport.count(Self.create) == 1)
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test("bad settings fail before any call")
    func validatesFirst() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        await #expect(throws: LifecycleError.self) {
            try await FunctionCreator(services: harness.services()).run(
                .init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler",
                    configuration: DesiredConfiguration(memorySize: 64)))
        }
        await #expect(throws: LifecycleError.self) {
            try await FunctionCreator(services: harness.services()).run(
                .init(name: "f", codePath: "/nonexistent/code.zip", runtime: "python3.13", handler: "app.handler"))
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("the default role name fits IAM's 64 characters")
    func roleName() {
        #expect(RoleProvisioner.defaultRoleName(function: "f") == "lambdactl-f-role")
        #expect(RoleProvisioner.defaultRoleName(function: String(repeating: "x", count: 64)).count == 64)
    }
}
